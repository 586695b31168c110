/**
 * 走访记录 (docs/policy.md, "The review chain"): date, how it was checked (入户 / 电话 / 部门比对), the
 * conclusion, the worker's own 监护情况评估 (较好 / 一般 / 差), a 监护缺失 / 监护不当 finding if there is one
 * (it makes the child a 困境儿童), and notes. Checked with the server's schema
 * before it is kept.
 */
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import ActionButton from '@/components/button'
import ChoiceField from '@/components/choice-list'
import DateField from '@/components/date-picker'
import { FormContext, optionsOf } from '@/components/form/context'
import TextField from '@/components/text-input'
import { chinaToday } from '@/domain/dates'
import { GUARDIANSHIP_FINDINGS } from '@/domain/eligibility'
import { GUARDIANSHIP_ASSESSMENTS, validateReview, VISIT_CONCLUSIONS, VISIT_METHODS, type Visit } from '@/domain/review'
import { createLocalForm } from '@/record/local-form'
import { ACTION_TEXT, VISIT_TEXT } from '../strings'

export function issuesByPath(issues: { path: (string | number)[]; message: string }[]): Record<string, string> {
  const out: Record<string, string> = {}
  for (const i of issues) out[i.path.join('.')] ??= i.message
  return out
}

export default function VisitForm({ busy, onSave, onCancel }: { busy: boolean; onSave(visit: Visit): void; onCancel(): void }) {
  const [form] = useState(() => createLocalForm({ visit: { date: chinaToday() } }))
  const year = Number(chinaToday().slice(0, 4))
  const save = () => {
    const visit = form.values().visit
    const checked = validateReview({ action: 'record_visit', visit })
    if (!checked.ok) return form.setErrors(issuesByPath(checked.issues))
    onSave(checked.value.visit!)
  }
  return (
    <FormContext.Provider value={form.binding}>
      <View className='w-panel' id='visit-form'>
        <Text className='w-panel__title'>{VISIT_TEXT.heading}</Text>
        <DateField path='visit.date' label={VISIT_TEXT.date} years={[year - 1, year]} />
        <ChoiceField path='visit.method' label={VISIT_TEXT.method} options={optionsOf(VISIT_METHODS)} compact />
        <ChoiceField path='visit.conclusion' label={VISIT_TEXT.conclusion} options={optionsOf(VISIT_CONCLUSIONS)} compact />
        <ChoiceField
          path='visit.guardianshipAssessment'
          label={VISIT_TEXT.assessment}
          options={optionsOf(GUARDIANSHIP_ASSESSMENTS)}
          compact
        />
        <ChoiceField
          path='visit.guardianshipFinding'
          label={VISIT_TEXT.finding}
          hint={VISIT_TEXT.findingHint}
          options={optionsOf(GUARDIANSHIP_FINDINGS)}
          optional
          compact
        />
        <TextField
          path='visit.notes'
          label={VISIT_TEXT.notes}
          kind='textarea'
          maxlength={500}
          optional
          placeholder={VISIT_TEXT.notesPlaceholder}
        />
        <View className='btn-row'>
          <ActionButton id='visit-save' kind='primary' label={busy ? ACTION_TEXT.busy : VISIT_TEXT.save} disabled={busy} onTap={save} />
          <ActionButton label={ACTION_TEXT.cancel} onTap={onCancel} />
        </View>
      </View>
    </FormContext.Provider>
  )
}
