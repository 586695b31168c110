/**
 * End to end, in headless Chromium against the H5 build served by the real server: a guardian registers
 * a child through the pages; the server dies (SIGKILL) while a second child, a sibling, is submitted, and
 * comes back; both registrations end up on the server exactly once and the pages show them as submitted.
 */
import type { Page } from 'playwright-core'
import { launchBrowser, screenshot, startServer, type TestBrowser, type TestServer } from './harness'
import { badge, consentAndSubmit, expectStep, fillChild, fillFamilySteps, next } from './by-label'
import { idNumber, phoneStorage } from './guardian-pages'

jest.setTimeout(300_000)

let server: TestServer
let browser: TestBrowser
beforeAll(async () => {
  server = await startServer()
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
  await server?.dispose()
})

const button = (page: Page, name: string) => page.getByRole('button', { name, exact: true })

test('two registrations, the server killed during the second: each on the server exactly once, shown as submitted', async () => {
  const t0 = Date.now()
  const page = await browser.newPage()
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(e.message))
  await page.goto(`${server.url}/`)
  await button(page, '开始登记一个孩子').waitFor()
  await screenshot(page, 'guardian-home')

  // The first child, through all five steps.
  await button(page, '开始登记一个孩子').click()
  await fillChild(page, { name: '陈小明', id: '441422201503081230', address: '茅坪村上屋12号' })
  await screenshot(page, 'guardian-step1-child')
  await next(page)
  await fillFamilySteps(page)
  await screenshot(page, 'guardian-step4-family')
  await next(page)
  await screenshot(page, 'guardian-step5-review')
  await consentAndSubmit(page)
  await badge(page, '已提交').waitFor({ timeout: 30_000 })
  await screenshot(page, 'guardian-done-first-synced')

  // A sibling: the family steps come copied; only the child is new.
  await button(page, '再登记一个孩子（兄弟姐妹）').click()
  await fillChild(page, { name: '陈小红', id: idNumber('441422', '2017-06-12', '002'), address: '茅坪村上屋12号' })
  await next(page)
  for (const [n, title] of [
    [2, '父母情况'],
    [3, '监护照料'],
    [4, '家庭情况'],
  ] as const) {
    await expectStep(page, n, title)
    await next(page)
  }
  await expectStep(page, 5, '确认提交')

  // The server dies just as the guardian submits.
  await server.stop('SIGKILL')
  await consentAndSubmit(page)
  await badge(page, '还没提交上').waitFor({ timeout: 30_000 })
  await screenshot(page, 'guardian-done-second-server-down')
  // What the phone stores (writes reach storage within half a second).
  const failed = await until(async () =>
    Object.values(await outboxItems(page)).find((i: any) => i.record.child.name === '陈小红' && i.status === 'failed'),
  )
  expect(failed).toMatchObject({ status: 'failed', lastError: { kind: 'offline' } })
  expect(Date.parse(failed.nextRetryAt)).toBeGreaterThan(Date.now() - 1000)

  const restartedAt = Date.now()
  await server.start()
  // No tap: the outbox retries on its own timer.
  await badge(page, '已提交').waitFor({ timeout: 120_000 })
  const recovery = Date.now() - restartedAt
  await screenshot(page, 'guardian-done-second-synced')

  await button(page, '查看我的登记').click()
  await button(page, '刷新').waitFor()
  await badge(page, '2份登记都已提交到服务器。').waitFor({ timeout: 30_000 })
  await screenshot(page, 'guardian-mine')

  // On the server: exactly these two, once each, for this guardian (the server-issued device secret is the
  // sign-in; the browser made up no code of its own).
  const items = await until(async () => {
    const stored = await outboxItems(page)
    return Object.values(stored).filter((i: any) => i.status === 'synced').length === 2 ? stored : undefined
  })
  expect(await phoneStorage(page, 'hutong:device')).toBeUndefined()
  const secret = await phoneStorage(page, 'hutong:device-secret')
  expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/)
  const login = await server.api('POST', '/api/v1/auth/device-login', { body: { secret } })
  expect(login.status).toBe(200)
  const list = await server.api('GET', '/api/v1/registrations', { token: login.body.token })
  expect(list.status).toBe(200)
  expect(list.body.items.map((r: any) => r.id).sort()).toEqual(Object.keys(items).sort())
  expect(list.body.items.map((r: any) => r.childName).sort()).toEqual(['陈小明', '陈小红'].sort())
  expect(list.body.items.every((r: any) => r.status === 'submitted' && r.version === 1)).toBe(true)
  expect(errors).toEqual([])
  console.log(
    `e2e guardian sync: ${((Date.now() - t0) / 1000).toFixed(1)} s in all; synced ${(recovery / 1000).toFixed(1)} s after the restart`,
  )
})

async function until<T>(probe: () => Promise<T | undefined>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = await probe()
    if (value !== undefined) return value
    if (Date.now() > deadline) throw new Error(`condition not met in time: ${probe}`)
    await new Promise((r) => setTimeout(r, 200))
  }
}

/** The outbox as the phone stores it: the index, then one key per item. */
async function outboxItems(page: Page): Promise<Record<string, any>> {
  const index = await phoneStorage(page, 'hutong:outbox')
  const out: Record<string, any> = {}
  for (const id of index?.ids ?? []) out[id] = await phoneStorage(page, `hutong:outbox:${id}`)
  return out
}
