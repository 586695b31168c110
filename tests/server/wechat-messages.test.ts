/**
 * Status messages against the fake WeChat: a return with a credit sends exactly one message to the right
 * openid and page; without a credit none; the access token is fetched once for many sends and refreshed
 * once on 40001; a WeChat outage delays messages, loses none and never fails the review; each refusal is
 * recorded; the words hold no ID number or full name.
 */
import { setClock, today } from '../../server/src/clock'
import { supportStopsFrom } from '../../src/domain/lifecycle'
import { messagesOf } from '../../server/src/db/wechat'
import { startFakeWechat, type FakeWechat } from '../../server/src/wechat-fake/fake'
import { BACKENDS, COUNTY, TOWNSHIP, VILLAGE_A, fixture, startApp, uuid, type TestApp } from './helpers'

const TEMPLATE = 'tmpl-status-test'
const METRICS_TOKEN = 'metrics-token-for-the-test'

describe.each(BACKENDS)('WeChat status messages (%s)', (backend) => {
  let fake: FakeWechat
  let t: TestApp
  let village: string
  let township: string
  let county: string
  let n = 0
  beforeAll(async () => {
    fake = await startFakeWechat()
    t = await startApp(backend, {
      wechat: {
        appid: fake.appid,
        secret: fake.secret,
        apiBase: fake.url,
        templateStatus: TEMPLATE,
        miniprogramState: 'formal',
        sendIntervalMs: 0,
      },
    })
    village = await t.worker('village_worker', VILLAGE_A)
    township = await t.worker('township_supervisor', TOWNSHIP)
    county = await t.worker('county_admin', COUNTY)
  })
  afterAll(async () => {
    setClock()
    await t.close()
    await fake.close()
  })

  /** A guardian (a WeChat user of the fake) with one submitted registration; `credits` subscriptions accepted. */
  async function submitted(credits: number) {
    const openid = `grandma-${++n}-${backend}`
    const login = await t.req('POST', '/api/v1/auth/wx-login', { body: { code: `openid:${openid}:1` } })
    // The sign-in names the template the app may ask the guardian to accept.
    expect(login.json().subscribeTemplates).toEqual([TEMPLATE])
    const token = login.json().token as string
    const id = uuid()
    expect((await t.put(token, id, fixture())).statusCode).toBe(201)
    if (credits) {
      const res = await t.req('POST', '/api/v1/me/subscriptions', { token, body: { accepted: Array(credits).fill(TEMPLATE) } })
      expect(res.json()).toEqual({ credits })
    }
    return { openid, token, id }
  }
  const sent = (openid: string) => fake.messages.filter((m) => m.touser === openid)

  test('a return with a credit: exactly one message, to that guardian, opening that registration; the credit is used', async () => {
    const g = await submitted(1)
    const res = await t.review(village, g.id, {
      action: 'return',
      reason: '请补充陈小明的身份证号441422201503081230',
      fields: ['child.name'],
    })
    expect(res.statusCode).toBe(200)
    expect(await t.app.wechat!.runSender()).toMatchObject({ sent: 1 })
    expect(await t.app.wechat!.runSender()).toMatchObject({ sent: 0 })
    const got = sent(g.openid)
    expect(got).toHaveLength(1)
    expect(got[0]).toMatchObject({ template_id: TEMPLATE, page: `register/record/index?id=${g.id}`, miniprogram_state: 'formal' })
    expect(got[0].data.phrase2.value).toBe('已退回')
    expect(got[0].data.thing1.value).toBe('陈*明的登记')
    expect(Array.from(got[0].data.thing3.value).length).toBeLessThanOrEqual(20)
    const words = JSON.stringify(got[0].data)
    expect(words).not.toContain('陈小明')
    expect(words).not.toMatch(/\d{6}/)
    const [row] = await messagesOf(t.app.db, g.id)
    expect(row).toMatchObject({ state: 'sent', last_error: null })
    expect((await t.req('POST', '/api/v1/me/subscriptions', { token: g.token, body: { accepted: [] } })).json()).toEqual({ credits: 0 })
  })

  test('without a credit nothing is sent, and the queue says so', async () => {
    const g = await submitted(0)
    expect((await t.review(village, g.id, { action: 'return', reason: '照片看不清', fields: ['child.name'] })).statusCode).toBe(200)
    expect(await t.app.wechat!.runSender()).toMatchObject({ sent: 0, no_credit: 1 })
    expect(sent(g.openid)).toHaveLength(0)
    expect((await messagesOf(t.app.db, g.id)).map((m) => m.state)).toEqual(['no_credit'])
  })

  test('every level of approval is told, with one credit each; start_review is not', async () => {
    const g = await submitted(2)
    expect((await t.review(village, g.id, { action: 'start_review' })).statusCode).toBe(200)
    expect((await t.review(village, g.id, { action: 'verify' })).statusCode).toBe(200)
    expect((await t.review(township, g.id, { action: 'approve' })).statusCode).toBe(200)
    await t.app.wechat!.runSender()
    expect(sent(g.openid).map((m) => m.data.phrase2.value)).toEqual(['村级已核实', '乡镇已审核'])
  })

  /** Confirmed, then ended for `reason` at the three levels. */
  async function terminated(reason: string, credits: number) {
    const g = await submitted(credits)
    for (const [token, body] of [
      [village, { action: 'start_review' }],
      [village, { action: 'verify' }],
      [township, { action: 'approve' }],
      [county, { action: 'confirm' }],
      [village, { action: 'propose_termination', termination: { reason, note: '情况已核实' } }],
      [township, { action: 'agree_termination' }],
      [county, { action: 'terminate' }],
    ] as const) {
      expect((await t.review(token, g.id, body)).statusCode).toBe(200)
    }
    await t.app.wechat!.runSender()
    return g
  }

  test('已终止 is told in plain words: why, and the month support stops; the words of the proposal are not sent', async () => {
    const g = await terminated('age', 4)
    const got = sent(g.openid)
    expect(got.map((m) => m.data.phrase2.value)).toEqual(['村级已核实', '乡镇已审核', '县级已确认', '已终止'])
    const [y, m] = supportStopsFrom(today()).split('-').map(Number)
    expect(got[3].data.thing3.value).toBe(`已到年龄，${y}年${m}月起停止保障`)
    expect(Array.from(got[3].data.thing3.value).length).toBeLessThanOrEqual(20)
    expect(JSON.stringify(got[3].data)).not.toContain('情况已核实')
  })

  test('no message for 已终止 when the reason is 死亡', async () => {
    const g = await terminated('death', 4)
    expect(sent(g.openid).map((m) => m.data.phrase2.value)).toEqual(['村级已核实', '乡镇已审核', '县级已确认'])
    const rows = await messagesOf(t.app.db, g.id)
    expect(rows).toHaveLength(3)
  })

  test('the token is fetched once for many sends (and for many concurrent askers)', async () => {
    await t.app.sharedState.delete('wechat:access-token')
    const before = fake.calls.stable_token ?? 0
    const tokens = await Promise.all(Array.from({ length: 10 }, () => t.app.wechat!.tokens.current()))
    expect(new Set(tokens).size).toBe(1)
    const guardians = []
    for (let i = 0; i < 4; i++) guardians.push(await submitted(1))
    for (const g of guardians)
      expect((await t.review(village, g.id, { action: 'return', reason: '请补充材料', fields: ['child.name'] })).statusCode).toBe(200)
    expect(await t.app.wechat!.runSender()).toMatchObject({ sent: 4 })
    expect(fake.calls.stable_token).toBe(before + 1)
  })

  test('WeChat forgets the token (40001): refreshed once, the messages still go', async () => {
    await t.app.wechat!.tokens.current()
    const before = fake.calls.stable_token ?? 0
    fake.expireTokens()
    const a = await submitted(1)
    const b = await submitted(1)
    await t.review(village, a.id, { action: 'return', reason: '请补充材料', fields: ['child.name'] })
    await t.review(village, b.id, { action: 'return', reason: '请补充材料', fields: ['child.name'] })
    expect(await t.app.wechat!.runSender()).toMatchObject({ sent: 2 })
    expect(fake.calls.stable_token).toBe(before + 1)
    expect(sent(a.openid)).toHaveLength(1)
    expect(sent(b.openid)).toHaveLength(1)
  })

  test('a WeChat outage delays the message, loses none and never fails the review', async () => {
    const g = await submitted(1)
    fake.down = true
    const start = Date.now()
    try {
      const res = await t.review(village, g.id, { action: 'return', reason: '请补充材料', fields: ['child.name'] })
      expect(res.statusCode).toBe(200)
      expect(res.json().status).toBe('returned')
      await t.app.sharedState.delete('wechat:access-token')
      expect(await t.app.wechat!.runSender()).toMatchObject({ sent: 0, postponed: 1 })
      expect(await messagesOf(t.app.db, g.id)).toMatchObject([{ state: 'pending', attempts: 1, last_error: 'unavailable' }])
      // Not due again before its backoff (30 s).
      expect(await t.app.wechat!.runSender()).toMatchObject({ postponed: 0 })
    } finally {
      fake.down = false
    }
    expect(sent(g.openid)).toHaveLength(0)
    setClock(() => start + 31_000)
    try {
      expect(await t.app.wechat!.runSender()).toMatchObject({ sent: 1 })
    } finally {
      setClock()
    }
    expect(sent(g.openid)).toHaveLength(1)
    expect(await messagesOf(t.app.db, g.id)).toMatchObject([{ state: 'sent', attempts: 2 }])
  })

  test('WeChat refuses (43101, the guardian has no subscription left): recorded, the credit counted as gone', async () => {
    const g = await submitted(1)
    fake.refuse(g.openid)
    await t.review(village, g.id, { action: 'return', reason: '请补充材料', fields: ['child.name'] })
    expect(await t.app.wechat!.runSender()).toMatchObject({ refused: 1 })
    expect(await messagesOf(t.app.db, g.id)).toMatchObject([{ state: 'refused', last_error: 'errcode 43101' }])
    expect((await t.req('POST', '/api/v1/me/subscriptions', { token: g.token, body: { accepted: [] } })).json()).toEqual({ credits: 0 })
  })

  test('subscriptions: only the status template counts; a worker may not report any; bad bodies are 400', async () => {
    const g = await submitted(0)
    const res = await t.req('POST', '/api/v1/me/subscriptions', { token: g.token, body: { accepted: ['some-other-template', TEMPLATE] } })
    expect(res.json()).toEqual({ credits: 1 })
    expect((await t.req('POST', '/api/v1/me/subscriptions', { token: village, body: { accepted: [TEMPLATE] } })).statusCode).toBe(403)
    expect(
      (await t.req('POST', '/api/v1/me/subscriptions', { token: g.token, body: { accepted: Array(11).fill(TEMPLATE) } })).statusCode,
    ).toBe(400)
    expect((await t.req('POST', '/api/v1/me/subscriptions', { body: { accepted: [TEMPLATE] } })).statusCode).toBe(401)
  })
})

