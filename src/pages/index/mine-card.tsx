/**
 * The home page's 我的登记 card: one line on where all the registrations stand (a sync badge), the ones
 * that need the guardian (returned, refused, in conflict) with what to do, and the way to the full list.
 */
import { Text, View } from '@tarojs/components'
import ActionButton from '@/components/button'
import SyncBadge from '@/components/sync-badge'
import { needsGuardian, summaryOf } from '@/features/registrations/badges'
import RegistrationRow from '@/features/registrations/registration-row'
import { openMine } from '@/platform/navigation'
import { sortedOutbox, useOutbox } from '@/store/outbox'
import { HOME_TEXT } from './strings'

export default function MineCard() {
  const items = sortedOutbox(useOutbox((s) => s.items))
  const act = items.filter((item) => needsGuardian(item))
  return (
    <View className='card' id='home-mine'>
      <Text className='card__title'>{HOME_TEXT.mineHeading}</Text>
      {items.length === 0 && <Text className='line muted'>{HOME_TEXT.mineEmpty}</Text>}
      {items.length > 0 && <SyncBadge badge={summaryOf(items)} id='home-sync-badge' />}
      {act.map((item) => (
        <RegistrationRow key={item.id} item={item} />
      ))}
      {items.length > 0 && (
        <View className='btn-row'>
          <ActionButton
            id='home-mine-open'
            kind={act.length ? 'plain' : 'primary'}
            label={HOME_TEXT.mineOpen(items.length)}
            onTap={openMine}
          />
        </View>
      )}
    </View>
  )
}
