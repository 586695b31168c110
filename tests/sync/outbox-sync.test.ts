/**
 * Nothing lost, nothing doubled: the outbox and the sync engine against the real server app (in-process,
 * temporary SQLite). Only the network between them is played by the test.
 */
import { forgetSession, SESSION_KEY } from '@/services/auth'
import { storage } from '@/platform/storage'
import { RETRY, OUTBOX_PREFIX, type OutboxItem } from '@/store/outbox'
import { newId, record, syncWorld } from './harness'

let world: Awaited<ReturnType<typeof syncWorld>>
beforeEach(async () => {
  world = await syncWorld()
})
afterEach(() => world.close())

const puts = () => world.net.calls.filter((c) => c.startsWith('PUT')).length
const storedItem = (id: string): OutboxItem => JSON.parse(world.phone.data.get(OUTBOX_PREFIX + id) as string)

test('submitted offline: waits as failed with its next retry time, and goes when the network returns', async () => {
  world.net.offline = true
  const { store, engine, id } = await world.submitted()
  const waiting = store.getState().items[id]
  expect(waiting).toMatchObject({ status: 'failed', attempts: 1, lastError: { kind: 'offline' } })
  // Never given up: the next try is scheduled and visible.
  expect(Date.parse(waiting.nextRetryAt!)).toBe(world.clock.now() + RETRY.baseMs * 0.75)
  expect(world.clock.nextTimer()).toBe(Date.parse(waiting.nextRetryAt!))
  expect(await world.server.count('registrations')).toBe(0)

  world.net.offline = false
  engine.resume() // the network-back event
  await engine.idle()
  expect(store.getState().items[id]).toMatchObject({ status: 'synced', server: { status: 'submitted', version: 1 } })
  expect((await world.serverList()).map((r) => r.id)).toEqual([id])
  expect(storedItem(id).status).toBe('synced')
})

test('an answer lost on the way back: the same id and content go again, and the server holds one record', async () => {
  world.net.loseAnswers = 1
  const { store, engine, id } = await world.submitted()
  expect(store.getState().items[id].status).toBe('failed')
  expect(await world.server.count('registrations')).toBe(1) // it did arrive

  world.clock.advance(RETRY.baseMs) // the retry timer fires
  await engine.idle()
  expect(store.getState().items[id]).toMatchObject({ status: 'synced', attempts: 2, server: { version: 1 } })
  expect(puts()).toBe(2)
  expect(await world.server.count('registrations')).toBe(1)
  expect(await world.serverList()).toHaveLength(1)
})

test('5xx backs off exponentially with jitter, never before its time, and then goes through', async () => {
  world.net.gateway503 = 3
  const { store, engine, id } = await world.submitted()
  // random() = 0.5 → three quarters of each ceiling: 5 s, 10 s, 20 s ceilings.
  const delays: number[] = []
  for (const ceiling of [5_000, 10_000, 20_000]) {
    const item = store.getState().items[id]
    expect(item).toMatchObject({ status: 'failed', lastError: { kind: 'http', status: 503 } })
    const delay = Date.parse(item.nextRetryAt!) - world.clock.now()
    delays.push(delay)
    expect(delay).toBe(ceiling * 0.75)
    const before = puts()
    world.clock.advance(delay - 1)
    await engine.idle()
    expect(puts()).toBe(before) // not a millisecond early
    world.clock.advance(1)
    await engine.idle()
    expect(puts()).toBe(before + 1)
  }
  expect(store.getState().items[id]).toMatchObject({ status: 'synced', attempts: 4 })
  expect(store.getState().items[id].lastError).toBeUndefined()
  expect(await world.server.count('registrations')).toBe(1)
})

test("a 400 is set aside as rejected with the server's reason and issues, and not retried", async () => {
  const bad = record()
  bad.child.residenceRegion = '441422101999' // no such village
  const { store, engine, id } = await world.submitted(bad)
  const item = store.getState().items[id]
  expect(item.status).toBe('rejected')
  expect(item.lastError).toMatchObject({ kind: 'http', status: 400, code: 'validation', message: '填写的内容有误，请按提示修改' })
  expect(item.lastError!.issues).toEqual([expect.objectContaining({ path: ['child', 'residenceRegion'] })])
  expect(item.nextRetryAt).toBeUndefined()
  world.clock.advance(RETRY.maxMs * 4)
  engine.resume()
  await engine.idle()
  expect(puts()).toBe(1)

  // The guardian fixes it and sends again: same id, new content.
  store.getState().enqueue({ id, record: record() })
  await engine.idle()
  expect(store.getState().items[id]).toMatchObject({ status: 'synced', attempts: 1 })
  expect(await world.server.count('registrations')).toBe(1)
})

test('a 401 (token no longer valid) signs in again without the guardian and the request goes once more', async () => {
  const { store, engine } = await world.submitted()
  // The token on the phone stops being valid (e.g. the server's signing key changed).
  const real = JSON.parse(storage.getItem(SESSION_KEY)!)
  forgetSession()
  storage.setItem(SESSION_KEY, JSON.stringify({ ...real, token: `${real.token.slice(0, -4)}AAAA` }))
  const id = newId()
  store.getState().enqueue({ id, record: record('disability') })
  await engine.idle()
  expect(store.getState().items[id].status).toBe('synced')
  expect(world.net.calls.filter((c) => c.includes('wx-login'))).toHaveLength(2)
  expect(await world.serverList()).toHaveLength(2) // the same guardian (same device code)
})

test('items of a kind with no sender wait untouched', async () => {
  const { store, engine } = world.boot()
  engine.start()
  store.getState().enqueue({ id: newId(), kind: 'visit', record: { note: 'x' } })
  await engine.idle()
  expect(Object.values(store.getState().items)[0]).toMatchObject({ status: 'queued', attempts: 0 })
  expect(world.net.calls).toEqual([])
})
