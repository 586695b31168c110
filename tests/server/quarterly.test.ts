/**
 * 动态更新 through the API (docs/lifecycle.md, "Quarterly updates"): the guardian of a confirmed child answers the
 * quarter with one tap or a new version; a change goes village → township → county and back to 县级已确认, or is
 * returned at any level and the approved record comes back; the diff is in the history; a move to another
 * village starts a transfer instead; workers see the quarter's completion. The clock is set: the quarter is China's.
 */
import { setClock } from '../../server/src/clock'
import { runRecheck } from '../../server/src/services/recheck'
import { BACKENDS, COUNTY, TOWNSHIP, VILLAGE_A, VILLAGE_B, fixture, inVillage, startApp, uuid, type TestApp } from './helpers'

describe.each(BACKENDS)('quarterly updates (%s)', (backend) => {
  let t: TestApp
  let guardian: string
  let village: string
  let neighbour: string
  let township: string
  let county: string
  // 31 December 2026, 23:30 in China: the last day of 2026Q4 (15:30 UTC).
  let clock = Date.parse('2026-12-31T15:30:00Z')
  beforeAll(async () => {
    setClock(() => clock)
    t = await startApp(backend)
    guardian = await t.guardian()
    village = await t.worker('village_worker', VILLAGE_A, 'maoping')
    neighbour = await t.worker('village_worker', VILLAGE_B, 'zuobi')
    township = await t.worker('township_supervisor', TOWNSHIP, 'chayang')
    county = await t.worker('county_admin', COUNTY, 'dabu')
  })
  afterAll(async () => {
    setClock()
    await t.close()
  })

  const step = (token: string, id: string, body: object, status?: string) => t.step(token, id, body, status)
  const confirmed = async (record = fixture('left-behind'), worker = village) => {
    const id = uuid()
    expect((await t.put(guardian, id, record)).statusCode).toBe(201)
    await step(worker, id, { action: 'start_review' }, 'village_review')
    await step(worker, id, { action: 'verify' }, 'verified')
    await step(township, id, { action: 'approve' }, 'township_approved')
    await step(county, id, { action: 'confirm' }, 'confirmed')
    return id
  }
  const get = (token: string, path: string) => t.req('GET', `/api/v1${path}`, { token })
  const answer = (token: string, id: string, body: unknown) => t.req('POST', `/api/v1/registrations/${id}/quarterly`, { token, body })
  const versionOf = async (id: string) => (await get(guardian, `/registrations/${id}`)).json().version as number
  const changed = () => {
    const r = fixture('left-behind')
    r.parents.father.workPlace = '广东省广州市'
    return r
  }

  test('没有变化: one tap, recorded once for the quarter; the guardian sees it answered', async () => {
    const id = await confirmed()
    const before = (await get(guardian, `/registrations/${id}`)).json()
    expect(before.quarterly).toEqual({ quarter: '2026Q4', label: '2026年第四季度', answer: null, answeredAt: null, canChange: true })
    const first = await answer(guardian, id, { unchanged: true })
    expect(first.statusCode).toBe(201)
    expect(first.json()).toMatchObject({
      quarter: '2026Q4',
      answer: 'unchanged',
      registration: { status: 'confirmed', version: before.version },
    })
    const again = await answer(guardian, id, { unchanged: true })
    expect(again.statusCode).toBe(200)
    expect(again.json().answeredAt).toBe(first.json().answeredAt)
    expect((await get(guardian, `/registrations/${id}`)).json().quarterly).toMatchObject({ answer: 'unchanged' })
    const own = (await get(guardian, '/registrations')).json().items.find((i: { id: string }) => i.id === id)
    expect(own.quarterly).toMatchObject({ quarter: '2026Q4', answer: 'unchanged' })
    // The record did not move: no new version, nothing in the history.
    expect(await versionOf(id)).toBe(before.version)
  })

  test('the next day is the next quarter: asked again', async () => {
    const id = await confirmed()
    expect((await answer(guardian, id, { unchanged: true })).statusCode).toBe(201)
    clock = Date.parse('2026-12-31T16:00:00Z') // 2027-01-01 00:00 in China
    try {
      expect((await get(guardian, `/registrations/${id}`)).json().quarterly).toMatchObject({ quarter: '2027Q1', answer: null })
      expect((await answer(guardian, id, { unchanged: true })).statusCode).toBe(201)
    } finally {
      clock = Date.parse('2026-12-31T15:30:00Z')
    }
  })

  test('a change goes village → township → county, the child stays confirmed meanwhile, and the diff is in the history', async () => {
    const id = await confirmed()
    const base = await versionOf(id)
    const res = await answer(guardian, id, { record: changed(), baseVersion: base })
    expect(res.statusCode).toBe(201)
    expect(res.json()).toMatchObject({
      answer: 'changed',
      registration: { status: 'update_village', statusLabel: '变更待村级核实', version: base + 1 },
    })
    // A resend of the same change is answered, not applied again.
    const resend = await answer(guardian, id, { record: changed(), baseVersion: base })
    expect(resend.statusCode).toBe(200)
    expect(await versionOf(id)).toBe(base + 1)
    // Still a supported child: in the 已确认 counts' active set, still visited, and no 终止 while the change is reviewed.
    const seen = (await get(village, `/registrations/${id}`)).json()
    expect(seen.allowedActions.sort()).toEqual(['record_visit', 'return_update', 'verify_update'])
    expect((await t.review(village, id, { action: 'propose_termination', termination: { reason: 'age' } })).statusCode).toBe(409)

    await step(village, id, { action: 'verify_update' }, 'update_township')
    await step(township, id, { action: 'approve_update' }, 'update_county')
    await step(county, id, { action: 'accept_update' }, 'confirmed')
    const now = (await get(guardian, `/registrations/${id}`)).json()
    expect(now.record.parents.father.workPlace).toBe('广东省广州市')
    const items = (await get(village, `/registrations/${id}/history`)).json().items
    const submitted = items.find((e: { action: string }) => e.action === 'submit_update')
    expect(submitted).toMatchObject({ from: 'confirmed', to: 'update_village', actionLabel: '提交变更' })
    expect(submitted.diff).toEqual([{ path: 'parents.father.workPlace', from: '广东省深圳市', to: '广东省广州市' }])
    // The approved copy kept for a return is never shown.
    expect(items.some((e: object) => 'approved' in e)).toBe(false)
    expect(JSON.stringify(items)).not.toContain('陈小明')
    expect(items.map((e: { action: string }) => e.action).slice(-3)).toEqual(['verify_update', 'approve_update', 'accept_update'])
  })

  test.each([
    ['village', 'update_village'],
    ['township', 'update_township'],
    ['county', 'update_county'],
  ])('returned by the %s: 县级已确认 again, the approved record restored, the reason in the history', async (level, at) => {
    const id = await confirmed()
    await answer(guardian, id, { record: changed(), baseVersion: await versionOf(id) })
    if (at !== 'update_village') await step(village, id, { action: 'verify_update' }, 'update_township')
    if (at === 'update_county') await step(township, id, { action: 'approve_update' }, 'update_county')
    const who = { village, township, county }[level as 'village']
    expect((await t.review(who, id, { action: 'return_update' })).statusCode).toBe(400)
    await step(who, id, { action: 'return_update', reason: '务工地点与单位证明不符' }, 'confirmed')
    const own = (await get(guardian, `/registrations/${id}`)).json()
    expect(own.record.parents.father.workPlace).toBe('广东省深圳市')
    expect(own.quarterly).toMatchObject({ answer: 'changed', canChange: true })
    const last = (await get(guardian, `/registrations/${id}/history`)).json().items.at(-1)
    expect(last).toMatchObject({ action: 'return_update', reason: '务工地点与单位证明不符', to: 'confirmed' })
    expect(last.diff).toEqual([{ path: 'parents.father.workPlace', from: '广东省广州市', to: '广东省深圳市' }])
    // The restored record is the approved one, byte for byte: sending it again is "没有变化" (already answered).
    expect((await answer(guardian, id, { record: fixture('left-behind'), baseVersion: own.version })).statusCode).toBe(200)
  })

  test('a move to another village starts a transfer for the receiving worker; nothing of the update is applied', async () => {
    const id = await confirmed()
    const base = await versionOf(id)
    // Only where the family lives changes (the 户口 stays where it was).
    const moved = fixture('left-behind')
    moved.child.residenceRegion = VILLAGE_B
    moved.child.residenceAddress = '左弼村下屋3号'
    const res = await answer(guardian, id, { record: moved, baseVersion: base })
    expect(res.statusCode).toBe(202)
    expect(res.json()).toMatchObject({ answer: 'transfer', transfer: { otherChanges: false } })
    expect(res.json().message).toContain('迁移')
    // The record is as approved (the transfer's start is its one new history event), the quarter still open.
    const own = (await get(guardian, `/registrations/${id}`)).json()
    expect(own).toMatchObject({ status: 'confirmed', version: base + 1, quarterly: { answer: null } })
    expect(own.record.child.residenceRegion).toBe(VILLAGE_A)
    expect(res.json().registration.version).toBe(base + 1)
    // The receiving village's worker has it to accept, started by the guardian; the sending one sees it going out.
    const incoming = (await get(neighbour, '/transfers')).json().incoming
    expect(incoming).toEqual([expect.objectContaining({ registrationId: id, state: 'pending', startedByRole: 'guardian' })])
    expect((await get(village, '/transfers')).json().outgoing.map((x: { registrationId: string }) => x.registrationId)).toEqual([id])
    // Sent again on the version the answer gave: the transfer is already waiting (409, said in words), not started twice.
    const again = await answer(guardian, id, { record: moved, baseVersion: base + 1 })
    expect({ status: again.statusCode, code: again.json().error.code }).toEqual({ status: 409, code: 'transfer_pending' })
    expect(again.json().error.message).toContain('待接收的迁移')
    expect((await get(neighbour, '/transfers')).json().incoming).toHaveLength(1)
  })

  test('a move with other changes: the transfer starts and the answer says the rest waits on the phone', async () => {
    const id = await confirmed()
    const moved = inVillage(changed(), VILLAGE_B)
    const res = await answer(guardian, id, { record: moved, baseVersion: await versionOf(id) })
    expect(res.statusCode).toBe(202)
    expect(res.json().transfer).toMatchObject({ otherChanges: true })
    expect(res.json().message).toContain('其他变化')
  })

  test('refusals: another change under review, a stale version, not yet confirmed, bad bodies, someone else’s record', async () => {
    const id = await confirmed()
    const base = await versionOf(id)
    expect((await answer(guardian, id, { record: changed(), baseVersion: base })).statusCode).toBe(201)
    const other = changed()
    other.parents.father.phone = '13800138009'
    const pending = await answer(guardian, id, { record: other, baseVersion: base + 1 })
    expect({ status: pending.statusCode, error: pending.json().error.code }).toEqual({ status: 409, error: 'update_pending' })

    const fresh = await confirmed()
    const stale = await answer(guardian, fresh, { record: changed(), baseVersion: 1 })
    expect({ status: stale.statusCode, error: stale.json().error.code }).toEqual({ status: 409, error: 'stale_version' })

    const submitted = uuid()
    await t.put(guardian, submitted, fixture('left-behind'))
    const early = await answer(guardian, submitted, { unchanged: true })
    expect({ status: early.statusCode, error: early.json().error.code }).toEqual({ status: 409, error: 'not_active' })

    for (const body of [
      { unchanged: false },
      { unchanged: true, extra: 1 },
      { record: changed() },
      { record: { child: {} }, baseVersion: 1 },
    ]) {
      const res = await answer(guardian, fresh, body)
      expect({ status: res.statusCode, chinese: /[\u4e00-\u9fa5]/.test(res.json().error.message) }).toEqual({ status: 400, chinese: true })
    }
    const stranger = await t.guardian('another-guardian')
    expect((await answer(stranger, fresh, { unchanged: true })).statusCode).toBe(404)
    expect((await answer(village, fresh, { unchanged: true })).statusCode).toBe(403)
  })

  test('workers: the village sees who has not answered, the township and county the completion by village', async () => {
    const q = (token: string, query = '') => get(token, `/review/quarterly${query}`)
    const before = (await q(village)).json()
    const a = await confirmed()
    const b = await confirmed()
    const elsewhere = await confirmed(inVillage(fixture('left-behind'), VILLAGE_B), neighbour)
    await answer(guardian, a, { unchanged: true })
    const mine = (await q(village, '?quarter=2026Q4')).json()
    expect(mine).toMatchObject({ quarter: '2026Q4', first: '2026-10-01', last: '2026-12-31' })
    const ids = mine.pending.map((i: { id: string }) => i.id)
    expect(ids).toContain(b)
    expect(ids).not.toContain(a)
    expect(ids).not.toContain(elsewhere)
    expect(mine.pending[0].child.idNumber).toContain('*')
    expect(mine.due).toBe(before.due + 2)
    expect(mine.answered).toBe(before.answered + 1)

    const town = (await q(township)).json()
    expect(town.pending).toBeUndefined()
    expect(town.villages.map((v: { code: string }) => v.code)).toEqual(expect.arrayContaining([VILLAGE_A, VILLAGE_B]))
    const vb = town.villages.find((v: { code: string }) => v.code === VILLAGE_B)
    expect(vb).toMatchObject({ name: '左弼村委会', due: 1, answered: 0 })
    expect((await q(county)).json().due).toBe(town.due)
    expect((await q(neighbour)).json().pending.map((i: { id: string }) => i.id)).toEqual([elsewhere])

    // The same numbers in the stats, for the overview.
    const stats = (await get(township, '/stats')).json()
    expect(stats.quarterly).toMatchObject({ quarter: '2026Q4', due: town.due, answered: town.answered, changed: town.changed })

    for (const bad of ['2026Q5', '2026-4', 'Q4']) {
      const res = await q(village, `?quarter=${bad}`)
      expect({ status: res.statusCode, message: res.json().error.message }).toEqual({ status: 400, message: '季度的写法不对，例如 2026Q4' })
    }
    expect((await q(village, '?quarter=2027Q1')).json().error.message).toBe('这个季度还没有开始')
    expect((await q(village, '?quarter=2026Q3')).json()).toMatchObject({ quarter: '2026Q3', answered: 0 })
    expect((await q(guardian)).statusCode).toBe(403)
  })

  test('a worker’s 监护缺失 finding on a visit: 困境儿童 for the workers and in the counts; the guardian’s page is unchanged', async () => {
    const id = uuid()
    expect((await t.put(guardian, id, fixture('left-behind'))).statusCode).toBe(201)
    const visit = { date: '2026-12-01', method: 'home', conclusion: 'true', guardianshipAssessment: 'poor', guardianshipFinding: 'missing' }
    await step(village, id, { action: 'record_visit', visit }, 'submitted')
    const seen = (await get(village, `/registrations/${id}`)).json()
    expect(seen.categories).toContain('difficulty')
    const difficulty = seen.classification.findings.find((f: { category: string }) => f.category === 'difficulty')
    expect(difficulty.facts).toContain('工作人员走访确认监护缺失')
    const own = (await get(guardian, `/registrations/${id}`)).json()
    expect(own.classification.findings.map((f: { category: string }) => f.category)).not.toContain('difficulty')
    // An edit by the guardian keeps what the worker found.
    await step(village, id, { action: 'start_review' }, 'village_review')
    await step(village, id, { action: 'return', reason: '请补充电话', fields: ['guardianship.contact.phone'] }, 'returned')
    const edited = fixture('left-behind')
    edited.guardianship.contact.phone = '13711113333'
    expect((await t.put(guardian, id, { record: edited, baseVersion: await versionOf(id) })).statusCode).toBe(200)
    expect((await get(village, `/registrations/${id}`)).json().categories).toContain('difficulty')
  })

  test('the daily re-check still reads a record whose change is under review (the child is still supported)', async () => {
    const id = await confirmed()
    await answer(guardian, id, { record: changed(), baseVersion: await versionOf(id) })
    // The left-behind fixture turns 16 on 2031-03-08.
    await runRecheck(t.app, '2031-03-08')
    const flagged = (await get(village, '/review/rechecks?limit=100')).json().items.find((i: { id: string }) => i.id === id)
    expect(flagged).toMatchObject({ status: 'update_village', recheck: { lost: ['left_behind'] } })
    // …and 终止 waits until the change is decided.
    expect(flagged.allowedActions.sort()).toEqual(['record_visit', 'return_update', 'verify_update'])
  })
})
