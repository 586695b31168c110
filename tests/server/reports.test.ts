/**
 * Reports of a child at risk (docs/lifecycle.md, "Reports of a child at risk"), on both databases: a report is
 * created once whatever the resends, reaches the workers of its village's region (not a neighbour village's),
 * shows the reporter only a receipt, runs a 24-hour first-contact clock that the first action stops, closes
 * with words, is sealed at rest and leaves an audit row for every worker's read and action.
 */
import { setClock } from '../../server/src/clock'
import { BACKENDS, COUNTY, TOWNSHIP, VILLAGE_A, VILLAGE_B, startApp, uuid, type TestApp } from './helpers'

let clock = Date.parse('2026-12-01T02:00:00Z')
const hours = (n: number) => (clock += n * 3600_000)

export const aReport = (over: Record<string, unknown> = {}) => ({
  id: uuid(),
  villageCode: VILLAGE_A,
  concern: 'unattended',
  seen: '两个孩子一连几天晚上独自在家，没有大人，小的那个在哭',
  reporter: 'neighbour',
  phone: '13800138000',
  ...over,
})

describe.each(BACKENDS)('reports of a child at risk (%s)', (backend) => {
  let t: TestApp
  let tokens: Record<string, string>
  let n = 0
  const login = async () => {
    n += 1
    tokens = {
      ...tokens,
      village: await t.worker('village_worker', VILLAGE_A, `v${n}`),
      neighbour: await t.worker('village_worker', VILLAGE_B, `nb${n}`),
      township: await t.worker('township_supervisor', TOWNSHIP, `t${n}`),
      county: await t.worker('county_admin', COUNTY, `c${n}`),
    }
  }
  beforeAll(async () => {
    clock = Date.parse('2026-12-01T02:00:00Z')
    setClock(() => clock)
    t = await startApp(backend)
    tokens = { guardian: await t.guardian(), other: await t.guardian() }
    await login()
  })
  afterAll(async () => {
    setClock()
    await t.close()
  })

  const send = (token: string, body: unknown) => t.req('POST', '/api/v1/reports', { token, body })
  const list = async (who: string) => (await t.req('GET', '/api/v1/reports', { token: tokens[who] })).json().items
  const act = (who: string, id: string, body: unknown) => t.req('POST', `/api/v1/reports/${id}/actions`, { token: tokens[who], body })

  test('created once: a resend answers the same receipt, other content or another account is refused', async () => {
    const body = aReport()
    const first = await send(tokens.guardian, body)
    expect(first.statusCode).toBe(201)
    const receipt = first.json()
    expect(receipt).toEqual({
      id: body.id,
      number: expect.stringMatching(/^BG20261201-[0-9A-F]{6}$/),
      createdAt: expect.any(String),
      status: 'open',
      statusLabel: '处理中',
    })
    const again = await send(tokens.guardian, body)
    expect(again.statusCode).toBe(200)
    expect(again.json()).toEqual(receipt)
    expect((await send(tokens.guardian, { ...body, seen: '别的内容，另外一件事情' })).statusCode).toBe(409)
    expect((await send(tokens.other, body)).json().error.code).toBe('id_taken')
    const rows = await t.app.db.selectFrom('reports').selectAll().where('id', '=', body.id).execute()
    expect(rows).toHaveLength(1)
    // Sealed at rest: neither what was seen nor the phone is readable in the row.
    expect(rows[0]!.payload).not.toContain('孩子')
    expect(rows[0]!.payload).not.toContain('13800138000')
  })

  test('the reporter sees receipts only; the region sees the report urgent with its clock; a neighbour village does not', async () => {
    const body = aReport({ concern: 'harm' })
    await send(tokens.guardian, body)
    hours(0.5)
    const mine = (await t.req('GET', '/api/v1/reports/mine', { token: tokens.guardian })).json().items
    const receipt = mine.find((r: { id: string }) => r.id === body.id)
    expect(Object.keys(receipt).sort()).toEqual(['createdAt', 'id', 'number', 'status', 'statusLabel'])
    expect(JSON.stringify(mine)).not.toContain('哭')
    // Someone else's receipts are not in one's own list; the worker endpoints are closed to a guardian.
    expect((await t.req('GET', '/api/v1/reports/mine', { token: tokens.other })).json().items).toEqual([])
    expect((await t.req('GET', `/api/v1/reports/${body.id}`, { token: tokens.guardian })).statusCode).toBe(403)
    expect((await t.req('GET', '/api/v1/reports', { token: tokens.guardian })).statusCode).toBe(403)

    for (const who of ['village', 'township', 'county']) {
      const item = (await list(who)).find((r: { id: string }) => r.id === body.id)
      expect(item).toMatchObject({ urgent: true, overdue: false, hoursLeft: 23, concernLabel: '疑似遭受侵害', villageName: '茅坪村委会' })
      const detail = await t.req('GET', `/api/v1/reports/${body.id}`, { token: tokens[who] })
      expect(detail.statusCode).toBe(200)
      expect(detail.json()).toMatchObject({ seen: body.seen, phone: '13800138000', reporterLabel: '邻居/亲友', actions: [] })
    }
    expect((await list('neighbour')).some((r: { id: string }) => r.id === body.id)).toBe(false)
    expect((await t.req('GET', `/api/v1/reports/${body.id}`, { token: tokens.neighbour })).statusCode).toBe(404)
    expect((await act('neighbour', body.id, { action: 'contact' })).statusCode).toBe(404)
  })

  test('the 24-hour clock: overdue past due without a contact; the first action stops it; closing needs words', async () => {
    const late = aReport()
    const onTime = aReport()
    await send(tokens.guardian, late)
    await send(tokens.guardian, onTime)
    hours(2)
    expect((await act('village', onTime.id, { action: 'contact', note: '已电话联系孩子奶奶' })).statusCode).toBe(200)
    hours(23)
    await login() // worker tokens last 12 hours
    const items = await list('village')
    const lateItem = items.find((r: { id: string }) => r.id === late.id)
    const onTimeItem = items.find((r: { id: string }) => r.id === onTime.id)
    expect(lateItem).toMatchObject({ urgent: true, overdue: true, hoursLeft: -1 })
    expect(onTimeItem).toMatchObject({ urgent: false, overdue: false, hoursLeft: null })
    // Urgent (clock running) before those already contacted.
    expect(items.findIndex((r: { id: string }) => r.id === late.id)).toBeLessThan(
      items.findIndex((r: { id: string }) => r.id === onTime.id),
    )
    const stats = (await t.req('GET', `/api/v1/stats?region=${TOWNSHIP}`, { token: tokens.township })).json()
    expect(stats.reports.byVillage.find((v: { code: string }) => v.code === VILLAGE_A)).toMatchObject({ overdue: expect.any(Number) })
    expect(stats.reports.overdue).toBeGreaterThanOrEqual(1)

    const visit = await act('village', late.id, { action: 'home_visit', note: '入户看到两个孩子，已联系外出务工的父亲', requestId: uuid() })
    expect(visit.json()).toMatchObject({ urgent: false, overdue: true, firstActionAt: expect.any(String) })
    hours(1)
    const short = await act('township', late.id, { action: 'close', note: '好' })
    expect(short.statusCode).toBe(400)
    expect(short.json().error.issues[0]).toMatchObject({ path: ['note'], message: expect.stringContaining('关闭时请写明处理结果') })
    const closed = await act('township', late.id, { action: 'close', note: '父亲已返乡照料，不需要进一步处理' })
    expect(closed.json()).toMatchObject({ status: 'closed', statusLabel: '已处理' })
    expect(closed.json().actions.map((a: { actionLabel: string }) => a.actionLabel)).toEqual(['入户', '关闭'])
    expect((await act('village', late.id, { action: 'contact' })).statusCode).toBe(409)
    const receipt = (await t.req('GET', '/api/v1/reports/mine', { token: tokens.guardian }))
      .json()
      .items.find((r: { id: string }) => r.id === late.id)
    expect(receipt).toMatchObject({ status: 'closed', statusLabel: '已处理' })
  })

  test('a resent action is recorded once; 纳入登记 keeps the draft id; words are sealed; reads and actions audited', async () => {
    const body = aReport()
    await send(tokens.guardian, body)
    const requestId = uuid()
    const registrationId = uuid()
    const action = { action: 'register', note: '符合留守儿童情形，已开始登记', requestId, registrationId }
    expect((await act('village', body.id, action)).statusCode).toBe(200)
    const again = await act('village', body.id, action)
    expect(again.json().actions).toEqual([
      expect.objectContaining({ action: 'register', registrationId, note: action.note, roleLabel: '村(居)儿童主任' }),
    ])
    const stored = await t.app.db.selectFrom('report_actions').selectAll().where('report_id', '=', body.id).execute()
    expect(stored).toHaveLength(1)
    expect(stored[0]!.detail).not.toContain('留守')
    expect((await act('village', body.id, { action: 'contact', registrationId })).statusCode).toBe(400)
    await t.req('GET', `/api/v1/reports/${body.id}`, { token: tokens.village })
    const audit = await t.app.db
      .selectFrom('audit_log')
      .select(['action', 'detail'])
      .where('target_id', '=', body.id)
      .orderBy('at')
      .execute()
    expect(audit.map((a) => a.action)).toEqual(['report_create', 'report_action', 'report_view'])
    expect(JSON.stringify(audit)).not.toContain('留守')
  })
})

