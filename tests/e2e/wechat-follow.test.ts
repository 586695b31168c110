/**
 * End to end with the fake WeChat (server/src/wechat-fake): a guardian — WeChat user `grandma-e2e`, signed in
 * through code2session — submits a registration in Chromium and accepts the status messages; the village
 * worker returns it; the fake WeChat receives the message for that user, opening that registration. Then the
 * same WeChat user on a fresh browser profile (a new phone) sees the returned registration at once and fixes it.
 * The H5 build has no WeChat dialog of its own: the test's page offers one as `wx.requestSubscribeMessage`.
 */
import type { Page } from 'playwright-core'
import { startFakeWechat, type FakeWechat } from '../../server/src/wechat-fake/fake'
import { launchBrowser, screenshot, startServer, type TestBrowser, type TestServer } from './harness'
import { badge, consentAndSubmit, expectStep, fill, fillChild, fillFamilySteps, next } from './by-label'
import { phoneStorage } from './guardian-pages'
import { card } from './worker-pages'

jest.setTimeout(300_000)
const TEMPLATE = 'tmpl-status-e2e'

let fake: FakeWechat
let server: TestServer
const browsers: TestBrowser[] = []
beforeAll(async () => {
  fake = await startFakeWechat()
  server = await startServer({
    demo: true,
    env: {
      WECHAT_APPID: fake.appid,
      WECHAT_SECRET: fake.secret,
      WECHAT_API_BASE: fake.url,
      WECHAT_TEMPLATE_STATUS: TEMPLATE,
      WECHAT_SEND_INTERVAL_MS: '200',
    },
  })
})
afterAll(async () => {
  for (const b of browsers) await b.close()
  await server?.dispose()
  await fake?.close()
})

/** A fresh browser profile whose page answers WeChat's subscription dialog with "accept". */
async function phone(): Promise<{ page: Page; asked: string[][] }> {
  const browser = await launchBrowser()
  browsers.push(browser)
  const page = await browser.newPage()
  const asked: string[][] = []
  await page.exposeFunction('reportAsked', (ids: string[]) => void asked.push(ids))
  await page.addInitScript(() => {
    const w = window as unknown as { wx: unknown; reportAsked(ids: string[]): void }
    w.wx = {
      requestSubscribeMessage(o: { tmplIds: string[]; success(r: Record<string, string>): void }) {
        w.reportAsked(o.tmplIds)
        o.success(Object.fromEntries([...o.tmplIds.map((id) => [id, 'accept']), ['errMsg', 'requestSubscribeMessage:ok']]))
      },
    }
  })
  return { page, asked }
}

async function until<T>(probe: () => Promise<T | undefined> | T | undefined, ms = 30_000): Promise<T> {
  const deadline = Date.now() + ms
  for (;;) {
    const v = await probe()
    if (v) return v
    if (Date.now() > deadline) throw new Error('timed out')
    await new Promise((r) => setTimeout(r, 200))
  }
}

test('submit and accept → returned → WeChat gets the message → a new phone of the same WeChat user sees it and fixes it', async () => {
  // 1. The guardian's phone: signed in as WeChat user grandma-e2e (the fake's code for that user).
  const first = await phone()
  const g = first.page
  await g.goto(`${server.url}/?device=openid:grandma-e2e:phone-1`)
  const start = g.getByRole('button', { name: '开始登记一个孩子', exact: true })
  await start.waitFor()
  // The launch sign-in named the template; the review step says what the dialog is for.
  await until(async () => (await phoneStorage(g, 'hutong:session'))?.templates?.length)
  await start.click()
  await fillChild(g, { name: '陈小明', id: '441422201503081230', address: '茅坪村上屋12号' })
  await next(g)
  await fillFamilySteps(g)
  await next(g)
  await g.getByText('点“允许”', { exact: false }).waitFor()
  await consentAndSubmit(g)
  await badge(g, '已提交').waitFor({ timeout: 30_000 })
  expect(first.asked).toEqual([[TEMPLATE]])
  await screenshot(g, 'wechat-guardian-submitted')
  const ids = (await phoneStorage(g, 'hutong:outbox')).ids as string[]
  const items = await Promise.all(ids.map((k) => phoneStorage(g, `hutong:outbox:${k}`)))
  const id = items.find((i) => i?.kind === 'registration')!.id as string
  // The acceptance reached the server (and left the phone).
  await until(async () => !((await phoneStorage(g, 'hutong:outbox')).ids as string[]).some((k) => k !== id))

  // 2. The village worker returns it.
  const worker = await server.workerToken('demo-maoping', 'demo-password-e2e')
  const returned = await server.api('POST', `/api/v1/registrations/${id}/review`, {
    token: worker,
    body: { action: 'return', reason: '请把住址写到门牌号', fields: ['child.residenceAddress'] },
  })
  expect(returned.status).toBe(200)

  // 3. The fake WeChat receives exactly one message, for that user, opening that registration.
  await until(() => fake.messages.length > 0)
  expect(fake.messages).toHaveLength(1)
  expect(fake.messages[0]).toMatchObject({ touser: 'grandma-e2e', template_id: TEMPLATE, page: `register/record/index?id=${id}` })
  expect(fake.messages[0].data.phrase2.value).toBe('已退回')
  expect(JSON.stringify(fake.messages[0].data)).not.toContain('陈小明')

  // 4. A new phone, same WeChat user: home shows the returned registration at once; it is fixed from there.
  const second = await phone()
  const p = second.page
  await p.goto(`${server.url}/?device=openid:grandma-e2e:phone-2`)
  await p.getByRole('button', { name: /^查看我的登记（共\d+份）$/ }).waitFor({ timeout: 30_000 })
  // Home's 我的登记 card lists the registration that needs the guardian, with the worker's reason.
  const mine = card(p, '我的登记')
  await mine.getByText('退回原因：请把住址写到门牌号', { exact: true }).waitFor()
  await screenshot(p, 'wechat-new-phone-home')
  await mine.getByRole('button', { name: '去修改', exact: true }).click()
  await expectStep(p, 1, '儿童信息')
  await fill(p, '详细地址（门牌号）', '茅坪村上屋12号之一')
  for (let step = 1; step < 5; step++) await next(p)
  await consentAndSubmit(p)
  await badge(p, '已提交').waitFor({ timeout: 30_000 })
  await screenshot(p, 'wechat-new-phone-resubmitted')
  expect(second.asked).toEqual([[TEMPLATE]])

  const view = await server.api('GET', `/api/v1/registrations/${id}`, { token: worker })
  expect(view.body).toMatchObject({ status: 'submitted' })
  expect(JSON.stringify(view.body)).toContain('茅坪村上屋12号之一')
})
