/**
 * The review chain through the API: village → township → county, returns at each level, home visits,
 * refusal, role and state checks, and the history and audit rows every step leaves.
 */
import { BACKENDS, COUNTY, TOWNSHIP, VILLAGE_A, fixture, startApp, uuid, type TestApp } from './helpers'

const visit = {
  date: '2026-11-01',
  method: 'home',
  conclusion: 'true',
  guardianshipAssessment: 'fair',
  notes: '祖母身体尚可，孩子按时上学',
}

describe.each(BACKENDS)('review (%s)', (backend) => {
  let t: TestApp
  let guardian: string
  let village: string
  let township: string
  let county: string
  beforeAll(async () => {
    t = await startApp(backend)
    guardian = await t.guardian()
    village = await t.worker('village_worker', VILLAGE_A, 'maoping')
    township = await t.worker('township_supervisor', TOWNSHIP)
    county = await t.worker('county_admin', COUNTY)
  })
  afterAll(() => t.close())

  const submitted = async (name = 'left-behind') => {
    const id = uuid()
    expect((await t.put(guardian, id, fixture(name))).statusCode).toBe(201)
    return id
  }
  const queue = async (token: string, query = '') => (await t.req('GET', `/api/v1/review/queue${query}`, { token })).json()

  test('the whole chain to 县级已确认, each queue showing what waits for it', async () => {
    const id = await submitted()
    expect((await queue(village)).items.map((i: any) => i.id)).toContain(id)
    expect((await queue(township)).items.map((i: any) => i.id)).not.toContain(id)

    const started = await t.review(village, id, { action: 'start_review', visit })
    expect(started.statusCode).toBe(200)
    expect(started.json()).toMatchObject({
      id,
      status: 'village_review',
      version: 2,
      allowedActions: expect.arrayContaining(['verify', 'return']),
    })
    expect((await t.review(village, id, { action: 'verify', version: 2 })).json()).toMatchObject({ status: 'verified', version: 3 })
    expect((await queue(village)).items.map((i: any) => i.id)).not.toContain(id)
    expect((await queue(township)).items.map((i: any) => i.id)).toContain(id)
    expect((await t.review(township, id, { action: 'approve' })).json().status).toBe('township_approved')
    expect((await queue(county)).items.map((i: any) => i.id)).toContain(id)
    expect((await t.review(county, id, { action: 'confirm' })).json()).toMatchObject({
      status: 'confirmed',
      version: 5,
      allowedActions: [],
    })

    const history = (await t.req('GET', `/api/v1/registrations/${id}/history`, { token: county })).json().items
    expect(history.map((e: any) => e.action)).toEqual(['submit', 'start_review', 'verify', 'approve', 'confirm'])
    expect(history[1]).toMatchObject({ visit, actor: { role: 'village_worker', name: 'maoping' } })
    // The family does not see the worker's assessment of them.
    const own = (await t.req('GET', `/api/v1/registrations/${id}/history`, { token: guardian })).json().items
    expect(own[1].visit).toBeUndefined()
    expect(own[1].actor.name).toBeNull()

    const audits = await t.app.db
      .selectFrom('audit_log')
      .select(['action', 'detail'])
      .where('target_id', '=', id)
      .where('action', '=', 'review')
      .execute()
    expect(audits.map((a) => JSON.parse(a.detail!).action)).toEqual(['start_review', 'verify', 'approve', 'confirm'])
  })

  test('return needs a reason and the fields; refuse needs a written reason (400, nothing changes)', async () => {
    const id = await submitted()
    const noReason = await t.review(village, id, { action: 'return', fields: ['child.name'] })
    expect(noReason.statusCode).toBe(400)
    expect(noReason.json().error.issues).toEqual([expect.objectContaining({ path: ['reason'] })])
    const noFields = await t.review(village, id, { action: 'return', reason: '请核对孩子姓名' })
    expect(noFields.json().error.issues).toEqual([expect.objectContaining({ path: ['fields'], message: '退回时请指出需要修改的内容' })])
    const unknownField = await t.review(village, id, { action: 'return', reason: '请核对孩子姓名', fields: ['child.nickname'] })
    expect(unknownField.statusCode).toBe(400)
    expect(unknownField.json().error.issues[0].message).toBe('退回的字段不存在')
    const row = await t.app.db.selectFrom('registrations').select(['status', 'version']).where('id', '=', id).executeTakeFirstOrThrow()
    expect(row).toEqual({ status: 'submitted', version: 1 })

    await t.review(village, id, { action: 'start_review' })
    await t.review(village, id, { action: 'verify' })
    await t.review(township, id, { action: 'approve' })
    expect((await t.review(county, id, { action: 'refuse' })).statusCode).toBe(400)
    const refused = await t.review(county, id, { action: 'refuse', reason: '父母一方在家照料，不符合留守儿童条件' })
    expect(refused.json().status).toBe('rejected')
  })

  test('the wrong role → 403, the wrong state → 409, a stale version → 409; nothing changes', async () => {
    const id = await submitted()
    const early = await t.review(township, id, { action: 'approve' })
    expect(early.statusCode).toBe(409)
    expect(early.json().error).toMatchObject({ code: 'invalid_transition', current: { status: 'submitted' } })
    expect((await t.review(township, id, { action: 'verify' })).statusCode).toBe(403)
    expect((await t.review(village, id, { action: 'confirm' })).statusCode).toBe(403)
    expect((await t.review(village, id, { action: 'verify' })).statusCode).toBe(409)
    expect((await t.review(village, id, { action: 'start_review', version: 7 })).json().error.code).toBe('stale_version')
    expect((await t.review(village, id, { action: 'submit' })).statusCode).toBe(400)
    expect((await t.review(village, id, { action: 'withdraw' })).statusCode).toBe(400)
    const row = await t.app.db.selectFrom('registrations').select(['status', 'version']).where('id', '=', id).executeTakeFirstOrThrow()
    expect(row).toEqual({ status: 'submitted', version: 1 })
  })

  test('a home visit can be recorded on its own; it keeps the status and shows in the roster', async () => {
    const id = await submitted('disability')
    expect((await t.review(village, id, { action: 'record_visit' })).statusCode).toBe(400)
    const res = await t.review(village, id, {
      action: 'record_visit',
      visit: { ...visit, guardianshipAssessment: 'poor', method: 'phone' },
    })
    expect(res.json()).toMatchObject({ status: 'submitted', version: 2 })
    const history = (await t.req('GET', `/api/v1/registrations/${id}/history`, { token: village })).json().items
    expect(history[1]).toMatchObject({ action: 'record_visit', from: 'submitted', to: 'submitted', visit: { method: 'phone' } })
  })

  test('returned at the township level: the guardian sees why and which fields, fixes, and it starts again', async () => {
    const rec = fixture('left-behind')
    const id2 = uuid()
    await t.put(guardian, id2, rec)
    await t.review(village, id2, { action: 'start_review' })
    await t.review(village, id2, { action: 'verify' })
    const ret = await t.review(township, id2, { action: 'return', reason: '照护人电话无法接通', fields: ['guardianship.carer.phone'] })
    expect(ret.json().status).toBe('returned')
    const seen = (await t.req('GET', `/api/v1/registrations/${id2}`, { token: guardian })).json()
    expect(seen.returned).toMatchObject({
      reason: '照护人电话无法接通',
      fields: ['guardianship.carer.phone'],
      byRole: 'township_supervisor',
    })
    expect(seen.allowedActions).toEqual(['submit', 'withdraw'])
    rec.guardianship.carer.phone = '13711113333'
    rec.guardianship.contact.phone = '13711113333'
    const fixed = await t.put(guardian, id2, { record: rec, baseVersion: seen.version })
    expect(fixed.json()).toMatchObject({ status: 'submitted', returned: null })
    expect((await queue(village)).items.map((i: any) => i.id)).toContain(id2)
  })

  test('queue filters: status, category, exact name or ID number, cursor pages newest first', async () => {
    const ids: string[] = []
    for (let i = 0; i < 5; i++) ids.push(await submitted(i % 2 ? 'disability' : 'left-behind'))
    const all = await queue(village, '?status=all&limit=100')
    const page1 = await queue(village, '?status=all&limit=3')
    expect(page1.items).toHaveLength(3)
    expect(page1.total).toBe(all.items.length)
    const seen = [...page1.items]
    let cursor = page1.nextCursor
    while (cursor) {
      const next = await queue(village, `?status=all&limit=3&cursor=${cursor}`)
      expect(next.total).toBeUndefined()
      seen.push(...next.items)
      cursor = next.nextCursor
    }
    expect(seen.map((i: any) => i.id)).toEqual(all.items.map((i: any) => i.id))
    const times = seen.map((i: any) => i.updatedAt)
    expect([...times].sort().reverse()).toEqual(times)

    const byName = await queue(village, `?status=all&q=${encodeURIComponent(' 刘小军 ')}`)
    // The filters find the registrations just submitted (an empty answer would pass the `every` checks).
    const disability = [ids[1], ids[3]]
    const leftBehind = [ids[0], ids[2], ids[4]]
    expect(byName.items.map((i: any) => i.id)).toEqual(expect.arrayContaining(disability))
    expect(byName.items.every((i: any) => i.child.name === '刘*军')).toBe(true)
    const byId = await queue(village, '?status=all&q=441422201503081230')
    expect(byId.items.map((i: any) => i.id)).toEqual(expect.arrayContaining(leftBehind))
    expect(byId.items.every((i: any) => i.child.idNumber === '4414**********1230')).toBe(true)
    expect((await queue(village, '?status=all&q=刘')).items).toEqual([])
    const difficulty = await queue(village, '?status=all&category=difficulty')
    expect(difficulty.items.map((i: any) => i.id)).toEqual(expect.arrayContaining(disability))
    expect(difficulty.items.every((i: any) => i.categories.includes('difficulty'))).toBe(true)
    expect((await t.req('GET', '/api/v1/review/queue?cursor=bm9wZQ', { token: village })).statusCode).toBe(400)
    expect((await t.req('GET', '/api/v1/review/queue?status=bogus', { token: village })).statusCode).toBe(400)
  })
})
