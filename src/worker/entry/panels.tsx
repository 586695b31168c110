/**
 * What an action asks for before it is sent: 退回 a reason and the fields to fix (ticked in the panel
 * itself), 不予认定 a written reason, 核实通过 / 审核通过 / 确认 a confirmation with what it means; 提请终止
 * a reason from the code list (and words with 其他), 退回终止申请 a reason, 同意终止 / 决定终止 a confirmation.
 */
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import ActionButton from '@/components/button'
import ChoiceField from '@/components/choice-list'
import { FormContext, optionsOf } from '@/components/form/context'
import TextField from '@/components/text-input'
import { TERMINATION_REASONS } from '@/domain/lifecycle'
import type { RecordAnswers } from '@/domain/record'
import { validateReview, type ReviewInput } from '@/domain/review'
import type { Action } from '@/domain/status'
import { nearestLabels } from '@/record/paths'
import { createLocalForm } from '@/record/local-form'
import { ACTION_TEXT, RECHECK_TEXT, TERMINATION_TEXT, UPDATE_TEXT } from '../strings'
import ReturnChecklist from './return-checklist'
import { issuesByPath } from '../components/visit-form'

export type PanelAction = Exclude<Action, 'submit' | 'withdraw' | 'start_review' | 'record_visit' | 'submit_update'>

const CONFIRM: Record<PanelAction, string> = {
  return: ACTION_TEXT.confirmReturn,
  refuse: ACTION_TEXT.confirmRefuse,
  verify: ACTION_TEXT.confirmVerify,
  approve: ACTION_TEXT.confirmApprove,
  confirm: ACTION_TEXT.confirmConfirm,
  propose_termination: TERMINATION_TEXT.confirmPropose,
  agree_termination: TERMINATION_TEXT.confirmAgree,
  terminate: TERMINATION_TEXT.confirmTerminate,
  return_termination: TERMINATION_TEXT.confirmReturn,
  keep_after_recheck: RECHECK_TEXT.confirmKeep,
  verify_update: UPDATE_TEXT.confirmVerify,
  approve_update: UPDATE_TEXT.confirmApprove,
  accept_update: UPDATE_TEXT.confirmAccept,
  return_update: UPDATE_TEXT.confirmReturn,
}

const INTRO: Partial<Record<PanelAction, string>> = {
  return: ACTION_TEXT.returnIntro,
  refuse: ACTION_TEXT.refuseIntro,
  approve: ACTION_TEXT.approveIntro,
  confirm: ACTION_TEXT.confirmIntro,
  propose_termination: TERMINATION_TEXT.proposeIntro,
  agree_termination: TERMINATION_TEXT.agreeIntro,
  terminate: TERMINATION_TEXT.terminateIntro,
  return_termination: TERMINATION_TEXT.returnIntro,
  keep_after_recheck: RECHECK_TEXT.keepIntro,
  verify_update: UPDATE_TEXT.verifyIntro,
  approve_update: UPDATE_TEXT.approveIntro,
  accept_update: UPDATE_TEXT.acceptIntro,
  return_update: UPDATE_TEXT.returnIntro,
}

/** Red buttons: what sends a record back or ends it. */
export const DANGER: ReadonlySet<Action> = new Set(['return', 'refuse', 'terminate', 'return_termination', 'return_update'])

interface Props {
  action: PanelAction
  ticked: readonly string[]
  onTick(path: string): void
  record: RecordAnswers
  visits: number
  busy: boolean
  onSend(body: ReviewInput): void
  onCancel(): void
}

export default function ActionPanel({ action, ticked, onTick, record, visits, busy, onSend, onCancel }: Props) {
  const [form] = useState(() => createLocalForm())
  const [fieldsProblem, setFieldsProblem] = useState<string>()
  const needsReason =
    action === 'return' ||
    action === 'refuse' ||
    action === 'return_termination' ||
    action === 'keep_after_recheck' ||
    action === 'return_update'
  const send = () => {
    const values = form.values()
    const reason = (values.reason as string | undefined) ?? ''
    const body = {
      action,
      ...(needsReason ? { reason } : {}),
      ...(action === 'return' ? { fields: [...ticked] } : {}),
      ...(action === 'propose_termination' ? { termination: values.termination ?? {} } : {}),
    }
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
        {INTRO[action] && <Text className='line'>{INTRO[action]}</Text>}
        {action === 'propose_termination' && (
          <>
            <ChoiceField path='termination.reason' label={TERMINATION_TEXT.reasonLabel} options={optionsOf(TERMINATION_REASONS)} compact />
            <TextField
              path='termination.note'
              kind='textarea'
              maxlength={200}
              optional
              label={TERMINATION_TEXT.noteLabel}
              placeholder={TERMINATION_TEXT.notePlaceholder}
            />
          </>
        )}
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
            label={
              action === 'refuse'
                ? ACTION_TEXT.refuseReasonLabel
                : action === 'return_termination'
                  ? TERMINATION_TEXT.returnReasonLabel
                  : action === 'keep_after_recheck'
                    ? RECHECK_TEXT.keepReasonLabel
                    : action === 'return_update'
                      ? UPDATE_TEXT.returnReasonLabel
                      : ACTION_TEXT.reasonLabel
            }
          />
        )}
        {action === 'return' && <ReturnChecklist record={record} tick={{ ticked: new Set(ticked), onTick }} />}
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
            kind={DANGER.has(action) ? 'danger' : 'primary'}
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