describe('the sender on its timer', () => {
  test('sends by itself, a few milliseconds after the review; /metrics shows the queue', async () => {
    const fake = await startFakeWechat()
    const t = await startApp('sqlite', {
      wechat: {
        appid: fake.appid,
        secret: fake.secret,
        apiBase: fake.url,
        templateStatus: TEMPLATE,
        miniprogramState: 'trial',
        sendIntervalMs: 50,
      },
      metricsToken: METRICS_TOKEN,
    })
    try {
      const village = await t.worker('village_worker', VILLAGE_A)
      const token = (await t.req('POST', '/api/v1/auth/wx-login', { body: { code: 'openid:timer-grandma:1' } })).json().token
      const id = uuid()
      await t.put(token, id, fixture())
      await t.req('POST', '/api/v1/me/subscriptions', { token, body: { accepted: [TEMPLATE] } })
      await t.review(village, id, { action: 'return', reason: '请补充材料', fields: ['child.name'] })
      const deadline = Date.now() + 10_000
      while (fake.messages.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50))
      expect(fake.messages).toMatchObject([{ touser: 'timer-grandma', miniprogram_state: 'trial' }])
      const metrics = await t.req('GET', '/metrics', { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })
      expect(metrics.body).toMatch(/^hutong_wechat_messages_pending 0$/m)
    } finally {
      await t.close()
      await fake.close()
    }
  })
})
