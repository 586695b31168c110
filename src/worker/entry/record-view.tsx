/**
 * The whole record, step by step, with the wizard's own field list and labels (src/record/form-spec.ts),
 * so the worker reads what the guardian answered in the order it was asked. ID numbers and phones come
 * masked; 显示 asks the server for the one value (audited) and 隐藏 forgets it. While a return is being
 * prepared every step, section and answer can be ticked as "to be fixed".
 */
import { Text, View } from '@tarojs/components'
import ActionButton from '@/components/button'
import { FIELD_TEXT } from '@/components/strings'
import { ANSWER_STEPS, getIn, type RecordAnswers } from '@/domain/record'
import { RETURNABLE_FIELDS } from '@/domain/review'
import { STEPS } from '@/domain/schema'
import { useRegionLabel } from '@/features/region-picker/region-data'
import { isAnswer, STEP_FIELDS, visibleFields, type FieldSpec } from '@/record/form-spec'
import { displayValue } from '@/record/review-format'
import { ANSWER_TEXT } from '@/record/strings'
import { ACTION_TEXT, ENTRY_TEXT } from '../strings'

export interface RevealState {
  masked: readonly string[]
  shown: Record<string, string | null>
  onReveal(path: string): void
  onHide(path: string): void
}

export interface TickState {
  ticked: ReadonlySet<string>
  onTick(path: string): void
}

/** Named after its field (「勾选：母亲务工地点」), not just 勾选: ~50 of them sit on the page. */
function Tick({ path, label, tick }: { path: string; label: string; tick?: TickState }) {
  if (!tick || !RETURNABLE_FIELDS.has(path)) return null
  const on = tick.ticked.has(path)
  return (
    <View
      className={`w-tick ${on ? 'w-tick--on' : ''}`}
      id={`tick-${path.replace(/\./g, '-')}`}
      ariaRole='checkbox'
      ariaLabel={ACTION_TEXT.tickName(label)}
      aria-checked={on}
      onClick={() => tick.onTick(path)}
    >
      <Text>{`${on ? FIELD_TEXT.checkedMark : FIELD_TEXT.uncheckedMark} ${ACTION_TEXT.tick}`}</Text>
    </View>
  )
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
          onTap={() => (shown === undefined ? reveal.onReveal(spec.path) : reveal.onHide(spec.path))}
        />
      )}
    </View>
  )
}

export default function RecordView({ record, reveal, tick }: { record: RecordAnswers; reveal: RevealState; tick?: TickState }) {
  return (
    <View className='record' id='record'>
      {reveal.masked.length > 0 && <Text className='line muted'>{ENTRY_TEXT.maskedNote}</Text>}
      {ANSWER_STEPS.map((key) => (
        <View key={key} className='card' id={`record-${key}`}>
          <View className='case__head'>
            <Text className='card__title'>{STEPS.find((s) => s.key === key)?.title}</Text>
            <Tick path={key} label={STEPS.find((s) => s.key === key)?.title ?? key} tick={tick} />
          </View>
          {visibleFields(STEP_FIELDS[key], record).map((spec) => {
            if (spec.kind === 'section') {
              return (
                <View key={spec.id} className='case__head case__section'>
                  <Text className='case__subhead'>{spec.label}</Text>
                  <Tick path={spec.path} label={spec.label} tick={tick} />
                </View>
              )
            }
            if (!isAnswer(spec)) return null
            return (
              <View
                key={spec.id}
                className={`case__row ${tick?.ticked.has(spec.path) ? 'case__row--ticked' : ''}`}
                id={`row-${spec.path.replace(/\./g, '-')}`}
              >
                <Text className='case__label'>{spec.label}</Text>
                <Value spec={spec} record={record} reveal={reveal} />
                <Tick path={spec.path} label={spec.label} tick={tick} />
              </View>
            )
          })}
        </View>
      ))}
    </View>
  )
}
