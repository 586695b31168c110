/**
 * The daily re-check (docs/lifecycle.md, "The daily re-check") on fixed dates, on both databases: a confirmed
 * left-behind child born 2015-03-08 is not flagged on 2031-03-07 and is on 2031-03-08, with the reason, on the
 * village worker's 待复核 list (not a neighbour's); nothing is ended; 复核后继续保障 takes it off in writing;
 * a proposal to end it takes it off; the run is under the cluster lock and once a day.
 */
import { setClock } from '../../server/src/clock'
import { runDaily, runRecheck } from '../../server/src/services/recheck'
import { BACKENDS, COUNTY, TOWNSHIP, VILLAGE_A, VILLAGE_B, fixture, startApp, uuid, type TestApp } from './helpers'

const at = (iso: string) => setClock(() => Date.parse(iso))

describe.each(BACKENDS)('daily re-check (%s)', (backend) => {
  let t: TestApp
  let tokens: Record<string, string>
  beforeAll(async () => {
    at('2026-12-01T02:00:00Z')
    t = await startApp(backend)
    tokens = {
      guardian: await t.guardian(),
      village: await t.worker('village_worker', VILLAGE_A),
      neighbour: await t.worker('village_worker', VILLAGE_B),
      township: await t.worker('township_supervisor', TOWNSHIP),
      county: await t.worker('county_admin', COUNTY),
    }
  })
  afterAll(async () => {
    setClock()
    await t.close()
  })

  const confirmed = async () => {
    const id = uuid()
    expect((await t.put(tokens.guardian, id, fixture('left-behind'))).statusCode).toBe(201)
    for (const [who, action] of [
      ['village', 'start_review'],
      ['village', 'verify'],
      ['township', 'approve'],
      ['county', 'confirm'],
    ]) {
      expect((await t.review(tokens[who], id, { action })).statusCode).toBe(200)
    }
    return id
  }
  const list = async (who: string) => (await t.req('GET', '/api/v1/review/rechecks', { token: tokens[who] })).json()

  test('the day before the 16th birthday: nothing; on the day: 待复核 with the reason, nothing ended', async () => {
    const id = await confirmed()
    // Tokens were issued on 2026-12-01; a day in 2031 would find them expired, so the job runs on its own.
    expect(await runRecheck(t.app, '2031-03-07')).toMatchObject({ flagged: 0 })
    expect((await list('village')).items).toEqual([])
    expect(await runRecheck(t.app, '2031-03-08')).toMatchObject({ flagged: 1 })
    const page = await list('village')
    expect(page.total).toBe(1)
    expect(page.items[0]).toMatchObject({
      id,
      status: 'confirmed',
      recheck: { foundOn: '2031-03-08', lost: ['left_behind'], reasons: ['2031-03-08年满16周岁，不再属于农村留守儿童'] },
    })
    expect(page.items[0].allowedActions.sort()).toEqual(['keep_after_recheck', 'propose_termination', 'record_visit'])
    expect((await list('neighbour')).items).toEqual([])
    expect((await list('township')).total).toBe(1)
    // A second run the same day changes nothing; the record is still confirmed.
    expect(await runRecheck(t.app, '2031-03-08')).toMatchObject({ flagged: 0 })
    const view = (await t.req('GET', `/api/v1/registrations/${id}`, { token: tokens.village })).json()
    expect(view).toMatchObject({ status: 'confirmed', recheck: { lostLabels: ['农村留守儿童'] } })
    // The database holds neither the date nor the reason in plaintext.
    const row = await t.app.db.selectFrom('review_flags').selectAll().where('registration_id', '=', id).executeTakeFirstOrThrow()
    expect(JSON.stringify(row)).not.toContain('2031-03-08')

    // 复核后继续保障 needs a reason, takes it off the list, and is not offered again.
    expect((await t.review(tokens.village, id, { action: 'keep_after_recheck' })).statusCode).toBe(400)
    const kept = await t.review(tokens.village, id, { action: 'keep_after_recheck', reason: '仍属困境儿童，继续保障' })
    expect(kept.json()).toMatchObject({ status: 'confirmed', allowedActions: ['record_visit', 'propose_termination'] })
    expect((await list('village')).items).toEqual([])
    expect((await t.review(tokens.village, id, { action: 'keep_after_recheck', reason: '再次保留' })).statusCode).toBe(409)
    // The same loss found again the next day stays kept.
    await runRecheck(t.app, '2031-03-09')
    expect((await list('village')).items).toEqual([])
  })

  test('a proposal to end the record takes it off the list; a confirmed record never flagged cannot be "kept"', async () => {
    const id = await confirmed()
    await runRecheck(t.app, '2031-03-08')
    expect((await list('village')).items.map((i: { id: string }) => i.id)).toContain(id)
    expect((await t.review(tokens.village, id, { action: 'propose_termination', termination: { reason: 'age' } })).statusCode).toBe(200)
    expect((await list('village')).items.map((i: { id: string }) => i.id)).not.toContain(id)

    const fresh = await confirmed()
    const res = await t.review(tokens.village, fresh, { action: 'keep_after_recheck', reason: '没有变化' })
    expect(res.statusCode).toBe(409)
    expect(res.json().error.code).toBe('not_flagged')
  })

  test('runDaily: once a day under the lock; the audit log has the counts, no child', async () => {
    at('2031-03-08T02:00:00Z')
    try {
      const first = await runDaily(t.app)
      expect(first).toMatchObject({ day: '2031-03-08' })
      expect(await runDaily(t.app)).toBeUndefined()
      expect(await runDaily(t.app, true)).toMatchObject({ day: '2031-03-08' })
      const rows = await t.app.db.selectFrom('audit_log').select(['detail']).where('action', '=', 'daily_recheck').execute()
      expect(rows.length).toBeGreaterThan(0)
      expect(Object.keys(JSON.parse(rows.at(-1)!.detail!)).sort()).toEqual(['checked', 'cleared', 'day', 'flagged'])
    } finally {
      at('2026-12-01T02:00:00Z')
    }
  })

  test('the run lets waiting requests go first after every slice of records', async () => {
    // Every query of a batch on SQLite, and every record's opening and classification, is synchronous: without
    // the slices nothing else on this instance (a worker's queue) would run until the whole batch is done.
    let turns = 0
    let running = true
    const tick = () => {
      if (!running) return
      turns += 1
      setImmediate(tick)
    }
    setImmediate(tick)
    const run = await runRecheck(t.app, '2031-03-08', 1)
    running = false
    expect(run.checked).toBeGreaterThanOrEqual(2)
    expect(turns).toBeGreaterThanOrEqual(run.checked)
  })
})
