/**
 * Questions the phone asks about what it keeps: drafts nobody touched for 30 days (keep or delete — never
 * deleted without asking), and storage close to WeChat's 10 MB (README "Retention").
 */
import { Text, View } from '@tarojs/components'
import { useMemo } from 'react'
import ActionButton from '@/components/button'
import { storageWarning } from '@/platform/storage'
import { abandonedDrafts, useDrafts } from '@/store/drafts'
import { deleteDraft, draftName, keepDraft } from './actions'
import { DRAFT_TEXT, savedAt, SYNC_TEXT } from './strings'

export function AbandonedDrafts() {
  const drafts = useDrafts((s) => s.drafts)
  const stale = abandonedDrafts(drafts)
  if (stale.length === 0) return null
  return (
    <View className='card card--alert' id='home-abandoned' ariaRole='alert'>
      <Text className='card__title'>{DRAFT_TEXT.abandonedHeading}</Text>
      {stale.map((draft) => (
        <View key={draft.id} className='list-item' id={`abandoned-${draft.id}`}>
          <Text className='line'>{DRAFT_TEXT.abandonedBody(draftName(draft), savedAt(draft.updatedAt))}</Text>
          <View className='btn-row'>
            <ActionButton kind='primary' label={DRAFT_TEXT.abandonedKeep} onTap={() => keepDraft(draft)} />
            <ActionButton kind='danger' label={DRAFT_TEXT.remove} onTap={() => void deleteDraft(draft)} />
          </View>
        </View>
      ))}
    </View>
  )
}

export function StorageWarning() {
  // Counted once per visit of the page: reading every key is not free on a slow phone.
  const mb = useMemo(() => storageWarning(), [])
  if (!mb) return null
  return (
    <View className='card card--alert' id='home-storage' ariaRole='alert'>
      <Text className='line'>{SYNC_TEXT.storageNearFull(mb)}</Text>
    </View>
  )
}
