/** The registration's history from the server (who did what, when; reasons of returns). Needs the network. */
import { Text, View } from '@tarojs/components'
import { nearestLabel, valueText } from '@/record/paths'
import { useEffect, useState } from 'react'
import type { HistoryEvent } from '@/domain/api'
import { clockTime } from '@/features/registrations/strings'
import { fetchHistory } from '@/services/registrations'
import { RECORD_TEXT } from '../strings'

type Loaded = { state: 'loading' } | { state: 'offline' } | { state: 'done'; items: HistoryEvent[] }

export default function History({ id, version }: { id: string; version?: number }) {
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' })
  useEffect(() => {
    let live = true
    if (version === undefined) {
      setLoaded({ state: 'done', items: [] })
      return undefined
    }
    fetchHistory(id).then(
      (items) => live && setLoaded({ state: 'done', items }),
      () => live && setLoaded({ state: 'offline' }),
    )
    return () => {
      live = false
    }
  }, [id, version])
  return (
    <View className='card' id='record-history'>
      <Text className='card__title'>{RECORD_TEXT.historyHeading}</Text>
      {loaded.state === 'loading' && <Text className='line muted'>{RECORD_TEXT.historyLoading}</Text>}
      {loaded.state === 'offline' && <Text className='line'>{RECORD_TEXT.historyOffline}</Text>}
      {loaded.state === 'done' && loaded.items.length === 0 && <Text className='line muted'>{RECORD_TEXT.historyNone}</Text>}
      {loaded.state === 'done' &&
        loaded.items.map((e) => (
          <View key={e.version} className='record__event'>
            <Text className='line'>{RECORD_TEXT.historyItem(clockTime(e.at), e.actionLabel, e.actor.roleLabel, e.toLabel)}</Text>
            {e.reason && <Text className='line muted'>{RECORD_TEXT.reason(e.reason)}</Text>}
            {/* What an update (or its return) changed, field by field in the form's words. */}
            {(e.diff ?? []).map((d) => (
              <Text key={d.path} className='line muted'>
                {RECORD_TEXT.change(
                  nearestLabel(d.path),
                  valueText(d.path, d.from) ?? RECORD_TEXT.blank,
                  valueText(d.path, d.to) ?? RECORD_TEXT.blank,
                )}
              </Text>
            ))}
          </View>
        ))}
    </View>
  )
}
