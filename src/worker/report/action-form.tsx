/**
 * Recording what was done on a report: 联系核实, 入户, 转介公安/学校/医疗, 纳入登记, 关闭 (with words). Checked with
 * the server's schema first; the request id makes a resend after a lost answer one action on the server.
 * 纳入登记 opens a registration draft on this phone with the child's village filled in, and the action
 * carries the draft's id.
 */
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import ActionButton from '@/components/button'
import ChoiceField from '@/components/choice-list'
import { fieldDomId, FormContext, optionsOf } from '@/components/form/context'
import TextField from '@/components/text-input'
import { setIn } from '@/domain/record'
import { MAX_ACTION_NOTE_LENGTH, REPORT_ACTIONS, validateReportAction, type ReportActionInput } from '@/domain/report'
import { uuidV4 } from '@/platform/ids'
import { openWizard } from '@/platform/navigation'
import { scrollToSelector } from '@/platform/system'
import { draftsStore } from '@/store/drafts'
import { errorText } from '../logic/api'
import { createLocalForm } from '@/record/local-form'
import { issuesByPath } from '../components/visit-form'
import { REPORTS_TEXT } from './strings'
import { Problem } from '../components/messages'

/** A new registration draft for the child of the report, with the village already answered. */
export function startRegistration(villageCode: string): string {
  const drafts = draftsStore.getState()
  const id = drafts.createDraft()
  drafts.updateRecord(id, (record) => setIn(record, 'child.residenceRegion', villageCode) as typeof record)
  return id
}

export default function ReportActionForm({ villageCode, onSave }: { villageCode: string; onSave(body: ReportActionInput): Promise<void> }) {
  const [form] = useState(() => createLocalForm({}))
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<string>()
  const save = async () => {
    const checked = validateReportAction({ ...form.values(), requestId: uuidV4() })
    if (!checked.ok) {
      form.setErrors(issuesByPath(checked.issues))
      scrollToSelector(`#${fieldDomId(checked.issues[0]?.path.join('.') ?? 'action')}`)
      return
    }
    const draftId = checked.value.action === 'register' ? startRegistration(villageCode) : undefined
    setBusy(true)
    setProblem(undefined)
    try {
      await onSave(draftId ? { ...checked.value, registrationId: draftId } : checked.value)
      form.reset({})
      if (draftId) openWizard(draftId)
    } catch (error) {
      if (draftId) draftsStore.getState().removeDraft(draftId)
      setProblem(errorText(error))
    } finally {
      setBusy(false)
    }
  }
  return (
    <FormContext.Provider value={form.binding}>
      <View className='card' id='report-action-form'>
        <Text className='card__title'>{REPORTS_TEXT.recordHeading}</Text>
        <ChoiceField path='action' label={REPORTS_TEXT.action} options={optionsOf(REPORT_ACTIONS)} compact />
        <Text className='line muted'>{REPORTS_TEXT.registerNote}</Text>
        <TextField
          path='note'
          label={REPORTS_TEXT.note}
          kind='textarea'
          maxlength={MAX_ACTION_NOTE_LENGTH}
          optional
          hint={REPORTS_TEXT.noteHint}
          placeholder={REPORTS_TEXT.notePlaceholder}
        />
        <Problem id='report-action-error' text={problem} />
        <ActionButton
          id='report-action-save'
          kind='primary'
          label={busy ? REPORTS_TEXT.saving : REPORTS_TEXT.save}
          disabled={busy}
          onTap={() => void save()}
        />
      </View>
    </FormContext.Provider>
  )
}
