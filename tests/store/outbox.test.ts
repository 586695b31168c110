import deFacto from '../fixtures/registrations/de-facto-unsupported.json'
import type { Registration } from '@/domain/schema'
import { createOutboxStore, OUTBOX_INDEX_KEY, OUTBOX_PREFIX, sortedOutbox } from '@/store/outbox'
import { memoryStorage } from './memory-storage'

const record = deFacto as unknown as Registration

test('each queued registration has its own key; the list survives a restart', () => {
  const mem = memoryStorage()
  const store = createOutboxStore(mem.storage)
  const item = { id: '9b2f8c1e-4a5d-4e6f-8a7b-1c2d3e4f5a6b', record, queuedAt: '2026-11-28T08:00:00.000Z', status: 'queued' as const }
  store.getState().enqueue(item)
  expect(JSON.parse(mem.data.get(OUTBOX_PREFIX + item.id) as string)).toEqual(item)
  expect(JSON.parse(mem.data.get(OUTBOX_INDEX_KEY) as string)).toEqual({ v: 1, ids: [item.id] })

  const restarted = createOutboxStore(mem.storage)
  expect(restarted.getState().items).toEqual({ [item.id]: item })
  const later = { ...item, id: '0c3e7d2a-1b4c-4d5e-9f60-718293a4b5c6', queuedAt: '2026-11-28T09:00:00.000Z' }
  restarted.getState().enqueue(later)
  expect(sortedOutbox(restarted.getState().items).map((i) => i.id)).toEqual([later.id, item.id])
  restarted.getState().remove(item.id)
  expect(mem.data.has(OUTBOX_PREFIX + item.id)).toBe(false)
})
