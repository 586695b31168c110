/**
 * At the top of every step while a returned or refused registration is being corrected: why, and each
 * field to look at (tap: go to its step and scroll to it). The fields themselves carry a ✎ note.
 */
import { Text, View } from '@tarojs/components'
import { stepOfPath } from '@/domain/record'
import { STEPS } from '@/domain/schema'
import { labelOfPath } from '@/record/paths'
import { useDrafts } from '@/store/drafts'
import { FIX_TEXT, QUARTERLY_TEXT } from '../strings'
import { useWizard } from './wizard-state'

export default function FixBanner() {
  const wizard = useWizard()
  const fix = useDrafts((s) => s.drafts[wizard.draftId]?.fix)
  if (!fix) return null
  const record = wizard.record()
  const paths = [...new Set([...fix.fields, ...Object.keys(fix.messages ?? {})])]
  const label = (path: string) => {
    const step = STEPS.findIndex((s) => s.key === path)
    return step >= 0 ? FIX_TEXT.stepItem(step + 1, STEPS[step].title) : labelOfPath(path, record)
  }
  const go = (path: string) => {
    const step = stepOfPath(path)
    if (!step) return
    wizard.goTo(step)
    setTimeout(() => wizard.focus(path), 50)
  }
  return (
    <View className='error-summary wizard__fix' id='wizard-fix' ariaRole='alert'>
      <Text className='error-summary__heading'>
        {fix.source === 'quarterly'
          ? QUARTERLY_TEXT.bannerHeading
          : fix.source === 'returned'
            ? FIX_TEXT.returnedHeading
            : FIX_TEXT.rejectedHeading}
      </Text>
      {fix.reason && <Text className='review__line'>{FIX_TEXT.reason(fix.reason)}</Text>}
      {paths.length > 0 && <Text className='review__line'>{FIX_TEXT.fieldsIntro}</Text>}
      {paths.map((path) => (
        <View key={path} className='error-summary__item' id={`fix-${path.replace(/\./g, '-')}`} onClick={() => go(path)}>
          <Text>{`✎ ${label(path)}`}</Text>
        </View>
      ))}
      <Text className='review__line muted'>{fix.source === 'quarterly' ? QUARTERLY_TEXT.bannerNote : FIX_TEXT.resubmitNote}</Text>
    </View>
  )
}
