/**
 * The whole record, step by step, with the wizard's own field list and labels (src/record/form-spec.ts),
 * so the worker reads what the guardian answered in the order it was asked. ID numbers and phones come
 * masked; 显示 asks the server for the one value (audited) and 隐藏 forgets it. While a return is being
 * prepared, the rows ticked in the return panel (return-checklist.tsx) are highlighted here.
 */
import { Text, View } from '@tarojs/components'
import ActionButton from '@/components/button'
import { ANSWER_STEPS, getIn, type RecordAnswers } from '@/domain/record'
import { STEPS } from '@/domain/schema'
import { useRegionLabel } from '@/features/region-picker/region-data'
import { isAnswer, STEP_FIELDS, visibleFields, type FieldSpec } from '@/record/form-spec'
import { displayValue } from '@/record/review-format'
import { ANSWER_TEXT } from '@/record/strings'
import { ENTRY_TEXT } from '../strings'

export interface RevealState {
  masked: readonly string[]
  shown: Record<string, string | null>
  onReveal(path: string): void
  onHide(path: string): void
}

function RegionText({ code }: { code: string }) {
  return <Text className='case__value'>{useRegionLabel(code)}</Text>
}

function Value({ spec, record, reveal }: { spec: FieldSpec; record: RecordAnswers; reveal: RevealState }) {
  const raw = getIn(record, spec.path)
  if (spec.kind === 'region' && typeof raw === 'string') return <RegionText code={raw} />
  const masked = reveal.masked.includes(spec.path)
  const shown = reveal.shown[spec.path]
  const text = masked && typeof shown === 'string' ? shown : displayValue(spec, record)
  return (
    <View className='case__value'>
      <Text>{text ?? ANSWER_TEXT.empty}</Text>
      {masked && (
        <ActionButton
          className='btn--small'
          id={`reveal-${spec.path.replace(/\./g, '-')}`}
          label={shown === undefined ? ENTRY_TEXT.reveal : ENTRY_TEXT.hide}
          name={(shown === undefined ? ENTRY_TEXT.revealName : ENTRY_TEXT.hideName)(spec.label)}
          onTap={() => (shown === undefined ? reveal.onReveal(spec.path) : reveal.onHide(spec.path))}
        />
      )}
    </View>
  )
}

export default function RecordView({
  record,
  reveal,
  ticked,
}: {
  record: RecordAnswers
  reveal: RevealState
  ticked?: ReadonlySet<string>
}) {
  return (
    <View className='record' id='record'>
      {reveal.masked.length > 0 && <Text className='line muted'>{ENTRY_TEXT.maskedNote}</Text>}
      {ANSWER_STEPS.map((key) => (
        <View key={key} className='card' id={`record-${key}`}>
          <View className={`case__head ${ticked?.has(key) ? 'case__row--ticked' : ''}`}>
            <Text className='card__title'>{STEPS.find((s) => s.key === key)?.title}</Text>
          </View>
          {visibleFields(STEP_FIELDS[key], record).map((spec) => {
            if (spec.kind === 'section') {
              return (
                <View key={spec.id} className={`case__head case__section ${ticked?.has(spec.path) ? 'case__row--ticked' : ''}`}>
                  <Text className='case__subhead'>{spec.label}</Text>
                </View>
              )
            }
            if (!isAnswer(spec)) return null
            return (
              <View
                key={spec.id}
                className={`case__row ${ticked?.has(spec.path) ? 'case__row--ticked' : ''}`}
                id={`row-${spec.path.replace(/\./g, '-')}`}
              >
                <Text className='case__label'>{spec.label}</Text>
                <Value spec={spec} record={record} reveal={reveal} />
              </View>
            )
          })}
        </View>
      ))}
    </View>
  )
}
