/**
 * 终止/减员 through the API (docs/lifecycle.md): the village proposes with a reason from the list, the
 * township agrees, the county decides; a proposal returned at either level goes back to 县级已确认 with the
 * reason. Every step is in the history and the audit log; the ended record leaves the working lists but
 * stays readable; the guardian sees 已终止, the reason and the month support stops, never the worker's words.
 */
import { setClock } from '../../server/src/clock'
import { BACKENDS, COUNTY, TOWNSHIP, VILLAGE_A, fixture, startApp, uuid, type TestApp } from './helpers'

describe.each(BACKENDS)('termination (%s)', (backend) => {
  let t: TestApp
  let guardian: string
  let village: string
  let township: string
  let county: string
  // The whole file on 15 December 2026 in China: a decision today stops support from January 2027.
  const at = Date.parse('2026-12-15T02:00:00Z')
  beforeAll(async () => {
    setClock(() => at)
    t = await startApp(backend)
    guardian = await t.guardian()
    village = await t.worker('village_worker', VILLAGE_A, 'maoping')
    township = await t.worker('township_supervisor', TOWNSHIP, 'chayang')
    county = await t.worker('county_admin', COUNTY, 'dabu')
  })
  afterAll(async () => {
    setClock()
    await t.close()
  })

  const step = (token: string, id: string, body: object, status?: string) => t.step(token, id, body, status)
  const confirmed = async () => {
    const id = uuid()
    expect((await t.put(guardian, id, fixture('left-behind'))).statusCode).toBe(201)
    await step(village, id, { action: 'start_review' }, 'village_review')
    await step(village, id, { action: 'verify' }, 'verified')
    await step(township, id, { action: 'approve' }, 'township_approved')
    await step(county, id, { action: 'confirm' }, 'confirmed')
    return id
  }
  const get = (token: string, path: string) => t.req('GET', `/api/v1${path}`, { token })
  const queueIds = async (token: string, query = '') =>
    (await get(token, `/review/queue${query}`)).json().items.map((i: { id: string }) => i.id) as string[]
  const propose = { action: 'propose_termination', termination: { reason: 'guardianship_restored', note: '父亲10月返乡，在家照料' } }

  test('village proposes, township agrees, county decides: 已终止 from the next month, in history and audit', async () => {
    const id = await confirmed()
    {
      const proposed = await step(village, id, propose, 'termination_proposed')
      // The monthly visit goes on while the proposal is under way (docs/lifecycle.md).
      expect(proposed.allowedActions).toEqual(['record_visit'])
      expect(await queueIds(township)).toContain(id)
      expect(await queueIds(county)).not.toContain(id)
      const seen = (await get(township, `/registrations/${id}`)).json()
      expect(seen.termination).toMatchObject({
        reason: 'guardianship_restored',
        reasonLabel: '父母返回/监护恢复',
        note: '父亲10月返乡，在家照料',
      })
      expect(seen.termination.decidedAt).toBeNull()
      expect(seen.allowedActions.sort()).toEqual(['agree_termination', 'return_termination'])
      // While it is on its way up, the guardian sees that it is, and why — without the worker's words.
      const own = (await get(guardian, `/registrations/${id}`)).json()
      expect(own).toMatchObject({
        statusLabel: '终止待乡镇审核',
        termination: { reasonLabel: '父母返回/监护恢复', supportStopsFrom: null },
      })
      expect(own.termination.note).toBeUndefined()

      await step(township, id, { action: 'agree_termination' }, 'termination_agreed')
      expect(await queueIds(township)).not.toContain(id)
      expect(await queueIds(county)).toContain(id)
      const ended = await step(county, id, { action: 'terminate' }, 'terminated')
      expect(ended).toMatchObject({ statusLabel: '已终止', allowedActions: [] })
    }

    // Out of every working list, and of 'all'; on its own filter, and readable at every level above.
    for (const token of [village, township, county]) {
      expect(await queueIds(token)).not.toContain(id)
      expect(await queueIds(token, '?status=all&limit=100')).not.toContain(id)
      expect(await queueIds(token, '?status=terminated')).toContain(id)
      const view = (await get(token, `/registrations/${id}`)).json()
      expect(view).toMatchObject({ status: 'terminated', termination: { reason: 'guardianship_restored', supportStopsFrom: '2027-01' } })
    }

    // The guardian: 已终止 in words, the reason and the month, not the worker's note.
    const own = (await get(guardian, `/registrations/${id}`)).json()
    expect(own).toMatchObject({ status: 'terminated', statusLabel: '已终止' })
    expect(own.termination).toMatchObject({
      reasonLabel: '父母返回/监护恢复',
      supportStopsFrom: '2027-01',
      decidedAt: '2026-12-15T02:00:00.000Z',
    })
    expect(own.termination.note).toBeUndefined()
    const mine = (await get(guardian, '/registrations')).json().items.find((i: { id: string }) => i.id === id)
    expect(mine).toMatchObject({ statusLabel: '已终止', termination: { supportStopsFrom: '2027-01' } })
    expect(JSON.stringify(mine)).not.toContain('父亲10月返乡')

    const history = (await get(county, `/registrations/${id}/history`)).json().items
    expect(history.slice(-3).map((e: any) => [e.action, e.from, e.to, e.actor.name])).toEqual([
      ['propose_termination', 'confirmed', 'termination_proposed', 'maoping'],
      ['agree_termination', 'termination_proposed', 'termination_agreed', 'chayang'],
      ['terminate', 'termination_agreed', 'terminated', 'dabu'],
    ])
    expect(history.at(-3).termination).toEqual({
      reason: 'guardianship_restored',
      reasonLabel: '父母返回/监护恢复',
      note: '父亲10月返乡，在家照料',
    })
    expect(history.at(-1).termination).toEqual({ supportStopsFrom: '2027-01' })
    const ownHistory = (await get(guardian, `/registrations/${id}/history`)).json().items
    expect(ownHistory.at(-3).termination).toEqual({ reason: 'guardianship_restored', reasonLabel: '父母返回/监护恢复' })

    const audits = await t.app.db
      .selectFrom('audit_log')
      .select(['actor_role', 'detail'])
      .where('target_id', '=', id)
      .where('action', '=', 'review')
      .orderBy('at')
      .execute()
    expect(audits.slice(-3).map((a) => [a.actor_role, JSON.parse(a.detail!).action])).toEqual([
      ['village_worker', 'propose_termination'],
      ['township_supervisor', 'agree_termination'],
      ['county_admin', 'terminate'],
    ])
    expect(JSON.parse(audits.at(-3)!.detail!).terminationReason).toBe('guardianship_restored')
    expect(audits.map((a) => a.detail).join()).not.toContain('返乡')

    // Final: no one moves it again.
    for (const [token, action] of [
      [village, 'propose_termination'],
      [township, 'return_termination'],
      [county, 'return_termination'],
    ] as const) {
      const res = await t.review(token, id, action === 'propose_termination' ? propose : { action, reason: '再看看' })
      expect(res.statusCode).toBe(409)
      expect(res.json().error.message).toContain('已终止')
    }
  })

  test('a proposal returned by the township, or by the county, goes back to 县级已确认 with the reason', async () => {
    const id = await confirmed()
    await step(village, id, { action: 'propose_termination', termination: { reason: 'age' } }, 'termination_proposed')
    const noReason = await t.review(township, id, { action: 'return_termination' })
    expect(noReason.statusCode).toBe(400)
    expect(noReason.json().error.issues[0].message).toContain('退回终止申请时请写明原因')
    await step(township, id, { action: 'return_termination', reason: '孩子还差两个月满16周岁' }, 'confirmed')
    expect((await get(village, `/registrations/${id}`)).json()).toMatchObject({
      termination: null,
      allowedActions: ['record_visit', 'propose_termination'],
    })

    await step(village, id, { action: 'propose_termination', termination: { reason: 'other', note: '由亲属收养' } }, 'termination_proposed')
    await step(township, id, { action: 'agree_termination' }, 'termination_agreed')
    await step(county, id, { action: 'return_termination', reason: '收养手续尚未办完' }, 'confirmed')

    const history = (await get(village, `/registrations/${id}/history`)).json().items
    expect(history.filter((e: any) => e.action === 'return_termination').map((e: any) => [e.actor.role, e.reason, e.to])).toEqual([
      ['township_supervisor', '孩子还差两个月满16周岁', 'confirmed'],
      ['county_admin', '收养手续尚未办完', 'confirmed'],
    ])
  })

  test('each level only its own step; other roles are refused (403), wrong states 409, bodies checked (400)', async () => {
    const id = await confirmed()
    expect((await t.review(township, id, propose)).statusCode).toBe(403)
    expect((await t.review(county, id, propose)).statusCode).toBe(403)
    expect((await t.review(village, id, { action: 'terminate' })).statusCode).toBe(403)
    expect((await t.review(county, id, { action: 'agree_termination' })).statusCode).toBe(403)
    // The county cannot skip the township.
    expect((await t.review(county, id, { action: 'terminate' })).statusCode).toBe(409)
    expect((await t.review(village, id, { action: 'propose_termination' })).statusCode).toBe(400)
    expect((await t.review(village, id, { action: 'propose_termination', termination: { reason: 'other' } })).statusCode).toBe(400)
    expect((await get(village, `/registrations/${id}`)).json().status).toBe('confirmed')
    // Only a confirmed record can be proposed for termination.
    const fresh = uuid()
    await t.put(guardian, fresh, fixture('left-behind'))
    expect((await t.review(village, fresh, propose)).statusCode).toBe(409)
  })
})
