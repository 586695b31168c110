/**
 * After submitting: the record is in the outbox (its badge shows it going out), and once the server has it
 * the words say so and what comes next; 我的登记 is the main way on, a brother or sister or home the others.
 */
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import ActionButton from '@/components/button'
// The page's frame and its styles first: the badge's styles come after them in every package.
import PageShell from '@/features/page-shell'
import SyncBadge from '@/components/sync-badge'
import { siblingDraft } from '@/features/registrations/actions'
import { badgeOf, pendingUpload } from '@/features/registrations/badges'
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
  // Before the server has it, the page says it will go out and the app must stay; after, what comes next.
  const onServer = !!item && !pendingUpload(item)
  const name = item?.record.child.name ?? ''
  return (
    <PageShell>
      <View className='card' id='done'>
        <Text className='card__title'>{onServer ? DONE_TEXT.sentTitle : DONE_TEXT.title}</Text>
        <Text className='line'>{onServer ? DONE_TEXT.sentBody(name) : DONE_TEXT.body(name)}</Text>
        {item && <SyncBadge badge={badgeOf(item)} id='done-badge' />}
        {!onServer && <Text className='line'>{DONE_TEXT.keepApp}</Text>}
        <ActionButton id='done-mine' kind='primary' label={DONE_TEXT.mine} onTap={openMine} />
      </View>
      {item && (
        <View className='card'>
          <ActionButton id='done-another' label={DONE_TEXT.another} onTap={another} />
          <Text className='muted'>{DONE_TEXT.anotherHint}</Text>
        </View>
      )}
      <ActionButton id='done-home' label={DONE_TEXT.home} onTap={goHome} />
    </PageShell>
  )
}
