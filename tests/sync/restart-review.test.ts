/**
 * The hard cases of the outbox against the real server app: the app killed in the middle of a send, the
 * reviewer's return and the guardian's fix, a fix made on a stale version, and what stays on the phone.
 */
import { RETRY, OUTBOX_PREFIX, type OutboxItem } from '@/store/outbox'
import { VILLAGE_A } from '../server/helpers'
import { newId, record, syncWorld } from './harness'

let world: Awaited<ReturnType<typeof syncWorld>>
beforeEach(async () => {
  world = await syncWorld()
})
afterEach(() => world.close())

const stored = (id: string): OutboxItem => JSON.parse(world.phone.data.get(OUTBOX_PREFIX + id) as string)

describe.each([
  ['reached the server before the app died', true],
  ['never reached the server', false],
])('the app is killed in the middle of a send (the request %s)', (_label, reached) => {
  test('the stores re-created from storage lose nothing and double nothing', async () => {
    const first = world.boot()
    first.engine.start()
    const other = newId()
    first.store.getState().enqueue({ id: other, record: record('disability') })
    await first.engine.idle()
    const id = newId()
    const hold = world.holdNext()
    first.store.getState().enqueue({ id, record: record() })
    await hold.reached
    expect(stored(id).status).toBe('sending') // what the phone holds when the app dies now
    first.engine.stop() // the app is gone: its request's answer will never be read

    const second = world.boot() // the next launch: stores from storage
    expect(second.store.getState().items[id]).toMatchObject({ status: 'queued', attempts: 1 })
    expect(second.store.getState().items[other].status).toBe('synced')
    if (reached) hold.release(true)
    second.engine.start()
    await second.engine.idle()
    if (!reached) hold.release(false)
    await first.engine.idle()

    expect(second.store.getState().items[id]).toMatchObject({ status: 'synced', attempts: 2, server: { version: 1 } })
    expect(stored(id).status).toBe('synced') // the dead app's late answer changed nothing
    expect(world.boot().store.getState().items[id].status).toBe('synced')
    expect(await world.server.count('registrations')).toBe(2)
    expect((await world.serverList()).map((r) => r.id).sort()).toEqual([id, other].sort())
  })
})

test("returned → fixed → resubmitted with baseVersion: back in the village worker's queue", async () => {
  const { store, engine, id } = await world.submitted()
  const worker = await world.server.worker('village_worker', VILLAGE_A)
  const ret = await world.server.review(worker, id, {
    action: 'return',
    reason: '母亲务工地点写得不清楚',
    fields: ['parents.mother.workPlace'],
  })
  expect(ret.statusCode).toBe(200)

  await engine.refresh() // the guardian opens 我的登记 (or pulls to refresh)
  const returned = store.getState().items[id]
  expect(returned).toMatchObject({
    status: 'synced',
    server: {
      status: 'returned',
      statusLabel: '已退回',
      version: 2,
      returned: { reason: '母亲务工地点写得不清楚', fields: ['parents.mother.workPlace'] },
    },
  })

  // Sending it back unchanged is not a fix: the server changes nothing, and the phone says so.
  store.getState().enqueue({ id, record: returned.record, baseVersion: 2 })
  await engine.idle()
  expect(store.getState().items[id]).toMatchObject({ status: 'rejected', lastError: { code: 'unchanged' } })

  const fixed = record()
  fixed.parents.mother.workPlace = '广东省东莞市长安镇'
  store.getState().enqueue({ id, record: fixed, baseVersion: 2 })
  await engine.idle()
  expect(store.getState().items[id]).toMatchObject({ status: 'synced', server: { status: 'submitted', version: 3, returned: null } })
  expect(store.getState().items[id].baseVersion).toBeUndefined()
  const queue = (await world.server.req('GET', '/api/v1/review/queue', { token: worker })).json().items
  expect(queue.map((i: any) => i.id)).toContain(id)
  expect(await world.server.count('registrations')).toBe(1)
})

