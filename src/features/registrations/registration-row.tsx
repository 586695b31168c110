/**
 * One registration in a list (我的登记, and the home page's 需要处理): the child's name, where it stands
 * (SyncBadge), and what the guardian can do about it now — retry, fix, choose, see the details.
 */
import { Text, View } from '@tarojs/components'
import ActionButton from '@/components/button'
import SyncBadge from '@/components/sync-badge'
import { openRecord, openWizard } from '@/platform/navigation'
import { retryNow } from '@/services/sync'
import { useDrafts } from '@/store/drafts'
import { isSlimRecord, type RegistrationItem } from '@/store/outbox'
import { canWithdraw, fixItem, removeRegistration, siblingDraft, withdrawItem } from './actions'
import { badgeOf } from './badges'
import { clockTime, MINE_TEXT } from './strings'

function Actions({ item }: { item: RegistrationItem }) {
  const fixing = useDrafts((s) => !!s.drafts[item.id])
  const gone = item.status === 'rejected' && item.lastError?.code === 'gone'
  const returned = item.status === 'synced' && item.server?.status === 'returned'
  return (
    <View className='btn-row'>
      {item.status === 'failed' && <ActionButton kind='primary' label={MINE_TEXT.retry} onTap={retryNow} />}
      {fixing && <ActionButton kind='primary' label={MINE_TEXT.continueFix} onTap={() => openWizard(item.id)} />}
      {!fixing && !gone && (returned || item.status === 'rejected') && (
        <ActionButton kind='primary' label={MINE_TEXT.fix} onTap={() => void fixItem(item)} />
      )}
      {item.status === 'conflict' && <ActionButton kind='primary' label={MINE_TEXT.choose} onTap={() => openRecord(item.id)} />}
      {gone && <ActionButton kind='danger' label={MINE_TEXT.remove} onTap={() => void removeRegistration(item)} />}
      <ActionButton label={MINE_TEXT.details} onTap={() => openRecord(item.id)} />
      {!isSlimRecord(item.record) && <ActionButton label={MINE_TEXT.sibling} onTap={() => openWizard(siblingDraft(item))} />}
      {canWithdraw(item) && <ActionButton kind='danger' label={MINE_TEXT.withdraw} onTap={() => void withdrawItem(item)} />}
    </View>
  )
}

export default function RegistrationRow({ item }: { item: RegistrationItem }) {
  return (
    <View className='list-item' id={`mine-${item.id}`}>
      <Text className='list-item__name'>{item.record.child.name}</Text>
      <SyncBadge badge={badgeOf(item)} id={`badge-${item.id}`} />
      <Text className='line muted'>{MINE_TEXT.queuedAt(clockTime(item.queuedAt))}</Text>
      {item.slim && <Text className='line muted'>{MINE_TEXT.slimNote}</Text>}
      <Actions item={item} />
    </View>
  )
}
