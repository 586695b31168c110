/**
 * Where the guardian is: "第2步，共5步：父母情况" in words, and the five steps as numbered marks (✓ for
 * the steps already passed). Every other step can be tapped: back at once, forward as far as the steps on
 * the way are complete (the page decides). Wraps onto more lines at large font sizes.
 */
import { Text, View } from '@tarojs/components'
import { STEP_BAR_TEXT } from '../strings'
import './index.scss'
import { pressable } from '../a11y'

export interface StepBarProps {
  steps: readonly { key: string; title: string }[]
  current: string
  onPick(key: string): void
}

export default function StepBar({ steps, current, onPick }: StepBarProps) {
  const at = Math.max(
    0,
    steps.findIndex((s) => s.key === current),
  )
  return (
    <View className='step-bar'>
      <Text className='step-bar__position'>{STEP_BAR_TEXT.position(at + 1, steps.length, steps[at]?.title ?? '')}</Text>
      <View className='step-bar__marks'>
        {steps.map((step, i) => {
          const state = i < at ? 'done' : i === at ? 'current' : 'todo'
          const shown = STEP_BAR_TEXT.shown(i + 1, step.title, state === 'done')
          const label = STEP_BAR_TEXT.name(shown, state)
          return (
            <View
              key={step.key}
              className={`step-bar__mark step-bar__mark--${state}`}
              ariaRole='button'
              ariaLabel={label}
              // Never an undefined aria-* value: Taro's H5 elements would print it as the word "undefined".
              {...(i === at ? { 'aria-current': 'step' } : {})}
              {...pressable(() => i !== at && onPick(step.key))}
              onClick={() => i !== at && onPick(step.key)}
            >
              <Text>{shown}</Text>
            </View>
          )
        })}
      </View>
    </View>
  )
}
