/**
 * The counters of migration 006 (registrations per village and status, with the category sums) against a
 * real count of the registrations after every kind of change: submit, edit (moving village and category),
 * each review action, withdraw, delete, and re-filled from the rows by the migration itself.
 */
import { sql } from 'kysely'
import * as m006 from '../../server/src/db/migrations/006_registration_counts'
import { BACKENDS, COUNTY, TOWNSHIP, VILLAGE_A, VILLAGE_B, fixture, inVillage, startApp, uuid, type TestApp } from './helpers'

const CATS = ['cat_left_behind', 'cat_difficulty', 'cat_de_facto_unsupported', 'cat_orphan']

describe.each(BACKENDS)('registration counts (%s)', (backend) => {
  let t: TestApp
  let guardian: string
  let village: string
  let villageB: string
  let township: string
  let county: string
  beforeAll(async () => {
    t = await startApp(backend)
    guardian = await t.guardian()
    village = await t.worker('village_worker', VILLAGE_A)
    villageB = await t.worker('village_worker', VILLAGE_B)
    township = await t.worker('township_supervisor', TOWNSHIP)
    county = await t.worker('county_admin', COUNTY)
  })
  afterAll(() => t.close())

  /** [village, status, n, categories…] rows, from the counters (non-zero) and from the registrations. */
  async function both() {
    const line = (r: Record<string, unknown>) => [r.village_code, r.status, ...['n', ...CATS].map((c) => Number(r[c]))].join(' ')
    const kept = await sql<Record<string, unknown>>`select * from registration_counts where n <> 0 order by village_code, status`.execute(
      t.app.db,
    )
    const real = await sql
      .raw<Record<string, unknown>>(
        `select village_code, status, count(*) as n, ${CATS.map((c) => `sum(${c}) as ${c}`).join(', ')}
       from registrations group by village_code, status order by village_code, status`,
      )
      .execute(t.app.db)
    return { kept: kept.rows.map(line), real: real.rows.map(line) }
  }
  async function expectInStep() {
    const { kept, real } = await both()
    expect(kept).toEqual(real)
    expect(real.length).toBeGreaterThan(0)
  }
  const ok = async (res: Promise<{ statusCode: number; body: string }>) => expect((await res).statusCode).toBeLessThan(300)

  test('after submissions, an edit that moves village and category, each review action, withdraw and delete', async () => {
    const ids = Array.from({ length: 6 }, uuid)
    const kinds = ['left-behind', 'orphan', 'disability', 'de-facto-unsupported', 'left-behind', 'orphan']
    for (const [i, id] of ids.entries()) await ok(t.put(guardian, id, inVillage(fixture(kinds[i]), VILLAGE_A)))
    await expectInStep()

    // Returned, then edited: back to submitted, in another village, as another category.
    await ok(t.review(village, ids[0], { action: 'return', reason: '请核对孩子姓名', fields: ['child.name'] }))
    await expectInStep()
    await ok(t.put(guardian, ids[0], { record: inVillage(fixture('orphan'), VILLAGE_B), baseVersion: 2 }))
    await expectInStep()

    // The chain to confirmed, and a refusal.
    for (const id of [ids[1], ids[2]]) {
      await ok(t.review(village, id, { action: 'start_review' }))
      await ok(t.review(village, id, { action: 'verify' }))
      await ok(t.review(township, id, { action: 'approve' }))
    }
    await expectInStep()
    await ok(t.review(county, ids[1], { action: 'confirm' }))
    await ok(t.review(county, ids[2], { action: 'refuse', reason: '不符合认定条件' }))
    await ok(t.review(villageB, ids[0], { action: 'start_review' }))
    await expectInStep()

    await ok(t.req('POST', `/api/v1/registrations/${ids[3]}/withdraw`, { token: guardian }))
    await expectInStep()

    // A deletion (an operator's, or a later feature's): the counters follow it too.
    await t.app.db.deleteFrom('registration_events').where('registration_id', '=', ids[4]).execute()
    await t.app.db.deleteFrom('registrations').where('id', '=', ids[4]).execute()
    await expectInStep()

    // The queue's total and /stats are read from the counters.
    const total = (await t.req('GET', '/api/v1/review/queue?status=all', { token: county })).json().total
    expect(total).toBe(await t.count('registrations'))
    const stats = (await t.req('GET', '/api/v1/stats', { token: county })).json()
    expect(stats.total).toBe(total)
    expect(stats.byStatus).toMatchObject({ submitted: 1, village_review: 1, confirmed: 1, rejected: 1, withdrawn: 1 })
  })

  test('the migration fills the counters from the registrations already there', async () => {
    const before = await both()
    if (backend === 'postgres') {
      await t.app.db.transaction().execute(async (trx) => {
        await m006.down(trx)
        await m006.up(trx)
      })
    } else {
      await m006.down(t.app.db)
      await m006.up(t.app.db)
    }
    const after = await both()
    expect(after.kept).toEqual(before.real)
    expect(after.kept).toEqual(after.real)
    // And the triggers are back: a new submission is counted.
    await ok(t.put(guardian, uuid(), fixture('left-behind')))
    await expectInStep()
  })
})
