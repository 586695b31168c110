/** After submitting: the record is in the outbox (its badge shows it going out); offer a brother or sister, or home. */
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import ActionButton from '@/components/button'
// The page's frame and its styles first: the badge's styles come after them in every package.
import PageShell from '@/features/page-shell'
import SyncBadge from '@/components/sync-badge'
import { siblingDraft } from '@/features/registrations/actions'
import { badgeOf } from '@/features/registrations/badges'
import { goHome, openMine, openWizard, pageParams } from '@/platform/navigation'
import { isRegistration, isSlimRecord, useOutbox } from '@/store/outbox'
import { DONE_TEXT } from '../strings'

export default function DonePage() {
  const [id] = useState(() => pageParams().id ?? '')
  const stored = useOutbox((s) => s.items[id])
  const item = isRegistration(stored) ? stored : undefined
  const another = () => {
    if (!item || isSlimRecord(item.record)) return
    openWizard(siblingDraft(item), { replace: true })
  }
  return (
    <PageShell>
      <View className='card' id='done'>
        <Text className='card__title'>{DONE_TEXT.title}</Text>
        <Text className='line'>{DONE_TEXT.body(item?.record.child.name ?? '')}</Text>
        {item && <SyncBadge badge={badgeOf(item)} id='done-badge' />}
        <Text className='line'>{DONE_TEXT.keepApp}</Text>
        <ActionButton id='done-mine' label={DONE_TEXT.mine} onTap={openMine} />
      </View>
      {item && (
        <View className='card'>
          <ActionButton id='done-another' label={DONE_TEXT.another} kind='primary' onTap={another} />
          <Text className='muted'>{DONE_TEXT.anotherHint}</Text>
        </View>
      )}
      <ActionButton id='done-home' label={DONE_TEXT.home} onTap={goHome} />
    </PageShell>
  )
}
