/**
 * axe-core on every screen of both apps, reached the way a screen reader user reaches them — every control
 * found by its label or its role and name (tests/e2e/by-label.ts), in headless Chromium on a phone-sized
 * window against the real server and the H5 build: the guardian's home, the five wizard steps, the done
 * page, 我的登记 and a registration's page, in normal mode and in 长辈模式; the village worker's list,
 * record and return panel; the county's overview (with its chart) and 账号管理. No serious or critical
 * violation anywhere (tests/e2e/axe.ts). The 长辈模式 screens and the overview's chart are saved under
 * test-results/screenshots/ (docs/guardian-app.md and docs/worker-app.md show copies).
 */
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { checkA11y, checked } from './axe'
import { consentAndSubmit, expectStep, fillCare, fillChild, fillFamily, fillParents, next } from './by-label'
import { idNumber } from './guardian-pages'
import { launchBrowser, screenshot, SCREENSHOTS, startServer, type TestBrowser, type TestServer } from './harness'
import { signIn as signInAs } from './worker-pages'

jest.setTimeout(600_000)

const PASSWORD = 'e2e-password-1'
const CHILD = { name: '陈小明', id: idNumber('441422', '2015-03-08', '123'), address: '上屋12号' }
const exact = { exact: true } as const

let server: TestServer
const browsers: TestBrowser[] = []
beforeAll(async () => {
  server = await startServer()
  await server.addWorker({
    username: 'maoping',
    password: PASSWORD,
    role: 'village_worker',
    region: '441422101200',
    name: '茅坪村儿童主任',
  })
  await server.addWorker({ username: 'dabu.admin', password: PASSWORD, role: 'county_admin', region: '441422', name: '大埔县民政局' })
})
afterAll(async () => {
  for (const b of browsers) await b.close()
  await server?.dispose()
  process.stdout.write(`\nAXE SCREENS\n${checked.map((c) => `${c.screen}: ${c.moderate} moderate, ${c.minor} minor`).join('\n')}\n`)
})

async function phone(viewport?: { width: number; height: number }): Promise<Page> {
  const browser = await launchBrowser(viewport)
  browsers.push(browser)
  return browser.newPage()
}

const button = (page: Page, name: string) => page.getByRole('button', { name, ...exact })

test('the guardian: every screen in normal mode, then home, step 1, 我的登记 and the record in 长辈模式', async () => {
  const page = await phone()
  await page.goto(`${server.url}/`)
  await button(page, '开始登记一个孩子').waitFor()
  await checkA11y(page, 'home')

  await button(page, '开始登记一个孩子').click()
  await fillChild(page, CHILD)
  await checkA11y(page, 'wizard step 1')
  await next(page)
  await fillParents(page)
  await checkA11y(page, 'wizard step 2')
  await next(page)
  await fillCare(page)
  await checkA11y(page, 'wizard step 3')
  await next(page)
  await fillFamily(page)
  await checkA11y(page, 'wizard step 4')
  await next(page)
  await expectStep(page, 5, '确认提交')
  await checkA11y(page, 'wizard step 5 (review and consent)')
  await consentAndSubmit(page)
  await page.getByText('登记已提交').waitFor({ timeout: 30_000 })
  await checkA11y(page, 'done')

  await button(page, '查看我的登记').click()
  await button(page, '查看详情和处理记录').waitFor()
  await checkA11y(page, '我的登记')
  await button(page, '查看详情和处理记录').click()
  await page.getByText('处理记录').filter({ visible: true }).first().waitFor()
  await checkA11y(page, 'a registration (normal)')

  // 长辈模式, switched on at home: the same screens again, saved for the docs.
  await page.goto(`${server.url}/`)
  await page.getByRole('switch').click()
  await page.getByText('已开启，点一下关闭').waitFor()
  await page.waitForTimeout(1200) // Taro's late reset of the root size, which must not win
  await checkA11y(page, 'home (长辈模式)')
  await screenshot(page, 'elder-home')
  await button(page, '开始登记一个孩子').click()
  await expectStep(page, 1, '儿童信息')
  await checkA11y(page, 'wizard step 1 (长辈模式)')
  await screenshot(page, 'elder-step1')
  await page.goto(`${server.url}/#/pages/mine/index`)
  await button(page, '查看详情和处理记录').waitFor()
  await checkA11y(page, '我的登记 (长辈模式)')
  await screenshot(page, 'elder-mine')
  await button(page, '查看详情和处理记录').click()
  await page.getByText('处理记录').filter({ visible: true }).first().waitFor()
  await checkA11y(page, 'a registration (长辈模式)')
  await screenshot(page, 'elder-record')
})

const signIn = (page: Page, username: string) => signInAs(page, server.url, username, PASSWORD)

/** How many lines an option's words take on screen (distinct line boxes of its text). */
const linesOf = (page: Page, name: string) =>
  page.getByRole('radio', { name, ...exact }).evaluate((el) => {
    const range = document.createRange()
    range.selectNodeContents(el.lastElementChild ?? el)
    return new Set(Array.from(range.getClientRects(), (r) => Math.round(r.top))).size
  })

test('the village worker on a 360 px phone: list, record, return panel, visit options whole', async () => {
  const page = await phone({ width: 360, height: 740 })
  await signIn(page, 'maoping')
  await page.getByRole('radiogroup', { name: '状态' }).waitFor({ timeout: 60_000 })
  await page.getByText('正在加载…').waitFor({ state: 'detached' })
  await checkA11y(page, 'worker list')
  await page
    .getByRole('link', { name: /陈.明/ }) // names are masked in the list
    .first()
    .click()
  await page.getByText('核实操作', exact).waitFor()
  await checkA11y(page, 'worker record')
  await button(page, '退回').click()
  const panel = page.getByRole('group', { name: '父母情况' })
  await panel.getByRole('checkbox', { name: '母亲务工地点（省、市）', ...exact }).click()
  await page.getByText('已勾选：母亲务工地点（省、市）').waitFor()
  await checkA11y(page, 'worker return panel')
  await button(page, '取消').click()
  // 记录走访's methods: each on one line, none broken mid-word (入户走/访) on a 360 px screen.
  await button(page, '记录走访').click()
  for (const method of ['入户走访', '电话核实', '部门数据比对']) expect([method, await linesOf(page, method)]).toEqual([method, 1])
  await checkA11y(page, 'worker visit form')
  await button(page, '取消').click()
})

test('the county: overview with the chart, and 账号管理', async () => {
  const page = await phone()
  await signIn(page, 'dabu.admin')
  await button(page, '统计与花名册').click()
  const chart = page.getByText('各村（社区）进度', exact)
  await chart.waitFor({ timeout: 60_000 })
  // The chart read as text: each bar is named by its numbers.
  await page.getByRole('img', { name: /茅坪村委会，登记共1人：待村核实1人/ }).waitFor()
  await page.getByRole('region', { name: /按村（社区）和状态/ }).waitFor()
  await checkA11y(page, 'overview')
  await screenshot(page, 'overview')
  // The chart's card alone, for docs/worker-app.md.
  mkdirSync(SCREENSHOTS, { recursive: true })
  await chart.locator('..').screenshot({ path: join(SCREENSHOTS, 'overview-chart.png') })
  await button(page, '账号管理').click()
  await page
    .getByText('还没有账号。')
    .or(page.getByText(/共\d+个账号/))
    .filter({ visible: true })
    .first()
    .waitFor()
  await checkA11y(page, 'accounts')
})
