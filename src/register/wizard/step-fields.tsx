/**
 * Renders one step from its field list. The step subscribes only to *which* fields apply (a short
 * string of ids), never to the answers: typing re-renders nothing, and a commit re-renders only its
 * own field — unless it changes which fields apply, as a parent's situation does.
 */
import { Text, View } from '@tarojs/components'
import { memo, useMemo } from 'react'
import ActionButton from '@/components/button'
import ChoiceField from '@/components/choice-list'
import DateField from '@/components/date-picker'
import { useForm, type Option } from '@/components/form/context'
import MultiField from '@/components/multi-select'
import SelectField from '@/components/select-field'
import TextField from '@/components/text-input'
import { ageOn, chinaToday } from '@/domain/dates'
import { normaliseIdInput } from '@/domain/idcard'
import type { DraftRecord } from '@/domain/record'
import RegionField from '@/features/region-picker'
import { STEP_FIELDS, visibleFields, yearRange, type FieldSpec } from '@/record/form-spec'
import { useDrafts } from '@/store/drafts'
import { optionalPaths } from '../logic/issues'
import { CONTACT_TEXT, ID_TEXT } from '../strings'
import { ChildIdField, PersonIdField } from './id-fields'
import { useWizard } from './wizard-state'

type AnswerStep = keyof typeof STEP_FIELDS

const THIS_YEAR = Number(chinaToday().slice(0, 4))

function BirthDateField({ spec, optional }: { spec: FieldSpec; optional: boolean }) {
  const value = useForm().useValue(spec.path) as string | undefined
  const age = value ? ageOn(value, chinaToday()) : undefined
  const note = age !== undefined && age >= 0 ? <Text className='field__note'>{ID_TEXT.age(age)}</Text> : null
  return (
    <DateField path={spec.path} label={spec.label} years={yearRange(spec, THIS_YEAR)} optional={optional} hint={spec.hint} note={note} />
  )
}

/** "填报人就是照护人 / 父亲 / 母亲": one tap copies name, relation and phone. */
function ContactCopy() {
  const form = useForm()
  const carerName = form.useValue('guardianship.carer.name') as string | undefined
  const fatherName = form.useValue('parents.father.name') as string | undefined
  const motherName = form.useValue('parents.mother.name') as string | undefined
  const copy = (from: string, relation?: string) => {
    form.commit('guardianship.contact.name', form.read(`${from}.name`))
    form.commit('guardianship.contact.relation', relation ?? form.read(`${from}.relation`))
    const phone = form.read(`${from}.phone`)
    if (phone) form.commit('guardianship.contact.phone', phone)
  }
  if (!carerName && !fatherName && !motherName) return null
  return (
    <View className='btn-row'>
      {carerName && <ActionButton label={CONTACT_TEXT.copyFrom(CONTACT_TEXT.carer)} onTap={() => copy('guardianship.carer')} />}
      {fatherName && <ActionButton label={CONTACT_TEXT.copyFrom(CONTACT_TEXT.father)} onTap={() => copy('parents.father', '51')} />}
      {motherName && <ActionButton label={CONTACT_TEXT.copyFrom(CONTACT_TEXT.mother)} onTap={() => copy('parents.mother', '52')} />}
    </View>
  )
}

const FieldRenderer = memo(function FieldRenderer({
  spec,
  optional,
  options,
}: {
  spec: FieldSpec
  optional: boolean
  options?: readonly Option[]
}) {
  const common = { path: spec.path, label: spec.label, optional, hint: spec.hint }
  switch (spec.kind) {
    case 'section':
      return (
        <View className='form-section'>
          <Text className='form-section__title'>{spec.label}</Text>
          {spec.hint && <Text className='field__hint'>{spec.hint}</Text>}
        </View>
      )
    case 'contactCopy':
      return <ContactCopy />
    case 'text':
    case 'textarea':
    case 'phone':
      return <TextField {...common} kind={spec.kind} />
    case 'cert':
      return <TextField {...common} kind='cert' normalise={normaliseIdInput} />
    case 'id':
      return <PersonIdField {...common} />
    case 'childId':
      return <ChildIdField {...common} />
    case 'choice':
    case 'yesno':
    case 'compactChoice':
      return <ChoiceField {...common} options={options ?? spec.options ?? []} compact={spec.kind !== 'choice'} />
    case 'select':
      return <SelectField {...common} options={(spec.options ?? []) as Option<string>[]} />
    case 'multi':
      return <MultiField {...common} options={(spec.options ?? []) as Option<string>[]} />
    case 'date':
      return <DateField {...common} years={yearRange(spec, THIS_YEAR)} />
    case 'month':
      return <DateField {...common} years={yearRange(spec, THIS_YEAR)} precision='month' />
    case 'birthDate':
      return <BirthDateField spec={spec} optional={optional} />
    case 'region':
      return <RegionField {...common} sameAs={spec.sameAs} />
  }
})

export default function StepFields({ step }: { step: AnswerStep }) {
  const wizard = useWizard()
  const specs = STEP_FIELDS[step]
  const visibleKey = useDrafts((s) => {
    const r = s.drafts[wizard.draftId]?.record
    return r
      ? visibleFields(specs, r)
          .map((f) => f.id)
          .join('|')
      : ''
  })
  const { visible, optional, optionsById } = useMemo(() => {
    const record = wizard.record() as DraftRecord
    const shown = visibleFields(specs, record)
    const opts: Record<string, readonly Option[]> = {}
    for (const f of shown) if (f.optionsFor) opts[f.id] = f.optionsFor(record)
    return { visible: shown, optional: optionalPaths(step, record, shown), optionsById: opts }
    // visibleKey is the dependency: the record is read, not subscribed to.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [visibleKey, step])
  return (
    <View className='step'>
      {visible.map((spec) => (
        <FieldRenderer key={spec.id} spec={spec} optional={optional.has(spec.path)} options={optionsById[spec.id]} />
      ))}
    </View>
  )
}