test('a fix made on a stale version surfaces the conflict with both versions; nothing is overwritten', async () => {
  const { store, engine, id } = await world.submitted()
  const worker = await world.server.worker('village_worker', VILLAGE_A)
  await world.server.review(worker, id, { action: 'return', reason: '请核对母亲务工地点', fields: ['parents.mother.workPlace'] })
  await engine.refresh()
  expect(store.getState().items[id].server?.version).toBe(2)

  // Meanwhile the same guardian fixes it elsewhere (version 3), and the worker returns it again (version 4).
  const token = await world.server.guardian(world.device)
  const elsewhere = record()
  elsewhere.parents.mother.workPlace = '广东省东莞市'
  elsewhere.child.residenceAddress = '茅坪村上屋12号之一'
  expect((await world.server.put(token, id, { record: elsewhere, baseVersion: 2 })).statusCode).toBe(200)
  await world.server.review(worker, id, { action: 'return', reason: '请写到镇一级', fields: ['parents.mother.workPlace'] })

  const mine = record()
  mine.parents.mother.workPlace = '广东省东莞市长安镇'
  store.getState().enqueue({ id, record: mine, baseVersion: 2 })
  await engine.idle()
  const item = store.getState().items[id]
  expect(item.status).toBe('conflict')
  expect(item.lastError).toMatchObject({ status: 409, code: 'stale_version' })
  expect(item.record).toEqual(mine)
  expect(item.conflict).toMatchObject({
    code: 'stale_version',
    server: { version: 4, status: 'returned' },
    record: { child: { residenceAddress: '茅坪村上屋12号之一' } },
  })
  world.clock.advance(RETRY.maxMs)
  engine.resume()
  await engine.idle()
  expect(store.getState().items[id].status).toBe('conflict') // never retried blindly
  const onServer = (await world.server.req('GET', `/api/v1/registrations/${id}`, { token })).json()
  expect(onServer).toMatchObject({ version: 4, record: { parents: { mother: { workPlace: '广东省东莞市' } } } })

  // The guardian keeps their own fix, now on the current version: it goes.
  store.getState().enqueue({ id, record: mine, baseVersion: item.conflict!.server!.version })
  await engine.idle()
  expect(store.getState().items[id]).toMatchObject({ status: 'synced', server: { status: 'submitted', version: 5 } })
  expect(store.getState().items[id].conflict).toBeUndefined()
})

test("choosing the server's version keeps it and drops ours, by the guardian's choice only", async () => {
  const { store, engine, id } = await world.submitted()
  const changed = record()
  changed.child.residenceAddress = '别的地址'
  store.getState().enqueue({ id, record: changed }) // same id, other content, no base: 409 conflict
  await engine.idle()
  expect(store.getState().items[id]).toMatchObject({ status: 'conflict', lastError: { code: 'conflict' } })
  store.getState().acceptServerVersion(id)
  expect(store.getState().items[id]).toMatchObject({
    status: 'synced',
    record: { child: { residenceAddress: '茅坪村上屋12号' } },
    server: { version: 1 },
  })
})

test("once verified, the phone keeps only the child's name; registrations from elsewhere appear by name", async () => {
  const { store, engine, id } = await world.submitted()
  expect(JSON.stringify(stored(id))).toContain('441422201503081230')
  const worker = await world.server.worker('village_worker', VILLAGE_A)
  await world.server.review(worker, id, { action: 'start_review' })
  await engine.refresh()
  expect(store.getState().items[id]).toMatchObject({
    server: { status: 'village_review' },
    record: { child: { idNumber: '441422201503081230' } },
  })
  await world.server.review(worker, id, { action: 'verify' })
  // Registered from another phone of the same guardian.
  const token = await world.server.guardian(world.device)
  const elsewhere = newId()
  await world.server.put(token, elsewhere, record('disability'))

  await engine.refresh()
  expect(store.getState().items[id]).toMatchObject({
    slim: true,
    record: { child: { name: '陈小明' } },
    server: { status: 'verified', statusLabel: '村级已核实' },
  })
  expect(Object.keys(store.getState().items[id].record as object)).toEqual(['child'])
  expect(store.getState().items[elsewhere]).toMatchObject({
    status: 'synced',
    slim: true,
    record: { child: { name: '刘小军' } },
    server: { status: 'submitted' },
  })
  const onPhone = [...world.phone.data.values()].join('\n')
  expect(onPhone).not.toContain('441422201503081230')
  expect(onPhone).not.toContain('13711112222')
})
