/**
 * Region scoping, deny by default, for every role: a village worker of A cannot list, open, review, see
 * the history of, count or export a record of village B; the township sees both; the county sees all of
 * its townships; a worker without a region sees nothing; a guardian sees only their own.
 */
import { BACKENDS, COUNTY, TOWNSHIP, VILLAGE_A, VILLAGE_B, fixture, inVillage, readRoster, startApp, uuid, type TestApp } from './helpers'

describe.each(BACKENDS)('region scoping (%s)', (backend) => {
  let t: TestApp
  let guardian: string
  let otherGuardian: string
  let workerA: string
  let workerB: string
  let township: string
  let county: string
  let otherCounty: string
  let noRegion: string
  let badRegion: string
  const inA = uuid()
  const inB = uuid()

  beforeAll(async () => {
    t = await startApp(backend)
    guardian = await t.guardian()
    otherGuardian = await t.guardian()
    workerA = await t.worker('village_worker', VILLAGE_A)
    workerB = await t.worker('village_worker', VILLAGE_B)
    township = await t.worker('township_supervisor', TOWNSHIP)
    county = await t.worker('county_admin', COUNTY)
    otherCounty = await t.worker('county_admin', '441421') // 梅县区
    noRegion = await t.worker('village_worker', null)
    badRegion = await t.worker('village_worker', 'abc')
    expect((await t.put(guardian, inA, inVillage(fixture('left-behind'), VILLAGE_A))).statusCode).toBe(201)
    expect((await t.put(guardian, inB, inVillage(fixture('orphan'), VILLAGE_B))).statusCode).toBe(201)
  })
  afterAll(() => t.close())

  const queueIds = async (token: string, query = '') => {
    const res = await t.req('GET', `/api/v1/review/queue${query}`, { token })
    expect(res.statusCode).toBe(200)
    return res
      .json()
      .items.map((i: { id: string }) => i.id)
      .sort()
  }
  const open = (token: string, id: string) => t.req('GET', `/api/v1/registrations/${id}`, { token })

  test('queues: each village its own; the township and county both; other county and no region nothing', async () => {
    expect(await queueIds(workerA)).toEqual([inA])
    expect(await queueIds(workerB)).toEqual([inB])
    expect(await queueIds(township, '?status=all')).toEqual([inA, inB].sort())
    expect(await queueIds(county, '?status=all')).toEqual([inA, inB].sort())
    expect(await queueIds(otherCounty, '?status=all')).toEqual([])
    expect(await queueIds(noRegion, '?status=all')).toEqual([])
    expect(await queueIds(badRegion, '?status=all')).toEqual([])
  })

  test('opening a record: inside the region 200 (audited), outside 404; guardians only their own', async () => {
    expect((await open(workerA, inA)).statusCode).toBe(200)
    for (const [token, id] of [
      [workerA, inB],
      [workerB, inA],
      [otherCounty, inA],
      [noRegion, inA],
      [badRegion, inA],
      [otherGuardian, inA],
    ]) {
      const res = await open(token, id)
      expect(res.statusCode).toBe(404)
      expect(res.json().error.current).toBeUndefined()
      expect((await t.req('GET', `/api/v1/registrations/${id}/history`, { token })).statusCode).toBe(404)
    }
    expect((await open(township, inA)).statusCode).toBe(200)
    expect((await open(township, inB)).statusCode).toBe(200)
    expect((await open(county, inB)).statusCode).toBe(200)
    expect((await open(guardian, inB)).statusCode).toBe(200)
    const views = await t.app.db.selectFrom('audit_log').selectAll().where('action', '=', 'view').where('target_id', '=', inA).execute()
    expect(views).toHaveLength(2) // workerA and the township; refused attempts and the guardian are not views
  })

  test('review: a worker of A cannot act on B (404), nothing changes', async () => {
    const res = await t.review(workerA, inB, { action: 'start_review' })
    expect(res.statusCode).toBe(404)
    const row = await t.app.db.selectFrom('registrations').select(['status', 'version']).where('id', '=', inB).executeTakeFirstOrThrow()
    expect(row).toEqual({ status: 'submitted', version: 1 })
    expect((await t.review(noRegion, inA, { action: 'start_review' })).statusCode).toBe(404)
  })

  test("guardians and workers cannot use each other's endpoints", async () => {
    expect((await t.req('GET', '/api/v1/review/queue', { token: guardian })).statusCode).toBe(403)
    expect((await t.review(guardian, inA, { action: 'start_review' })).statusCode).toBe(403)
    expect((await t.req('GET', '/api/v1/stats', { token: guardian })).statusCode).toBe(403)
    expect((await t.req('GET', '/api/v1/export.xlsx', { token: guardian })).statusCode).toBe(403)
    expect((await t.put(workerA, uuid(), fixture())).statusCode).toBe(403)
    expect((await t.req('GET', '/api/v1/registrations', { token: workerA })).statusCode).toBe(403)
    expect((await t.req('GET', '/api/v1/review/queue')).statusCode).toBe(401)
  })

  test('stats: own region only; asking for a neighbour or a wider region → 403; no region → 403', async () => {
    const a = await t.req('GET', '/api/v1/stats', { token: workerA })
    expect(a.json()).toMatchObject({ total: 1, byStatus: { submitted: 1 }, byCategory: { left_behind: { submitted: 1 } } })
    expect((await t.req('GET', `/api/v1/stats?region=${VILLAGE_B}`, { token: workerA })).statusCode).toBe(403)
    expect((await t.req('GET', `/api/v1/stats?region=${TOWNSHIP}`, { token: workerA })).statusCode).toBe(403)
    expect((await t.req('GET', '/api/v1/stats', { token: noRegion })).statusCode).toBe(403)
    const town = await t.req('GET', '/api/v1/stats', { token: township })
    expect(town.json().total).toBe(2)
    expect(town.json().byVillage.map((v: { code: string }) => v.code)).toEqual([VILLAGE_A, VILLAGE_B])
    // A supervisor may narrow to one village of their township.
    expect((await t.req('GET', `/api/v1/stats?region=${VILLAGE_B}`, { token: township })).json().total).toBe(1)
    expect((await t.req('GET', '/api/v1/stats', { token: otherCounty })).json().total).toBe(0)
  })

  test('export: a village worker exports only their village; a neighbour region → 403', async () => {
    const res = await t.req('GET', '/api/v1/export.xlsx', { token: workerA })
    expect(res.statusCode).toBe(200)
    const { sheets, rows } = await readRoster(res.rawPayload)
    expect(sheets).toEqual(['茅坪村委会'])
    expect(rows.map((r) => r['A. 留守儿童个人基本情况/姓名'])).toEqual(['陈小明'])
    expect((await t.req('GET', `/api/v1/export.xlsx?region=${VILLAGE_B}`, { token: workerA })).statusCode).toBe(403)
    expect((await t.req('GET', `/api/v1/export.xlsx?region=${COUNTY}`, { token: township })).statusCode).toBe(403)
    expect((await t.req('GET', '/api/v1/export.xlsx', { token: noRegion })).statusCode).toBe(403)
  })

  test('possible duplicates across villages are linked, but open only inside the region', async () => {
    const dup = uuid()
    // The same child (same ID number) registered by another guardian at village B.
    await t.put(otherGuardian, dup, inVillage(fixture('left-behind'), VILLAGE_B))
    const viewA = (await open(workerA, inA)).json()
    expect(viewA.possibleDuplicates).toEqual([{ id: dup, status: 'submitted', reason: 'same_id_number', accessible: false }])
    const viewTown = (await open(township, inA)).json()
    expect(viewTown.possibleDuplicates).toEqual([{ id: dup, status: 'submitted', reason: 'same_id_number', accessible: true }])
    const queue = (await t.req('GET', '/api/v1/review/queue', { token: workerB })).json().items
    expect(queue.find((i: { id: string }) => i.id === dup).possibleDuplicate).toBe(true)
    expect(queue.find((i: { id: string }) => i.id === inB).possibleDuplicate).toBe(false)
    // Nothing merged: both records stand.
    expect((await open(guardian, inA)).json().record.child.residenceRegion).toBe(VILLAGE_A)
    // Guardians never see other families' registrations through the duplicate link.
    expect((await open(guardian, inA)).json().possibleDuplicates).toBeUndefined()
  })

  test('a disabled worker is locked out at the next request', async () => {
    const token = await t.worker('village_worker', VILLAGE_A, 'to-disable')
    expect((await t.req('GET', '/api/v1/review/queue', { token })).statusCode).toBe(200)
    await t.app.db.updateTable('users').set({ disabled: 1 }).where('username', '=', 'to-disable').execute()
    expect((await t.req('GET', '/api/v1/review/queue', { token })).statusCode).toBe(401)
  })
})
