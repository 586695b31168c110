/**
 * 我的登记: every child this guardian registered, with where the registration stands — on the phone
 * (待提交, 还没提交上 with the next automatic try, 需要修改, 需要您选择) or on the server (已提交, 村级核实中, 村级已核实, 已退回
 * with the reviewer's reason, …). Pull down or tap 刷新 to ask the server again; what the phone knows is
 * shown when there is no network. In the main package: it must open quickly, and needs no schema code.
 */
import { Text, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import ActionButton from '@/components/button'
// The page's frame and its styles first: the badge's styles come after them in every package.
import PageShell from '@/features/page-shell'
import SyncBadge from '@/components/sync-badge'
import { summaryOf } from '@/features/registrations/badges'
import RegistrationRow from '@/features/registrations/registration-row'
import { clockTime, MINE_TEXT } from '@/features/registrations/strings'
import { usePreloadRule } from '@/platform/preload'
import { usePullToRefresh } from '@/platform/system'
import { refreshMine } from '@/services/sync'
import { sortedOutbox, useOutbox } from '@/store/outbox'

type Refresh = { state: 'idle' } | { state: 'busy' } | { state: 'done'; at: string } | { state: 'failed' }

export default function MinePage() {
  // H5: the wizard's script is fetched while the guardian reads this page (app.config preloadRule).
  usePreloadRule()
  const items = sortedOutbox(useOutbox((s) => s.items))
  const [refresh, setRefresh] = useState<Refresh>({ state: 'idle' })
  const pull = async () => {
    setRefresh({ state: 'busy' })
    try {
      await refreshMine()
      setRefresh({ state: 'done', at: clockTime(new Date().toISOString()) })
    } catch {
      setRefresh({ state: 'failed' })
    }
  }
  usePullToRefresh(pull)
  useEffect(() => {
    void pull()
  }, [])
  return (
    <PageShell>
      <View className='card' id='mine-summary'>
        <Text className='card__title'>{MINE_TEXT.title}</Text>
        <SyncBadge badge={summaryOf(items)} id='mine-summary-badge' />
        {refresh.state === 'busy' && <Text className='line muted'>{MINE_TEXT.refreshing}</Text>}
        {refresh.state === 'done' && <Text className='line muted'>{MINE_TEXT.refreshed(refresh.at)}</Text>}
        {refresh.state === 'failed' && (
          <Text className='line' id='mine-offline'>
            {MINE_TEXT.refreshFailed}
          </Text>
        )}
        <View className='btn-row'>
          <ActionButton id='mine-refresh' label={MINE_TEXT.refresh} onTap={() => void pull()} />
        </View>
        <Text className='line muted'>{MINE_TEXT.pullHint}</Text>
      </View>
      <View className='card' id='mine-list'>
        {items.length === 0 && <Text className='line muted'>{MINE_TEXT.empty}</Text>}
        {items.map((item) => (
          <RegistrationRow key={item.id} item={item} />
        ))}
      </View>
    </PageShell>
  )
}
