/**
 * Monthly home visits through the API (docs/lifecycle.md, "Monthly visits"): a confirmed record is due in
 * the month it was confirmed, a visit makes it done and is stored in `visits` with its findings sealed, the
 * next month it is due again and the month after overdue; the township sees completion by village; a category
 * visited every two months skips a month; a termination under way is still visited, an ended record is not.
 */
import { setClock } from '../../server/src/clock'
import { loadVisitIntervals } from '../../server/src/config'
import { BACKENDS, COUNTY, TOWNSHIP, VILLAGE_A, VILLAGE_B, fixture, inVillage, startApp, uuid, type TestApp } from './helpers'

// 31 March 2026, 23:00 in China (15:00 UTC): the last hour of the month.
const LAST_HOUR_OF_MARCH = Date.parse('2026-03-31T15:00:00Z')
const visit = {
  date: '2026-03-31',
  method: 'home',
  conclusion: 'true',
  guardianshipAssessment: 'fair',
  notes: '奶奶身体尚可，孩子按时上学',
}

describe.each(BACKENDS)('monthly visits (%s)', (backend) => {
  let t: TestApp
  let guardian: string
  let village: string
  let township: string
  let county: string
  beforeAll(async () => {
    setClock(() => LAST_HOUR_OF_MARCH)
    t = await startApp(backend)
    guardian = await t.guardian()
    village = await t.worker('village_worker', VILLAGE_A)
    township = await t.worker('township_supervisor', TOWNSHIP)
    county = await t.worker('county_admin', COUNTY)
  })
  afterAll(async () => {
    setClock()
    await t.close()
  })

  const step = (token: string, id: string, body: object, status?: string) => t.step(token, id, body, status)
  const confirmed = async (villageCode = VILLAGE_A, name = 'left-behind') => {
    const id = uuid()
    expect((await t.put(guardian, id, inVillage(fixture(name), villageCode))).statusCode).toBe(201)
    const worker = villageCode === VILLAGE_A ? village : await t.worker('village_worker', villageCode)
    await step(worker, id, { action: 'start_review' })
    await step(worker, id, { action: 'verify' })
    await step(township, id, { action: 'approve' })
    await step(county, id, { action: 'confirm' })
    return id
  }
  const get = (token: string, path: string) => t.req('GET', `/api/v1${path}`, { token })
  const due = async (month?: string) => {
    const res = await get(village, `/visits/due${month ? `?month=${month}` : ''}`)
    expect(res.statusCode).toBe(200)
    return res.json()
  }
  const stateOf = (page: any, id: string) => page.items.find((i: any) => i.id === id)?.visit

  test('confirmed this month: due; a visit on the last day makes it done; April due again, May overdue', async () => {
    const id = await confirmed()
    const march = await due()
    expect(march.month).toBe('2026-03')
    expect(stateOf(march, id)).toEqual({ state: 'due', stateLabel: '本月待走访', dueMonth: '2026-03', monthsLate: 0 })
    // Masked as in the queue: the list shows who, never a whole name or number.
    expect(march.items.find((i: any) => i.id === id).child.name).toMatch(/\*/)

    const brief = await step(village, id, { action: 'record_visit', visit, requestId: uuid() })
    expect(brief.status).toBe('confirmed')
    expect(stateOf(await due(), id)).toMatchObject({ state: 'done', doneOn: '2026-03-31', doneMethod: 'home' })
    expect(stateOf(await due('2026-04'), id)).toMatchObject({ state: 'due', dueMonth: '2026-04', lastMonth: '2026-03' })
    expect(stateOf(await due('2026-05'), id)).toMatchObject({ state: 'overdue', dueMonth: '2026-04', monthsLate: 1 })

    // The row, written with its history event: findings sealed, only what lists count on in plaintext.
    const rows = await t.app.db.selectFrom('visits').selectAll().where('registration_id', '=', id).execute()
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({ village_code: VILLAGE_A, month: '2026-03', visited_on: '2026-03-31', method: 'home' })
    expect(rows[0].detail).not.toContain('奶奶')
    const event = await t.app.db
      .selectFrom('registration_events')
      .selectAll()
      .where('registration_id', '=', id)
      .where('version', '=', rows[0].version)
      .executeTakeFirstOrThrow()
    expect(event.action).toBe('record_visit')
  })

  test('a resent visit (same request id) is one visit', async () => {
    const id = await confirmed()
    const requestId = uuid()
    await step(village, id, { action: 'record_visit', visit, requestId })
    await step(village, id, { action: 'record_visit', visit, requestId })
    expect(await t.app.db.selectFrom('visits').select('version').where('registration_id', '=', id).execute()).toHaveLength(1)
  })

  test('the township sees completion by village; city-wide counts in the stats', async () => {
    const other = await confirmed(VILLAGE_B)
    const res = await get(township, '/visits/completion')
    expect(res.statusCode).toBe(200)
    const body = res.json()
    expect(body.month).toBe('2026-03')
    const a = body.byVillage.find((v: any) => v.code === VILLAGE_A)
    const b = body.byVillage.find((v: any) => v.code === VILLAGE_B)
    expect(b).toMatchObject({ name: '左弼村委会', due: 1, done: 0 })
    expect(a.done).toBeGreaterThanOrEqual(1)
    expect(body.due).toBe(body.byVillage.reduce((n: number, v: any) => n + v.due, 0))
    expect((await get(township, `/visits/completion?month=2026-05`)).json().byVillage.every((v: any) => v.done === 0)).toBe(true)
    // Narrowed to a village of one's own township; another township's is refused.
    expect((await get(county, `/visits/completion?region=${VILLAGE_B}`)).json()).toMatchObject({ due: 1, done: 0 })
    expect((await get(township, '/visits/completion?region=441422102')).statusCode).toBe(403)
    const stats = (await get(township, '/stats')).json()
    expect(stats.visits.byVillage.find((v: any) => v.code === VILLAGE_B)).toMatchObject({ due: 1, done: 0 })
    // The neighbouring village's child is not on this village worker's list.
    expect(stateOf(await due(), other)).toBeUndefined()
  })

  test('a termination under way is still visited; an ended record leaves the list', async () => {
    const id = await confirmed()
    await step(village, id, { action: 'propose_termination', termination: { reason: 'guardianship_restored', note: '父亲返乡照料' } })
    expect(stateOf(await due(), id)?.state).toBe('due')
    await step(village, id, { action: 'record_visit', visit: { ...visit, method: 'phone' }, requestId: uuid() })
    expect(stateOf(await due(), id)?.state).toBe('done')
    await step(township, id, { action: 'agree_termination' })
    await step(county, id, { action: 'terminate' })
    expect(stateOf(await due(), id)).toBeUndefined()
    const refused = await t.review(village, id, { action: 'record_visit', visit, requestId: uuid() })
    expect(refused.statusCode).toBe(409)
  })

  test('a bad month is a 400 with the reason; the list is the village worker’s, completion is for the levels above', async () => {
    for (const month of ['2026-13', '2026-3', 'march']) {
      const res = await get(village, `/visits/due?month=${month}`)
      expect(res.statusCode).toBe(400)
      expect(res.json().error.message).toContain('月份格式不对')
    }
    expect((await get(township, '/visits/due')).statusCode).toBe(403)
    expect((await get(village, '/visits/completion')).statusCode).toBe(403)
    expect((await get(guardian, '/visits/due')).statusCode).toBe(403)
    expect((await t.req('GET', '/api/v1/visits/due')).statusCode).toBe(401)
  })
})

