/**
 * A 409: our correction and the server's version side by side (only what differs), and the guardian's
 * choice (features/registrations/conflict.ts). Keeping ours is offered only while the server would
 * accept an edit.
 */
import { Text, View } from '@tarojs/components'
import ActionButton from '@/components/button'
import { keepMine, keepTheirs } from '@/features/registrations/conflict'
import type { RegistrationItem } from '@/store/outbox'
import { differences } from '../logic/differences'
import { RECORD_TEXT } from '../strings'

const KEEP_THEIRS = {
  title: RECORD_TEXT.keepTheirsTitle,
  body: RECORD_TEXT.keepTheirsBody,
  confirm: RECORD_TEXT.confirm,
  cancel: RECORD_TEXT.cancel,
}

export default function Conflict({ item }: { item: RegistrationItem }) {
  const conflict = item.conflict
  if (!conflict) return null
  const diff = differences(item.record, conflict.record)
  const canEdit = !!conflict.server?.allowedActions?.includes('submit')
  return (
    <View className='card' id='record-conflict'>
      <Text className='card__title'>{RECORD_TEXT.conflictHeading}</Text>
      <Text className='line'>{RECORD_TEXT.conflictIntro}</Text>
      {diff.length === 0 && <Text className='line'>{RECORD_TEXT.noDifference}</Text>}
      {diff.map((d) => (
        <View key={d.path} className='record__diff' id={`diff-${d.path.replace(/\./g, '-')}`}>
          <Text className='record__diff-label'>{d.label}</Text>
          <View className='record__diff-row'>
            <View className='record__diff-cell'>
              <Text className='muted'>{RECORD_TEXT.mine}</Text>
              <Text className='line'>{d.mine}</Text>
            </View>
            <View className='record__diff-cell'>
              <Text className='muted'>{RECORD_TEXT.theirs}</Text>
              <Text className='line'>{d.theirs}</Text>
            </View>
          </View>
        </View>
      ))}
      {!canEdit && <Text className='line'>{RECORD_TEXT.keepMineBlocked}</Text>}
      <View className='btn-row'>
        {canEdit && <ActionButton id='conflict-mine' kind='primary' label={RECORD_TEXT.keepMine} onTap={() => keepMine(item)} />}
        <ActionButton id='conflict-theirs' label={RECORD_TEXT.keepTheirs} onTap={() => void keepTheirs(item, KEEP_THEIRS)} />
      </View>
    </View>
  )
}
