import deFacto from '../fixtures/registrations/de-facto-unsupported.json'
import type { Registration } from '@/domain/schema'
import {
  createOutboxStore,
  OUTBOX_INDEX_KEY,
  OUTBOX_PREFIX,
  RETRY,
  retryDelay,
  sortedOutbox,
  toFailed,
  toSending,
  toSynced,
} from '@/store/outbox'
import { memoryStorage } from './memory-storage'

const record = deFacto as unknown as Registration
const T0 = Date.parse('2026-11-28T08:00:00.000Z')

test('each item has its own key; the list survives a restart', () => {
  const mem = memoryStorage()
  let now = T0
  const store = createOutboxStore(mem.storage, () => now)
  const id = '9b2f8c1e-4a5d-4e6f-8a7b-1c2d3e4f5a6b'
  store.getState().enqueue({ id, record })
  const item = { id, kind: 'registration', record, queuedAt: '2026-11-28T08:00:00.000Z', status: 'queued', attempts: 0 }
  expect(JSON.parse(mem.data.get(OUTBOX_PREFIX + id) as string)).toEqual(item)
  expect(JSON.parse(mem.data.get(OUTBOX_INDEX_KEY) as string)).toEqual({ v: 2, ids: [id] })

  const restarted = createOutboxStore(mem.storage, () => now)
  expect(restarted.getState().items).toEqual({ [id]: item })
  now += 3600_000
  const later = '0c3e7d2a-1b4c-4d5e-9f60-718293a4b5c6'
  restarted.getState().enqueue({ id: later, record })
  expect(sortedOutbox(restarted.getState().items).map((i) => i.id)).toEqual([later, id])
  restarted.getState().remove(id)
  expect(mem.data.has(OUTBOX_PREFIX + id)).toBe(false)
})

test('version 1 items (waiting only) become queued registration items', () => {
  const id = '9b2f8c1e-4a5d-4e6f-8a7b-1c2d3e4f5a6b'
  const v1 = { id, record, queuedAt: '2026-11-28T08:00:00.000Z', status: 'queued' }
  const mem = memoryStorage({
    [OUTBOX_INDEX_KEY]: JSON.stringify({ v: 1, ids: [id] }),
    [OUTBOX_PREFIX + id]: JSON.stringify(v1),
  })
  const store = createOutboxStore(mem.storage)
  expect(store.getState().items[id]).toEqual({ ...v1, kind: 'registration', attempts: 0 })
})

test('an item stored as sending (the app died mid-request) comes back queued, attempts kept', () => {
  const mem = memoryStorage()
  const store = createOutboxStore(mem.storage, () => T0)
  const id = '9b2f8c1e-4a5d-4e6f-8a7b-1c2d3e4f5a6b'
  store.getState().enqueue({ id, record })
  store.getState().update(id, (i) => toSending(i, T0))
  expect(JSON.parse(mem.data.get(OUTBOX_PREFIX + id) as string).status).toBe('sending')
  const next = createOutboxStore(mem.storage)
  expect(next.getState().items[id]).toMatchObject({ status: 'queued', attempts: 1, record })
})

test('backoff: doubling from 5 s with equal jitter, capped at 15 minutes, never zero', () => {
  expect(retryDelay(1, () => 0)).toBe(2_500)
  expect(retryDelay(1, () => 1)).toBe(5_000)
  expect(retryDelay(3, () => 0.5)).toBe(15_000)
  expect(retryDelay(30, () => 0)).toBe(RETRY.maxMs / 2)
  expect(retryDelay(30, () => 1)).toBe(RETRY.maxMs)
})

test('failed items keep their content and say when they are tried next; synced clears errors', () => {
  const store = createOutboxStore(memoryStorage().storage, () => T0)
  const id = '9b2f8c1e-4a5d-4e6f-8a7b-1c2d3e4f5a6b'
  store.getState().enqueue({ id, record })
  store.getState().update(id, (i) => toFailed(toSending(i, T0), { kind: 'offline', message: 'x' }, T0, () => 0))
  expect(store.getState().items[id]).toMatchObject({
    status: 'failed',
    attempts: 1,
    nextRetryAt: new Date(T0 + 2500).toISOString(),
    record,
  })
  store.getState().update(id, (i) => toSynced(toSending(i, T0), { status: 'submitted', version: 1 }, T0))
  const synced = store.getState().items[id]
  expect(synced).toMatchObject({ status: 'synced', attempts: 2, server: { status: 'submitted', version: 1 } })
  expect(synced.lastError).toBeUndefined()
  expect(synced.nextRetryAt).toBeUndefined()
})
