/**
 * Questions the phone asks about what it keeps: drafts nobody touched for 30 days (keep or delete — never
 * deleted without asking), and storage close to WeChat's 10 MB (README "Retention").
 */
import { Text, View } from '@tarojs/components'
import { useMemo } from 'react'
import ActionButton from '@/components/button'
import { SYNC_TEXT } from '@/components/sync-badge/strings'
import { flushStorage, storageWarning } from '@/services/storage'
import { confirm } from '@/services/system'
import { abandonedDrafts, draftsStore, useDrafts, type Draft } from '@/store/drafts'
import { HOME_TEXT, savedAt } from './strings'

const nameOf = (draft: Draft) => (draft.record.child.name as string | undefined) ?? HOME_TEXT.unnamed

export function AbandonedDrafts() {
  const drafts = useDrafts((s) => s.drafts)
  const stale = abandonedDrafts(drafts)
  if (stale.length === 0) return null
  const keep = (draft: Draft) => {
    draftsStore.getState().touch(draft.id)
    flushStorage()
  }
  const remove = async (draft: Draft) => {
    if (!(await confirm(HOME_TEXT.removeTitle, HOME_TEXT.removeBody(nameOf(draft)), HOME_TEXT.removeConfirm, HOME_TEXT.removeCancel))) return
    draftsStore.getState().removeDraft(draft.id)
    flushStorage()
  }
  return (
    <View className='card home__resume' id='home-abandoned' ariaRole='alert'>
      <Text className='card__title'>{HOME_TEXT.abandonedHeading}</Text>
      {stale.map((draft) => (
        <View key={draft.id} className='home__item' id={`abandoned-${draft.id}`}>
          <Text className='line'>{HOME_TEXT.abandonedBody(nameOf(draft), savedAt(draft.updatedAt))}</Text>
          <View className='btn-row'>
            <ActionButton kind='primary' label={HOME_TEXT.abandonedKeep} onTap={() => keep(draft)} />
            <ActionButton kind='danger' label={HOME_TEXT.remove} onTap={() => void remove(draft)} />
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
    <View className='card home__resume' id='home-storage' ariaRole='alert'>
      <Text className='line'>{SYNC_TEXT.storageNearFull(mb)}</Text>
    </View>
  )
}
