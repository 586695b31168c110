/**
 * 本月待走访 end to end, in headless Chromium against the real server and the H5 build: a child the county
 * has confirmed has a home visit due this month; the village worker opens the list, goes offline (the
 * browser's own offline mode), records the visit from the list — kept on the phone, the row says it waits —,
 * comes back online, and the visit is sent and the list shows it done. Controls are found by their role and
 * name, as a screen reader would; axe runs on the new screen.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { checkA11y } from './axe'
import { launchBrowser, screenshot, startServer, type TestBrowser, type TestServer } from './harness'
import { card, signIn } from './worker-pages'

jest.setTimeout(240_000)

const VILLAGE = '441422101200' // 茅坪村委会
const TOWNSHIP = '441422101' // 茶阳镇
const COUNTY = '441422' // 大埔县
const PASSWORD = 'e2e-password-visits'
const FIXTURES = join(__dirname, '..', 'fixtures', 'registrations')

let server: TestServer
let browser: TestBrowser | undefined
let id: string
let villageToken: string
beforeAll(async () => {
  server = await startServer()
  for (const [username, role, region] of [
    ['maoping', 'village_worker', VILLAGE],
    ['chayang', 'township_supervisor', TOWNSHIP],
    ['dabu', 'county_admin', COUNTY],
  ])
    await server.addWorker({ username, password: PASSWORD, role, region })
  const guardian = (await server.api('POST', '/api/v1/auth/wx-login', { body: { code: 'visits-guardian' } })).body.token
  const record = JSON.parse(readFileSync(join(FIXTURES, 'left-behind.json'), 'utf8'))
  record.child.residenceRegion = VILLAGE
  record.child.hukouRegion = VILLAGE
  id = crypto.randomUUID()
  expect((await server.api('PUT', `/api/v1/registrations/${id}`, { token: guardian, body: record })).status).toBe(201)
  villageToken = await server.workerToken('maoping', PASSWORD)
  const township = await server.workerToken('chayang', PASSWORD)
  const county = await server.workerToken('dabu', PASSWORD)
  for (const [token, action] of [
    [villageToken, 'start_review'],
    [villageToken, 'verify'],
    [township, 'approve'],
    [county, 'confirm'],
  ]) {
    const res = await server.api('POST', `/api/v1/registrations/${id}/review`, { token, body: { action } })
    expect([action, res.status]).toEqual([action, 200])
  }
})
afterAll(async () => {
  await browser?.close()
  await server?.dispose()
})

test('a confirmed child is due; the visit is recorded offline, sent when back online, and the list shows it done', async () => {
  browser = await launchBrowser()
  const page = await browser.newPage()
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(e.message))
  await signIn(page, server.url, 'maoping', PASSWORD)
  await page.getByRole('radiogroup', { name: '状态' }).waitFor({ timeout: 60_000 })

  await page.getByRole('button', { name: '本月走访' }).click()
  // The list's sections, each under its heading with the count: the child is due, never visited.
  const dueSection = card(page, '本月待走访（1）')
  await dueSection.waitFor({ timeout: 30_000 })
  await dueSection.getByText('还没有走访记录', { exact: true }).waitFor()
  await screenshot(page, 'visits-due')
  await checkA11y(page, '本月待走访')

  await browser.context.setOffline(true)
  await dueSection.getByRole('button', { name: '记录走访', exact: true }).click()
  await page.getByRole('radiogroup', { name: '核实方式' }).getByRole('radio', { name: '入户走访' }).click()
  await page.getByRole('radiogroup', { name: '核实结论' }).getByRole('radio', { name: '属实', exact: true }).click()
  await page.getByRole('radiogroup', { name: '监护情况评估' }).getByRole('radio', { name: '一般' }).click()
  await page.getByLabel('走访情况记录', { exact: true }).fill('奶奶在家照料，孩子按时上学')
  await page.getByRole('button', { name: '保存走访记录' }).click()
  await page.getByText('走访记录已保存在手机上，联网后会自动发送').waitFor({ timeout: 30_000 })
  await dueSection.getByText('已记录，等待发送', { exact: true }).waitFor()
  await screenshot(page, 'visits-offline')
  // Nothing reached the server while the phone was offline.
  expect((await server.api('GET', '/api/v1/visits/due', { token: villageToken })).body.counts).toMatchObject({ due: 1, done: 0 })

  await browser.context.setOffline(false)
  await card(page, '本月已走访（1）')
    .getByText(/已走访：\d{4}-\d{2}-\d{2}\s入户走访/)
    .waitFor({ timeout: 90_000 })
  await screenshot(page, 'visits-done')
  const due = (await server.api('GET', '/api/v1/visits/due', { token: villageToken })).body
  expect(due.counts).toMatchObject({ due: 0, done: 1 })
  expect(due.items[0].visit).toMatchObject({ state: 'done', doneMethod: 'home' })
  expect(errors).toEqual([])
})
