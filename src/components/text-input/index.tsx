/**
 * A text field that does not re-render while typing. The native input is uncontrolled: it gets the
 * committed value as its *default* when it mounts, keystrokes go into a ref, and the text is committed on
 * blur, when the form flushes pending edits (step change, submit, app hide) or when the field unmounts.
 *
 * Why not `value`: Taro's React (both the mini-program runtime and the H5 components) treats an input
 * with a `value` prop as controlled and, after every input event, writes the prop back into the input
 * (one setData per keystroke, and characters lost on a slow phone). When the committed value changes
 * from elsewhere (copied contact, a normalised ID number), the input is re-created with the new default.
 */
import { Input, Textarea } from '@tarojs/components'
import { useCallback, useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react'
import { inputName } from '../a11y'
import Field from '../field'
import { fieldDomId, useForm } from '../form/context'
import { FIELD_TEXT } from '../strings'

export type TextKind = 'text' | 'textarea' | 'phone' | 'id' | 'cert'

export interface TextFieldProps {
  path: string
  label: string
  kind?: TextKind
  maxlength?: number
  optional?: boolean
  hint?: string
  placeholder?: string
  note?: ReactNode
  /** Applied to the text before it is committed (e.g. full-width digits and x in ID numbers). */
  normalise?(text: string): string
  /** Called after a commit with the committed value and the one before it. */
  onCommitted?(value: string | undefined, previous: string | undefined): void
}

const MAX: Record<TextKind, number> = { text: 100, textarea: 200, phone: 16, id: 18, cert: 20 }

export default function TextField(props: TextFieldProps) {
  const { path, label, kind = 'text', optional, hint, note, placeholder } = props
  const form = useForm()
  const committed = (form.useValue(path) as string | undefined) ?? ''
  const error = form.useError(path)
  // What the native input shows now, and what was typed since the last commit (undefined: nothing).
  const shown = useRef(committed)
  // The default the current native input was created with: it changes only when the input is re-created,
  // so a commit does not send a new (useless) default to the view.
  const mounted = useRef(committed)
  const typed = useRef<string | undefined>(undefined)
  const [generation, setGeneration] = useState(0)
  const latest = useRef(props)
  latest.current = props

  const commit = useCallback(() => {
    if (typed.current === undefined) return
    const trimmed = typed.current.trim()
    const text = latest.current.normalise ? latest.current.normalise(trimmed) : trimmed
    typed.current = undefined
    const previous = form.read(path) as string | undefined
    const value = text === '' ? undefined : text
    if (value !== previous) form.commit(path, value)
    latest.current.onCommitted?.(value, previous)
  }, [form, path])

  useEffect(() => form.registerPending(commit), [form, commit])
  // Leaving the page (back button) unmounts the field: what was typed is still committed.
  useEffect(() => () => commit(), [commit])

  // The committed value differs from what the input shows (changed elsewhere, or normalised): re-create
  // the input with it. While typing nothing is committed, so this never runs per keystroke.
  useLayoutEffect(() => {
    if (typed.current === undefined && committed !== shown.current) {
      shown.current = committed
      mounted.current = committed
      setGeneration((g) => g + 1)
    }
  }, [committed])

  const common = {
    className: `field__input ${kind === 'textarea' ? 'field__textarea' : ''}`,
    defaultValue: mounted.current,
    placeholder: placeholder ?? FIELD_TEXT.inputPlaceholder,
    maxlength: props.maxlength ?? MAX[kind],
    onInput: (e: { detail: { value: string } }) => {
      typed.current = e.detail.value
      shown.current = e.detail.value
    },
    onBlur: commit,
    // No setData per keystroke in the mini-program (platform/quiet-inputs.ts).
    'data-quiet': 'true',
    // Named by the label; the state and the error line reach the real <input> of the H5 build.
    ...inputName(label, {
      'aria-invalid': error ? 'true' : 'false',
      ...(error ? { 'aria-describedby': `${fieldDomId(path)}-error` } : {}),
      // A phone keyboard (digits, +, space) rather than a number spinner.
      ...(kind === 'phone' ? { type: 'tel', inputMode: 'tel', autoComplete: 'tel' } : {}),
    }),
  }
  return (
    <Field path={path} label={label} optional={optional} hint={hint} note={note}>
      {kind === 'textarea' ? (
        <Textarea key={generation} {...common} autoHeight />
      ) : (
        <Input
          key={generation}
          {...common}
          type={kind === 'phone' ? 'number' : kind === 'id' || kind === 'cert' ? 'idcard' : 'text'}
          confirmType='done'
        />
      )}
    </Field>
  )
}
