/**
 * Where the guardian is: "第2步，共5步：父母情况" in words, and the five steps as numbered marks (✓ for
 * the steps already passed, which can be tapped to go back). Wraps onto more lines at large font sizes.
 */
import { Text, View } from '@tarojs/components'
import { STEP_BAR_TEXT } from '../strings'
import './index.scss'

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
          return (
            <View
              key={step.key}
              className={`step-bar__mark step-bar__mark--${state}`}
              ariaRole={i < at ? 'button' : undefined}
              ariaLabel={`${step.title}${i < at ? STEP_BAR_TEXT.done : i === at ? STEP_BAR_TEXT.current : ''}`}
              onClick={() => i < at && onPick(step.key)}
            >
              <Text>{`${i < at ? '✓' : i + 1} ${step.title}`}</Text>
            </View>
          )
        })}
      </View>
    </View>
  )
}
