/**
 * The fields of a new account, or of an account's new role and region: name and phone (new ones only),
 * the role among those the administrator manages, and the region code. The server checks the region
 * (level, inside the administrator's own) and answers in Chinese; this form only collects.
 */
import { Input, Text, View } from '@tarojs/components'
import { useState } from 'react'
import { inputName } from '@/components/a11y'
import ActionButton from '@/components/button'
import { ChoiceRows } from '@/components/choice-list'
import { FIELD_TEXT } from '@/components/strings'
import type { WorkerRole } from '@/domain/api'
import { ROLE_LABELS } from '@/domain/status'
import { ACCOUNTS_TEXT } from './strings'

export interface AccountFields {
  displayName: string
  phone: string
  role: string
  regionCode: string
}

function TextField(props: { id: string; label: string; hint?: string; value: string; max: number; onInput(v: string): void }) {
  return (
    <View className='field' id={props.id}>
      <Text className='field__label'>{props.label}</Text>
      {props.hint && <Text className='field__hint'>{props.hint}</Text>}
      <Input
        className='field__input'
        value={props.value}
        maxlength={props.max}
        onInput={(e) => props.onInput(e.detail.value)}
        {...inputName(props.label)}
      />
    </View>
  )
}

export default function AccountForm(props: {
  id: string
  heading: string
  roles: WorkerRole[]
  initial?: Partial<AccountFields>
  /** Editing an existing account: role and region only. */
  placementOnly?: boolean
  submitLabel: string
  onSubmit(fields: AccountFields): Promise<string | undefined>
  onCancel?(): void
}) {
  const [fields, setFields] = useState<AccountFields>({
    displayName: '',
    phone: '',
    role: props.roles[0] ?? '',
    regionCode: '',
    ...props.initial,
  })
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<string>()
  const set = (key: keyof AccountFields) => (value: string) => setFields((f) => ({ ...f, [key]: value.trim() }))
  const submit = async () => {
    if (busy) return
    setBusy(true)
    setProblem(await props.onSubmit(fields))
    setBusy(false)
  }
  return (
    <View className='card' id={props.id}>
      <Text className='card__title'>{props.heading}</Text>
      {!props.placementOnly && (
        <TextField id={`${props.id}-name`} label={ACCOUNTS_TEXT.name} value={fields.displayName} max={40} onInput={set('displayName')} />
      )}
      {!props.placementOnly && (
        <TextField id={`${props.id}-phone`} label={ACCOUNTS_TEXT.phone} value={fields.phone} max={11} onInput={set('phone')} />
      )}
      <View className='field' id={`${props.id}-role`}>
        <Text className='field__label'>{ACCOUNTS_TEXT.role}</Text>
        <ChoiceRows
          compact
          label={ACCOUNTS_TEXT.role}
          options={props.roles.map((r) => ({ value: r, label: ROLE_LABELS[r] }))}
          value={fields.role}
          onPick={(v) => set('role')(String(v))}
        />
      </View>
      <TextField
        id={`${props.id}-region`}
        label={ACCOUNTS_TEXT.region}
        hint={ACCOUNTS_TEXT.regionHint}
        value={fields.regionCode}
        max={12}
        onInput={set('regionCode')}
      />
      {problem && (
        <View className='field__error' ariaRole='alert' id={`${props.id}-error`}>
          <Text>{`${FIELD_TEXT.errorMark} ${problem}`}</Text>
        </View>
      )}
      <View className='accounts__buttons'>
        <ActionButton
          id={`${props.id}-submit`}
          kind='primary'
          label={busy ? ACCOUNTS_TEXT.busy : props.submitLabel}
          disabled={busy}
          onTap={submit}
        />
        {props.onCancel && <ActionButton label={ACCOUNTS_TEXT.cancel} onTap={props.onCancel} />}
      </View>
    </View>
  )
}
