/**
 * The worker's list: the region's open reports of a child at risk on top (./reports.tsx), then the entries of
 * their region, newest first, 20 at a time with 加载更多 (a township
 * holds thousands). It reloads when the filter changes and after any review action (logic/refresh).
 * A response that arrives after a newer request started is dropped, so a quick change of filter never
 * shows the older list.
 */
import { Text, View } from '@tarojs/components'
import { useCallback, useEffect, useRef, useState } from 'react'
import ActionButton from '@/components/button'
import type { QueueItem } from '@/domain/api'
import WorkerShell from '../components/worker-shell'
import { errorText, SignedOutError, workerApi, type QueueFilter } from '../logic/api'
import { openEntry, toLogin } from '../logic/nav'
import { useChanges } from '../logic/refresh'
import { QUEUE_TEXT } from '../strings'
import QueueFilters from './filters'
import QueueRow from './item'
import UrgentReports from './reports'
import './index.scss'

interface ListState {
  items: QueueItem[]
  next: string | null
  total?: number
  loading: boolean
  problem?: string
}

export default function QueuePage() {
  const [filter, setFilter] = useState<QueueFilter>({})
  const [list, setList] = useState<ListState>({ items: [], next: null, loading: true })
  const changes = useChanges()
  const latest = useRef(0)

  const load = useCallback(
    async (cursor?: string) => {
      const ticket = ++latest.current
      setList((l) => ({ ...l, loading: true, problem: undefined }))
      try {
        const page = await workerApi.queue(filter, cursor)
        if (ticket !== latest.current) return
        setList((l) => ({
          items: cursor ? [...l.items, ...page.items] : page.items,
          next: page.nextCursor,
          total: cursor ? l.total : page.total,
          loading: false,
        }))
      } catch (error) {
        if (error instanceof SignedOutError) return toLogin()
        if (ticket === latest.current) setList((l) => ({ ...l, loading: false, problem: errorText(error) }))
      }
    },
    [filter],
  )

  useEffect(() => {
    load()
  }, [load, changes])

  return (
    <WorkerShell page='queue'>
      <UrgentReports changes={changes} />
      <QueueFilters filter={filter} onChange={setFilter} />
      <View className='queue__summary'>
        {list.total !== undefined && (
          <Text className='line' id='queue-total'>
            {QUEUE_TEXT.total(list.total)}
          </Text>
        )}
        {list.problem && (
          <View className='field__error' ariaRole='alert' id='queue-error'>
            <Text>{list.problem}</Text>
          </View>
        )}
      </View>
      <View className='queue__list' id='queue-list'>
        {list.items.map((item) => (
          <QueueRow key={item.id} item={item} onOpen={() => openEntry(item.id)} />
        ))}
      </View>
      {!list.loading && !list.problem && list.items.length === 0 && (
        <Text className='line muted' id='queue-empty'>
          {QUEUE_TEXT.empty}
        </Text>
      )}
      {list.loading && <Text className='line muted'>{QUEUE_TEXT.loading}</Text>}
      {!list.loading && list.next && <ActionButton id='queue-more' label={QUEUE_TEXT.more} onTap={() => load(list.next!)} />}
      {!list.loading && !list.next && list.items.length > 0 && <Text className='line muted'>{QUEUE_TEXT.end}</Text>}
    </WorkerShell>
  )
}
