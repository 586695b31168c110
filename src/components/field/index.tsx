/**
 * A labelled field: label (with "选填" when the answer may be left out), an optional hint, the control,
 * and the error in words right beside it. An error is never shown by colour alone: it is a sentence with
 * a ✕ mark, and the field is framed. A field a reviewer asked to fix is framed too, with a ✎ note.
 * The control inside names itself with the label (screen readers; see docs/guardian-app.md) and points
 * at the error line (`<id>-error`) while there is one.
 */
import { Text, View } from '@tarojs/components'
import type { PropsWithChildren, ReactNode } from 'react'
import { fieldDomId, useForm } from '../form/context'
import { FIELD_TEXT } from '../strings'
import './index.scss'

export interface FieldProps {
  path: string
  label: string
  optional?: boolean
  hint?: string
  /** Extra lines under the control (e.g. what an ID number says). */
  note?: ReactNode
}

export default function Field({ path, label, optional, hint, note, children }: PropsWithChildren<FieldProps>) {
  const form = useForm()
  const error = form.useError(path)
  // A form either has flags or not, for its whole life: the hook order stays the same.
  const flag = form.useFlag?.(path)
  const state = error ? 'field--invalid' : flag ? 'field--flagged' : ''
  const domId = fieldDomId(path)
  return (
    <View id={domId} className={`field ${state}`}>
      <View className='field__label'>
        <Text id={`${domId}-label`}>{label}</Text>
        {optional && <Text className='field__optional'>{FIELD_TEXT.optional}</Text>}
      </View>
      {hint && <Text className='field__hint'>{hint}</Text>}
      {children}
      {note}
      {flag && !error && (
        <View className='field__flag'>
          <Text>{`${FIELD_TEXT.flagMark} ${flag}`}</Text>
        </View>
      )}
      {error && (
        <View className='field__error' id={`${domId}-error`} ariaRole='alert'>
          <Text>{`${FIELD_TEXT.errorMark} ${error}`}</Text>
        </View>
      )}
    </View>
  )
}
