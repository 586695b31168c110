/**
 * 退回's tick boxes, inside the return panel: every step, section and answer the guardian can be asked to
 * fix (`RETURNABLE_FIELDS`), grouped by step, each a checkbox named by the field it marks. They sit here
 * rather than beside the record's rows so that on a phone the worker ticks them where the reason is
 * written, not some thirty rows further up.
 */
import { Text, View } from '@tarojs/components'
import { pressable } from '@/components/a11y'
import { FIELD_TEXT } from '@/components/strings'
import { ANSWER_STEPS, type RecordAnswers } from '@/domain/record'
import { RETURNABLE_FIELDS } from '@/domain/review'
import { STEPS } from '@/domain/schema'
import { isAnswer, STEP_FIELDS, visibleFields } from '@/record/form-spec'
import { ACTION_TEXT } from '../strings'

export interface TickState {
  ticked: ReadonlySet<string>
  onTick(path: string): void
}

/** The id a test or the record view can find a tick box by: `tick-parents-mother-workPlace`. */
export const tickId = (path: string) => `tick-${path.replace(/\./g, '-')}`

function TickBox({ path, label, tick, whole }: { path: string; label: string; tick: TickState; whole?: boolean }) {
  const on = tick.ticked.has(path)
  const name = whole ? ACTION_TEXT.whole(label) : label
  return (
    <View
      className={`w-tick ${whole ? 'w-tick--step' : ''} ${on ? 'w-tick--on' : ''}`}
      id={tickId(path)}
      ariaRole='checkbox'
      ariaLabel={name}
      aria-checked={on}
      {...pressable(() => tick.onTick(path))}
      onClick={() => tick.onTick(path)}
    >
      <Text className='w-tick__mark'>{on ? FIELD_TEXT.checkedMark : FIELD_TEXT.uncheckedMark}</Text>
      <Text className='w-tick__label'>{name}</Text>
    </View>
  )
}

export default function ReturnChecklist({ record, tick }: { record: RecordAnswers; tick: TickState }) {
  return (
    <View className='w-ticks' id='return-checklist'>
      <Text className='line'>{ACTION_TEXT.tickIntro}</Text>
      {ANSWER_STEPS.map((key) => {
        const title = STEPS.find((s) => s.key === key)?.title ?? key
        const fields = visibleFields(STEP_FIELDS[key], record).filter(
          (spec) => (spec.kind === 'section' || isAnswer(spec)) && RETURNABLE_FIELDS.has(spec.path),
        )
        return (
          <View key={key} className='w-ticks__step' ariaRole='group' ariaLabel={title}>
            <Text className='w-ticks__title'>{title}</Text>
            {RETURNABLE_FIELDS.has(key) && <TickBox path={key} label={title} tick={tick} whole />}
            {fields.map((spec) => (
              <TickBox key={spec.id} path={spec.path} label={spec.label} tick={tick} whole={spec.kind === 'section'} />
            ))}
          </View>
        )
      })}
    </View>
  )
}
