/**
 * A report of a child at risk, end to end in headless Chromium against the real server and the H5 build: a
 * neighbour (a guardian's account) opens the report page from home, finds the emergency numbers above the
 * form, is told what is missing, reports a child of 茅坪村 and gets a receipt; the 茅坪 village worker sees it
 * on top of the list as urgent with the hours left, opens it, records a home visit (入户: the clock stops),
 * then 纳入登记, which opens a registration draft with the village filled in. The neighbour's receipt shows
 * only the number, the time and 处理中. Controls are found by their role and name; axe checks the report form
 * and the worker's report page. Screenshots under test-results/screenshots/.
 */
import type { Page } from 'playwright-core'
import { checkA11y } from './axe'
import { pickRegion } from './by-label'
import { launchBrowser, screenshot, startServer, type TestBrowser, type TestServer } from './harness'
import { card, line, signIn } from './worker-pages'

jest.setTimeout(240_000)

const VILLAGE = '441422101200' // 茅坪村委会
const PASSWORD = 'e2e-password-1'
const SEEN = '这几天晚上看到两个孩子独自在家，没有大人，小的那个一直在哭'

let server: TestServer
const browsers: TestBrowser[] = []
beforeAll(async () => {
  server = await startServer()
  await server.addWorker({ username: 'maoping', password: PASSWORD, role: 'village_worker', region: VILLAGE, name: '茅坪村儿童主任' })
})
afterAll(async () => {
  for (const b of browsers) await b.close()
  await server?.dispose()
})

async function person(): Promise<{ page: Page; errors: string[] }> {
  const browser = await launchBrowser()
  browsers.push(browser)
  const page = await browser.newPage()
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(e.message))
  return { page, errors }
}

const button = (page: Page, name: string | RegExp) => page.getByRole('button', { name }).first()
const radio = (page: Page, name: string) => page.getByRole('radio', { name, exact: true }).first()

test('a neighbour reports a child; the village worker sees it urgent, visits and opens a registration from it', async () => {
  const neighbour = await person()
  const worker = await person()

  // 1. From the home page to the report form; the emergency numbers stand above it.
  const n = neighbour.page
  await n.goto(`${server.url}/`)
  await button(n, '报告可能有危险的孩子').click()
  const emergency = n.getByRole('region', { name: '情况紧急，请先打电话' })
  await emergency.waitFor()
  await button(n, '拨打 110 报警').waitFor()
  await button(n, '拨打 12349 民政服务热线').waitFor()
  const top = async (locator: ReturnType<Page['locator']>) => (await locator.boundingBox())!.y
  // Above the form's first question.
  expect(await top(emergency)).toBeLessThan(await top(button(n, /^孩子在哪个村（社区）：/)))
  await checkA11y(n, 'report form')
  await screenshot(n, 'report-form')

  // 2. Sent empty: each missing answer is named, in words, beside its field.
  await button(n, '发送报告').click()
  await n.getByRole('alert').filter({ hasText: '请选择孩子所在的村（社区）' }).first().waitFor()
  await n.getByText('请填写看到的情况').first().waitFor()
  await screenshot(n, 'report-form-errors')

  // 3. Filled in and sent: a receipt with its number, and 处理中 in 我的报告.
  await pickRegion(n, '孩子在哪个村（社区）', ['梅州市', '大埔县', '茶阳镇', '茅坪村委会'])
  await radio(n, '无人照料').click()
  const seen = n.getByRole('textbox', { name: '您看到了什么' })
  await seen.fill(SEEN)
  await seen.blur()
  await radio(n, '邻居/亲友').click()
  const phone = n.getByRole('textbox', { name: '您的电话' })
  await phone.fill('13800138000')
  await phone.blur()
  await button(n, '发送报告').click()
  const outcome = n.getByRole('status').filter({ hasText: '报告已送达' })
  await outcome.waitFor({ timeout: 30_000 })
  const number = /BG\d{8}-[0-9A-F]{6}/.exec((await outcome.textContent()) ?? '')![0]
  const receipts = card(n, '我的报告')
  await receipts.getByText(number).waitFor()
  expect(await receipts.textContent()).toContain('处理中')
  await screenshot(n, 'report-sent')

  // 4. The 茅坪 worker signs in: the report is on top of the list, urgent, with the hours left.
  const w = worker.page
  await signIn(w, server.url, 'maoping', PASSWORD)
  const block = w.getByRole('region', { name: '发现报告（强制报告）' })
  await block.waitFor()
  expect(await block.getByText(/^待首次联系的报告/).textContent()).toBe('待首次联系的报告 1 条')
  const row = block.getByRole('link', { name: new RegExp(number) })
  expect(await row.textContent()).toMatch(/紧急.*距24小时首次联系时限还有2[34]小时/)
  expect(await top(block)).toBeLessThan(await top(w.getByRole('radiogroup', { name: '状态' })))
  await screenshot(w, 'report-worker-queue')

  // 5. Opens it: everything the neighbour wrote; records 入户 — the clock stops.
  await row.click()
  await line(w, SEEN).waitFor()
  await line(w, '报告人电话：13800138000').waitFor()
  await checkA11y(w, 'worker report page')
  await screenshot(w, 'report-worker-detail')
  await radio(w, '入户').click()
  const note = w.getByRole('textbox', { name: '处理情况' })
  await note.fill('已入户，两个孩子由外出务工的父母委托邻居照看，已联系父亲')
  await note.blur()
  await button(w, '保存处理记录').click()
  // The action's line: when, who, 入户 (the note under it says 入户 too).
  await card(w, '处理记录').getByText(/入户$/).waitFor()
  await w
    .getByText(/^已于 .+ 首次处理/)
    .filter({ visible: true })
    .waitFor()
  await screenshot(w, 'report-worker-visited')

  // 6. 纳入登记: a registration draft opens in the wizard with the child's village already chosen.
  await radio(w, '纳入登记').click()
  await button(w, '保存处理记录').click()
  await w.getByText('第1步，共5步：儿童信息').waitFor({ timeout: 30_000 })
  await button(w, /^现住址（村\/社区）：.*茅坪村委会/).waitFor()
  await screenshot(w, 'report-worker-draft')

  // 7. The neighbour still sees only the receipt: 处理中 (the report is not closed), nothing of what was done.
  await n.reload()
  await receipts.getByText(number).waitFor()
  const receiptsText = (await receipts.textContent()) ?? ''
  expect(receiptsText).toContain('处理中')
  expect(receiptsText).not.toContain('入户')
  expect(neighbour.errors).toEqual([])
  expect(worker.errors).toEqual([])
})