describe.each(BACKENDS)('report limits and bad input (%s)', (backend) => {
  let t: TestApp
  beforeAll(async () => {
    t = await startApp(backend, { reportsPerHour: 2, reportsPerVillagePerHour: 3 })
  })
  afterAll(() => t.close())

  test('per account and per village: 429 with the time to wait; a resend does not count', async () => {
    const me = await t.guardian()
    const first = aReport()
    expect((await t.req('POST', '/api/v1/reports', { token: me, body: first })).statusCode).toBe(201)
    expect((await t.req('POST', '/api/v1/reports', { token: me, body: first })).statusCode).toBe(200)
    expect((await t.req('POST', '/api/v1/reports', { token: me, body: aReport() })).statusCode).toBe(201)
    const over = await t.req('POST', '/api/v1/reports', { token: me, body: aReport() })
    expect(over.statusCode).toBe(429)
    expect(over.headers['retry-after']).toBeDefined()
    expect(over.json().error.message).toContain('110')
    const someoneElse = await t.guardian()
    expect((await t.req('POST', '/api/v1/reports', { token: someoneElse, body: aReport() })).statusCode).toBe(201)
    const villageFull = await t.req('POST', '/api/v1/reports', { token: someoneElse, body: aReport() })
    expect(villageFull.statusCode).toBe(429)
    expect(villageFull.json().error.message).toContain('这个村（社区）')
    // Another village is not held up by the full one.
    expect(
      (await t.req('POST', '/api/v1/reports', { token: await t.guardian(), body: aReport({ villageCode: VILLAGE_B }) })).statusCode,
    ).toBe(201)
  })

  test('bad input: a clear Chinese reason beside the field', async () => {
    const me = await t.guardian()
    const post = (body: unknown) => t.req('POST', '/api/v1/reports', { token: me, body })
    const issues = async (body: unknown) => {
      const res = await post(body)
      expect(res.statusCode).toBe(400)
      return res.json().error.issues
    }
    expect(await issues(aReport({ villageCode: '441422101999' }))).toEqual([
      { path: ['villageCode'], message: '这个村（社区）不存在，请重新选择' },
    ])
    expect(await issues(aReport({ seen: '字'.repeat(1001) }))).toEqual([{ path: ['seen'], message: '看到的情况不能超过1000个字' }])
    expect(await issues(aReport({ concern: 'nothing' }))).toEqual([{ path: ['concern'], message: '请选择担心的情况' }])
    expect(await issues(aReport({ phone: '123' }))).toEqual([
      { path: ['phone'], message: expect.stringContaining('联系电话应为11位手机号码') },
    ])
    expect((await t.req('POST', '/api/v1/reports', { body: aReport() })).statusCode).toBe(401)
  })
})
