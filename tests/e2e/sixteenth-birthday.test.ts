/**
 * A left-behind child's 16th birthday, end to end in headless Chromium against the real server, whose clock
 * is set by the test-only `HUTONG_TEST_NOW` (docs/server.md): the guardian registers a child born 2015-03-08
 * and the chain confirms it; on 2031-03-07 the daily re-check (`npm run server:daily`) leaves it alone; on
 * 2031-03-08 (the server restarted on that day, the job run again) it is on the village worker's 待复核 with
 * the reason. The worker proposes 终止 (年满16/18周岁), the township agrees, the county decides, and the
 * guardian's 我的登记 shows 已终止. Controls are found by their role and accessible name; axe runs on every
 * screen passed (tests/e2e/axe.ts).
 */
import type { Page } from 'playwright-core'
import { checkA11y } from './axe'
import { launchBrowser, screenshot, startServer, type TestBrowser, type TestServer } from './harness'
import { badge, consentAndSubmit, fillChild, fillFamilySteps, next } from './by-label'
import { phoneStorage } from './guardian-pages'
import { card, line, listReady, queueRow, signIn as signInAs, statusLine } from './worker-pages'

jest.setTimeout(300_000)

const VILLAGE = '441422101200' // 茅坪村委会
const TOWNSHIP = '441422101' // 茶阳镇
const COUNTY = '441422' // 大埔县
const PASSWORD = 'e2e-password-16'
const DAY_BEFORE = '2031-03-07T02:00:00Z' // 10:00 in China
const BIRTHDAY = '2031-03-08T02:00:00Z'

let server: TestServer
const browsers: TestBrowser[] = []
beforeAll(async () => {
  server = await startServer({ env: { HUTONG_TEST_NOW: DAY_BEFORE } })
  await server.addWorker({ username: 'maoping', password: PASSWORD, role: 'village_worker', region: VILLAGE })
  await server.addWorker({ username: 'chayang', password: PASSWORD, role: 'township_supervisor', region: TOWNSHIP })
  await server.addWorker({ username: 'dabu', password: PASSWORD, role: 'county_admin', region: COUNTY })
})
afterAll(async () => {
  for (const b of browsers) await b.close()
  await server?.dispose()
})

async function phone(viewport?: { width: number; height: number }): Promise<Page> {
  const browser = await launchBrowser(viewport)
  browsers.push(browser)
  return browser.newPage()
}

// After the restart the tab's session has expired by the server's clock and sends it to sign-in once more:
// the earlier sign-in page stays in the stack, hidden; signIn types into the visible one.
async function signIn(page: Page, username: string) {
  await signInAs(page, server.url, username, PASSWORD)
  await listReady(page)
}

/** The child's row in the list, by the masked ID number it shows. */
const MASKED_ID = '4414**********1230'

/** The worker's list with the filter 待复核 chosen. */
async function recheckList(page: Page) {
  await page.getByRole('radiogroup', { name: '状态' }).getByRole('radio', { name: '待复核' }).click()
  await page.getByText('正在加载…').waitFor({ state: 'detached' })
}

async function openRecord(page: Page, id: string) {
  await page.goto(`${server.url}/#/worker/entry/index?id=${id}`)
  await statusLine(page, '.+').waitFor()
}

/** Opens an action's panel by its button and sends it with the panel's confirmation button. */
async function act(page: Page, action: string, confirm: string, status: string) {
  await page.getByRole('button', { name: action, exact: true }).click()
  await page.getByRole('button', { name: confirm, exact: true }).click()
  await statusLine(page, status).waitFor()
}

