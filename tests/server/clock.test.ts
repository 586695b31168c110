/**
 * One clock for the whole server (server/src/clock.ts): setting it moves every stored time (records,
 * history events, audit rows), token issue and expiry, and "today" (ages, the roster's date), which is the
 * date in China — 17:30 UTC is already the next day there.
 */
import { decodeJwt } from 'jose'
import { ageOn } from '../../src/domain/dates'
import { setClock } from '../../server/src/clock'
import { BACKENDS, TOWNSHIP, VILLAGE_A, fixture, startApp, uuid, type TestApp } from './helpers'

const FIRST = '2031-03-04T17:30:00.250Z' // 2031-03-05 in China
const SECOND = '2031-03-05T02:00:00.000Z' // within the worker token's 12 hours
const HOUR = 3600 * 1000

describe.each(BACKENDS)('the server clock (%s)', (backend) => {
  let t: TestApp
  let clock = Date.parse(FIRST)
  beforeAll(async () => {
    setClock(() => clock)
    t = await startApp(backend)
  })
  afterAll(async () => {
    setClock()
    await t.close()
  })

  test("records, history events and audit rows carry the clock's time", async () => {
    clock = Date.parse(FIRST)
    const guardian = await t.guardian()
    const village = await t.worker('village_worker', VILLAGE_A)
    const id = uuid()
    const created = await t.put(guardian, id, fixture())
    expect(created.statusCode).toBe(201)
    expect(created.json()).toMatchObject({ createdAt: FIRST, updatedAt: FIRST })

    clock = Date.parse(SECOND)
    expect((await t.review(village, id, { action: 'start_review' })).statusCode).toBe(200)
    const opened = (await t.req('GET', `/api/v1/registrations/${id}`, { token: guardian })).json()
    expect(opened).toMatchObject({ createdAt: FIRST, updatedAt: SECOND })
    const history = (await t.req('GET', `/api/v1/registrations/${id}/history`, { token: guardian })).json()
    expect(history.items.map((e: any) => e.at)).toEqual([FIRST, SECOND])
    const audits = await t.app.db.selectFrom('audit_log').select(['action', 'at']).where('target_id', '=', id).orderBy('at').execute()
    expect(audits.map((a) => [a.action, a.at])).toEqual([
      ['create', FIRST],
      ['review', SECOND],
    ])
  })

  test('tokens are issued and expire by the clock', async () => {
    clock = Date.parse(FIRST)
    const worker = await t.worker('village_worker', VILLAGE_A)
    expect(decodeJwt(worker).iat).toBe(Math.floor(Date.parse(FIRST) / 1000))
    expect((await t.req('GET', '/api/v1/review/queue', { token: worker })).statusCode).toBe(200)
    clock = Date.parse(FIRST) + 13 * HOUR
    expect((await t.req('GET', '/api/v1/review/queue', { token: worker })).statusCode).toBe(401)
  })

  test("ages and the roster's date are those of the clock's day in China", async () => {
    clock = Date.parse(FIRST)
    const guardian = await t.guardian()
    const village = await t.worker('village_worker', VILLAGE_A)
    const township = await t.worker('township_supervisor', TOWNSHIP)
    const id = uuid()
    expect((await t.put(guardian, id, fixture())).statusCode).toBe(201)
    const item = (await t.req('GET', '/api/v1/review/queue', { token: village })).json().items.find((i: any) => i.id === id)
    // The fixture child is born 2015-03-08: 15 on the clock's day, whatever the real date.
    expect(item.child.age).toBe(ageOn(fixture().child.birthDate, '2031-03-05'))
    expect(item.child.age).toBe(15)
    const roster = await t.req('GET', '/api/v1/export.xlsx', { token: township })
    expect(roster.statusCode).toBe(200)
    expect(roster.headers['content-disposition']).toContain(`roster-${TOWNSHIP}-2031-03-05.xlsx`)
  })
})
