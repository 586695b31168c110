/**
 * 迁移 in headless Chromium against the real server: the 茅坪 worker starts a transfer of a registration from
 * its record page, the receiving village chosen with the region picker; the 左弼 worker finds it under
 * 待接收的迁入 (the name masked) and accepts it; the record then opens for 左弼 and no longer for 茅坪.
 * Controls by role and name; axe on each screen passed (tests/e2e/axe.ts).
 */
import type { Page } from 'playwright-core'
import { checkA11y } from './axe'
import { pickRegion } from './by-label'
import { launchBrowser, screenshot, startServer, type TestBrowser, type TestServer } from './harness'
import { card, listReady, signIn as signInAs, statusLine } from './worker-pages'

jest.setTimeout(240_000)

const PASSWORD = 'e2e-password-move'
let server: TestServer
const browsers: TestBrowser[] = []
beforeAll(async () => {
  server = await startServer({ demo: true })
  await server.addWorker({ username: 'maoping', password: PASSWORD, role: 'village_worker', region: '441422101200' })
  await server.addWorker({ username: 'zuobi', password: PASSWORD, role: 'village_worker', region: '441422101201' })
})
afterAll(async () => {
  for (const b of browsers) await b.close()
  await server?.dispose()
})

async function signIn(username: string): Promise<Page> {
  const browser = await launchBrowser()
  browsers.push(browser)
  const page = await browser.newPage()
  await signInAs(page, server.url, username, PASSWORD)
  await listReady(page)
  return page
}

test('started on the record page with the region picker, accepted on 迁入迁出: the record moves to 左弼', async () => {
  const token = await server.workerToken('maoping', PASSWORD)
  const queue = await server.api('GET', '/api/v1/review/queue?status=all', { token })
  const movable = ['submitted', 'village_review', 'verified', 'township_approved', 'confirmed']
  const id = queue.body.items.find((i: { status: string }) => movable.includes(i.status)).id as string

  const m = await signIn('maoping')
  await m.goto(`${server.url}/#/worker/entry/index?id=${id}`)
  await statusLine(m, '.+').waitFor()
  await m.getByRole('button', { name: '发起迁移', exact: true }).click()
  await checkA11y(m, 'worker record, 发起迁移')
  await pickRegion(m, '迁入的村（社区）', ['梅州市', '大埔县', '茶阳镇', '左弼村委会'])
  await m.getByLabel('迁移说明（对方会看到）').fill('随祖母搬到左弼')
  await checkA11y(m, 'worker record, 发起迁移 with a village chosen')
  await screenshot(m, 'transfer-start')
  await m.getByRole('button', { name: '确认发起迁移', exact: true }).click()
  await m.getByRole('status').filter({ hasText: '左弼村委会的儿童主任接收' }).waitFor()

  const z = await signIn('zuobi')
  await z.getByRole('button', { name: '迁移', exact: true }).click()
  // The transfer under 待接收的迁入: the card that shows the note.
  const transfer = card(z, '待接收的迁入').getByText('说明：随祖母搬到左弼', { exact: true }).locator('..')
  await transfer.waitFor()
  expect(await transfer.textContent()).toMatch(/\*/)
  await checkA11y(z, 'worker 迁入迁出')
  await screenshot(z, 'transfer-incoming')
  await transfer.getByRole('button', { name: '接收', exact: true }).click()
  await z.getByRole('status').filter({ hasText: '已接收' }).waitFor()
  await transfer.getByRole('button', { name: '打开登记', exact: true }).click()
  await statusLine(z, '.+').waitFor()
  await card(z, '处理记录')
    .getByText(/接收迁入/)
    .first()
    .waitFor()
  await screenshot(z, 'transfer-received-record')

  const after = await server.api('GET', `/api/v1/registrations/${id}`, { token: await server.workerToken('maoping', PASSWORD) })
  expect(after.status).toBe(404)
})
