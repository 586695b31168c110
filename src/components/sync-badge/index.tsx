/**
 * Where something stands, in words and a mark (never colour alone). What a registration's badge says is
 * decided in features/registrations/badges.ts; this only draws it.
 */
import { Text, View } from '@tarojs/components'
import './index.scss'
import { idProp } from '../a11y'

export type Tone = 'done' | 'wait' | 'act' | 'info'
export interface Badge {
  tone: Tone
  label: string
  detail?: string
}

const MARKS: Record<Tone, string> = { done: '✓', wait: '…', act: '!', info: '•' }

export default function SyncBadge({ badge, id }: { badge: Badge; id?: string }) {
  return (
    <View className={`sync-badge sync-badge--${badge.tone}`} {...idProp(id)} data-tone={badge.tone}>
      <Text className='sync-badge__label'>{`${MARKS[badge.tone]} ${badge.label}`}</Text>
      {badge.detail && <Text className='sync-badge__detail'>{badge.detail}</Text>}
    </View>
  )
}