test('the day before the 16th birthday nothing; on the day 待复核 with the reason → 终止 at three levels → the guardian sees 已终止', async () => {
  // 1. The guardian registers a left-behind child of 茅坪村, born 2015-03-08; the chain confirms it (API).
  const g = await phone()
  await g.goto(`${server.url}/`)
  await g.getByRole('button', { name: '开始登记一个孩子' }).click()
  await fillChild(g, { name: '陈小明', id: '441422201503081230', address: '茅坪村上屋12号' })
  await next(g)
  await fillFamilySteps(g)
  await next(g)
  await consentAndSubmit(g)
  await badge(g, '已提交').waitFor({ timeout: 30_000 })
  const [id] = (await phoneStorage(g, 'hutong:outbox')).ids as string[]
  const tokens = {
    maoping: await server.workerToken('maoping', PASSWORD),
    chayang: await server.workerToken('chayang', PASSWORD),
    dabu: await server.workerToken('dabu', PASSWORD),
  }
  for (const [who, action] of [
    ['maoping', 'start_review'],
    ['maoping', 'verify'],
    ['chayang', 'approve'],
    ['dabu', 'confirm'],
  ] as const) {
    expect((await server.api('POST', `/api/v1/registrations/${id}/review`, { token: tokens[who], body: { action } })).status).toBe(200)
  }

  // 2. The day before the birthday: the daily job finds nothing; the worker's 待复核 is empty.
  expect(await server.runDaily()).toContain('2031-03-07 每日复核完成：检查 1 条已确认的登记，新列入待复核 0 条')
  const w = await phone()
  await signIn(w, 'maoping')
  await recheckList(w)
  await line(w, '没有符合条件的登记。').waitFor()
  expect(await queueRow(w, MASKED_ID).count()).toBe(0)
  await checkA11y(w, 'worker 待复核, empty')
  await screenshot(w, 'sixteen-recheck-empty')

  // 3. The birthday: the server restarted on that day, the daily job run; the child is on 待复核 with the reason.
  await server.stop()
  await server.start({ HUTONG_TEST_NOW: BIRTHDAY })
  expect(await server.runDaily()).toMatch(/^2031-03-08 每日复核完成/m)
  await signIn(w, 'maoping')
  await recheckList(w)
  const row = queueRow(w, MASKED_ID).filter({ hasText: '2031-03-08年满16周岁，不再属于农村留守儿童' })
  await row.waitFor()
  await checkA11y(w, 'worker 待复核, one child')
  await screenshot(w, 'sixteen-recheck-listed')

  // 4. The village worker proposes 终止 with the reason 年满16/18周岁.
  await row.click()
  await line(w, '2031-03-08年满16周岁，不再属于农村留守儿童').waitFor()
  await checkA11y(w, 'worker record, on 待复核')
  await w.getByRole('button', { name: '提请终止', exact: true }).click()
  await w.getByRole('radiogroup', { name: '终止原因' }).getByRole('radio', { name: '年满16/18周岁' }).click()
  await checkA11y(w, 'worker record, proposal panel')
  await screenshot(w, 'sixteen-propose')
  await w.getByRole('button', { name: '确认提请终止', exact: true }).click()
  await statusLine(w, '终止待乡镇审核').waitFor()

  // 5. The township agrees; the county decides.
  const t = await phone({ width: 1366, height: 900 })
  await signIn(t, 'chayang')
  await openRecord(t, id)
  await card(t, '终止（减员）情况').getByText('终止原因：年满16/18周岁').waitFor()
  await checkA11y(t, 'township record, proposal')
  await act(t, '同意终止', '确认同意终止', '终止待县级决定')
  const c = await phone({ width: 1366, height: 900 })
  await signIn(c, 'dabu')
  await openRecord(c, id)
  await act(c, '决定终止', '确认决定终止', '已终止')
  await card(c, '终止（减员）情况').getByText('自2031年4月起停止保障').waitFor()
  await checkA11y(c, 'county record, terminated')
  await screenshot(c, 'sixteen-terminated')

  // 6. The guardian's 我的登记: 已终止.
  await g.goto(`${server.url}/#/pages/mine/index`)
  await g.getByRole('button', { name: '刷新', exact: true }).click()
  await badge(g, '已终止').waitFor({ timeout: 30_000 })
  await checkA11y(g, 'guardian 我的登记, terminated')
  await screenshot(g, 'sixteen-guardian-terminated')

  // On the server: each step once, in order, at the server's clock.
  // (A new token: the one of the day before has expired by the server's clock.)
  const token = await server.workerToken('dabu', PASSWORD)
  const history = await server.api('GET', `/api/v1/registrations/${id}/history`, { token })
  const steps = history.body.items.map((e: any) => e.action)
  expect(steps.slice(-3)).toEqual(['propose_termination', 'agree_termination', 'terminate'])
  expect(history.body.items.at(-1).at.slice(0, 10)).toBe('2031-03-08')
})