describe.each(BACKENDS)('a category visited every two months (%s)', (backend) => {
  let t: TestApp
  beforeAll(async () => {
    setClock(() => LAST_HOUR_OF_MARCH)
    t = await startApp(backend, { visitIntervals: { left_behind: 2 } })
  })
  afterAll(async () => {
    setClock()
    await t.close()
  })

  test('visited in March: nothing due in April (counted, not listed), due in May', async () => {
    const guardian = await t.guardian()
    const village = await t.worker('village_worker', VILLAGE_A)
    const township = await t.worker('township_supervisor', TOWNSHIP)
    const county = await t.worker('county_admin', COUNTY)
    const id = uuid()
    await t.put(guardian, id, fixture('left-behind'))
    for (const [token, action] of [
      [village, 'start_review'],
      [village, 'verify'],
      [township, 'approve'],
      [county, 'confirm'],
    ])
      expect((await t.review(token, id, { action })).statusCode).toBe(200)
    expect((await t.review(village, id, { action: 'record_visit', visit })).statusCode).toBe(200)
    const april = (await t.req('GET', '/api/v1/visits/due?month=2026-04', { token: village })).json()
    expect(april.items).toEqual([])
    expect(april.counts).toMatchObject({ not_due: 1, due: 0 })
    const may = (await t.req('GET', '/api/v1/visits/due?month=2026-05', { token: village })).json()
    expect(may.items[0].visit).toMatchObject({ state: 'due', dueMonth: '2026-05', lastMonth: '2026-03' })
    expect((await t.req('GET', '/api/v1/visits/completion?month=2026-04', { token: township })).json()).toMatchObject({ due: 0, done: 0 })
  })
})

describe('HUTONG_VISIT_INTERVALS at start', () => {
  test('read into the configuration; a wrong line stops the start with the reason in Chinese', () => {
    expect(loadVisitIntervals('留守=1,困境=2')).toEqual({ left_behind: 1, difficulty: 2 })
    expect(loadVisitIntervals(undefined)).toEqual({})
    expect(() => loadVisitIntervals('困境=0')).toThrow('HUTONG_VISIT_INTERVALS：走访间隔“困境=0”应为1到12之间的整月数')
  })
})
