/**
 * What an action asks for before it is sent: 退回 a reason and the ticked fields (ticked in the record
 * beside it), 不予认定 a written reason, 核实通过 / 审核通过 / 确认 a confirmation with what it means.
 */
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import ActionButton from '@/components/button'
import { FormContext } from '@/components/form/context'
import TextField from '@/components/text-input'
import type { RecordAnswers } from '@/domain/record'
import { validateReview, type ReviewInput } from '@/domain/review'
import type { Action } from '@/domain/status'
import { nearestLabels } from '@/record/paths'
import { createLocalForm } from '../logic/local-form'
import { ACTION_TEXT } from '../strings'
import { issuesByPath } from './visit-form'

export type PanelAction = Exclude<Action, 'submit' | 'withdraw' | 'start_review' | 'record_visit'>

const CONFIRM: Record<PanelAction, string> = {
  return: ACTION_TEXT.confirmReturn,
  refuse: ACTION_TEXT.confirmRefuse,
  verify: ACTION_TEXT.confirmVerify,
  approve: ACTION_TEXT.confirmApprove,
  confirm: ACTION_TEXT.confirmConfirm,
}

interface Props {
  action: PanelAction
  ticked: readonly string[]
  record: RecordAnswers
  visits: number
  busy: boolean
  onSend(body: ReviewInput): void
  onCancel(): void
}

export default function ActionPanel({ action, ticked, record, visits, busy, onSend, onCancel }: Props) {
  const [form] = useState(() => createLocalForm())
  const [fieldsProblem, setFieldsProblem] = useState<string>()
  const needsReason = action === 'return' || action === 'refuse'
  const send = () => {
    const reason = (form.values().reason as string | undefined) ?? ''
    const body = { action, ...(needsReason ? { reason } : {}), ...(action === 'return' ? { fields: [...ticked] } : {}) }
    const checked = validateReview(body)
    if (!checked.ok) {
      const byPath = issuesByPath(checked.issues)
      form.setErrors(byPath)
      setFieldsProblem(byPath.fields)
      return
    }
    onSend(checked.value)
  }
  return (
    <FormContext.Provider value={form.binding}>
      <View className='w-panel' id={`panel-${action}`}>
        {action === 'return' && <Text className='line'>{ACTION_TEXT.returnIntro}</Text>}
        {action === 'refuse' && <Text className='line'>{ACTION_TEXT.refuseIntro}</Text>}
        {action === 'approve' && <Text className='line'>{ACTION_TEXT.approveIntro}</Text>}
        {action === 'confirm' && <Text className='line'>{ACTION_TEXT.confirmIntro}</Text>}
        {action === 'verify' && (
          <Text className={`line ${visits === 0 ? 'w-notice--warn' : ''}`}>
            {visits === 0 ? ACTION_TEXT.verifyNoVisit : ACTION_TEXT.verifyVisits(visits)}
          </Text>
        )}
        {needsReason && (
          <TextField
            path='reason'
            kind='textarea'
            maxlength={500}
            placeholder={ACTION_TEXT.reasonPlaceholder}
            label={action === 'refuse' ? ACTION_TEXT.refuseReasonLabel : ACTION_TEXT.reasonLabel}
          />
        )}
        {action === 'return' && (
          <View className={`w-panel__ticked ${fieldsProblem && ticked.length === 0 ? 'field--invalid' : ''}`} id='return-ticked'>
            <Text className='line'>{ticked.length ? ACTION_TEXT.ticked(nearestLabels(ticked, record)) : ACTION_TEXT.noneTicked}</Text>
            {fieldsProblem && ticked.length === 0 && (
              <View className='field__error' ariaRole='alert'>
                <Text>{fieldsProblem}</Text>
              </View>
            )}
          </View>
        )}
        <View className='btn-row'>
          <ActionButton
            id='panel-send'
            kind={action === 'refuse' || action === 'return' ? 'danger' : 'primary'}
            label={busy ? ACTION_TEXT.busy : CONFIRM[action]}
            disabled={busy}
            onTap={send}
          />
          <ActionButton id='panel-cancel' label={ACTION_TEXT.cancel} onTap={onCancel} />
        </View>
      </View>
    </FormContext.Provider>
  )
}
