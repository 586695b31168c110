/**
 * The whole loop, end to end, in headless Chromium against the real server and the H5 build, one browser
 * profile per person (a phone each; the township supervisor at a desktop):
 * a guardian submits; the village worker of that village sees it and the worker of the neighbouring village
 * does not; the village worker returns it with a reason and a ticked field; the guardian reads the reason,
 * fixes and resubmits; the village worker starts the review, records a home visit and verifies; the township
 * supervisor approves. The guardian's 我的登记 follows at every step. Every screen passed is saved under
 * test-results/screenshots/. Controls are found by their role and name (Taro H5 keeps earlier pages, with the same
 * words, hidden under the one on screen: role queries skip them, text is looked up among visible elements).
 */
import type { Page } from 'playwright-core'
import { launchBrowser, screenshot, startServer, type TestBrowser, type TestServer } from './harness'
import { badge, consentAndSubmit, expectStep, fill, fillChild, fillFamilySteps, next } from './by-label'
import { phoneStorage } from './guardian-pages'
import { card, fillSignIn, line, listReady, queueRow, statusLine, submitSignIn } from './worker-pages'

jest.setTimeout(300_000)

const VILLAGE = '441422101200' // 茅坪村委会
const NEIGHBOUR = '441422101201' // 左弼村委会
const TOWNSHIP = '441422101' // 茶阳镇
const PASSWORD = 'e2e-password-1'

let server: TestServer
const browsers: TestBrowser[] = []
beforeAll(async () => {
  server = await startServer()
  await server.addWorker({ username: 'maoping', password: PASSWORD, role: 'village_worker', region: VILLAGE, name: '茅坪村儿童主任' })
  await server.addWorker({ username: 'zuobi', password: PASSWORD, role: 'village_worker', region: NEIGHBOUR, name: '左弼村儿童主任' })
  await server.addWorker({
    username: 'chayang',
    password: PASSWORD,
    role: 'township_supervisor',
    region: TOWNSHIP,
    name: '茶阳镇儿童督导员',
  })
})
afterAll(async () => {
  for (const b of browsers) await b.close()
  await server?.dispose()
})

async function person(viewport?: { width: number; height: number }): Promise<{ page: Page; errors: string[] }> {
  const browser = await launchBrowser(viewport)
  browsers.push(browser)
  const page = await browser.newPage()
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(e.message))
  return { page, errors }
}

async function signIn(page: Page, username: string, shot: string) {
  await fillSignIn(page, server.url, username, PASSWORD)
  await screenshot(page, shot)
  await submitSignIn(page)
  await listReady(page)
}

const button = (page: Page, name: string) => page.getByRole('button', { name, exact: true })
const status = (page: Page, text: string) => statusLine(page, text).waitFor()
/** The child's row in a worker's list: a link showing the masked ID number. */
const MASKED_ID = '4414**********1230'

/** The guardian's 我的登记, refreshed from the server, shows this status for the registration (the only one). */
async function guardianSees(page: Page, label: string, shot: string) {
  await page.goto(`${server.url}/#/pages/mine/index`)
  await button(page, '刷新').click()
  await badge(page, label).waitFor({ timeout: 30_000 })
  await screenshot(page, shot)
}

test('submit → seen only in its village → returned → fixed → visited and verified → approved; the guardian follows', async () => {
  const t0 = Date.now()
  const guardian = await person()
  const maoping = await person()
  const zuobi = await person()
  const chayang = await person({ width: 1366, height: 900 })

  // 1. The guardian registers a child of 茅坪村.
  const g = guardian.page
  await g.goto(`${server.url}/`)
  await button(g, '开始登记一个孩子').waitFor()
  await screenshot(g, 'loop-guardian-home')
  await button(g, '开始登记一个孩子').click()
  await fillChild(g, { name: '陈小明', id: '441422201503081230', address: '茅坪村上屋12号' })
  await next(g)
  await fillFamilySteps(g)
  await next(g)
  await consentAndSubmit(g)
  await badge(g, '已提交').waitFor({ timeout: 30_000 })
  await screenshot(g, 'loop-guardian-submitted')
  const [id] = (await phoneStorage(g, 'hutong:outbox')).ids as string[]
  await guardianSees(g, '已提交', 'loop-guardian-mine-submitted')

  // 2. The 茅坪 worker sees it (masked); the 左弼 worker neither lists nor opens it.
  const m = maoping.page
  await signIn(m, 'maoping', 'loop-maoping-login')
  await queueRow(m, MASKED_ID).waitFor()
  expect(await queueRow(m, MASKED_ID).textContent()).not.toContain('441422201503081230')
  await screenshot(m, 'loop-maoping-queue')
  const z = zuobi.page
  await signIn(z, 'zuobi', 'loop-zuobi-login')
  await line(z, '没有符合条件的登记。').waitFor()
  expect(await queueRow(z, MASKED_ID).count()).toBe(0)
  await screenshot(z, 'loop-zuobi-queue-empty')
  await z.goto(`${server.url}/#/worker/entry/index?id=${id}`)
  await z.getByRole('alert').filter({ hasText: '找不到这条登记' }).waitFor()
  await screenshot(z, 'loop-zuobi-entry-refused')

  // 3. The 茅坪 worker opens it, reveals the ID number, and returns it with a reason and the field ticked.
  await queueRow(m, MASKED_ID).click()
  await status(m, '.+')
  await screenshot(m, 'loop-maoping-entry')
  await button(m, '显示儿童身份证号码').click()
  await line(m, '441422201503081230').waitFor()
  await button(m, '退回').click()
  await m
    .getByRole('group', { name: '父母情况', exact: true })
    .getByRole('checkbox', { name: '母亲务工地点（省、市）', exact: true })
    .click()
  await fill(m, '原因（必填，会告诉监护人）', '母亲务工地点请写到镇（街道）')
  await m.getByText(/^已勾选：.*母亲务工地点/).waitFor()
  await screenshot(m, 'loop-maoping-return-panel')
  await button(m, '确认退回').click()
  await status(m, '已退回')
  await screenshot(m, 'loop-maoping-returned')

  // 4. The guardian reads why, fixes the field and sends it again.
  await guardianSees(g, '已退回', 'loop-guardian-mine-returned')
  await line(g, '退回原因：母亲务工地点请写到镇（街道）').waitFor()
  await button(g, '去修改').click()
  await expectStep(g, 2, '父母情况')
  await g.getByRole('alert').filter({ hasText: '母亲务工地点' }).waitFor()
  await screenshot(g, 'loop-guardian-fix')
  await fill(g, '母亲务工地点（省、市）', '广东省东莞市长安镇')
  for (let step = 2; step < 5; step++) await next(g)
  await consentAndSubmit(g)
  await badge(g, '已提交').waitFor({ timeout: 30_000 })
  await screenshot(g, 'loop-guardian-resubmitted')
  await guardianSees(g, '已提交', 'loop-guardian-mine-resubmitted')

  // 5. The 茅坪 worker finds it back in the list, starts the review, records the home visit with no signal
  //    (kept in the outbox, sent when the network returns) and verifies.
  await button(m, '登记列表').click()
  await queueRow(m, MASKED_ID).filter({ hasText: '已提交' }).waitFor()
  await screenshot(m, 'loop-maoping-queue-resubmitted')
  await queueRow(m, MASKED_ID).click()
  const historyCard = card(m, '处理记录')
  await historyCard
    .getByText(/修改后重新提交/)
    .first()
    .waitFor()
  expect(await historyCard.textContent()).toContain('广东省东莞市长安镇')
  await button(m, '开始核实').click()
  await status(m, '村级核实中')
  await guardianSees(g, '村级核实中', 'loop-guardian-mine-in-review')
  await button(m, '记录走访').click()
  for (const [question, answer] of [
    ['核实方式', '入户走访'],
    ['核实结论', '属实'],
    ['监护情况评估', '一般'],
  ]) {
    await m.getByRole('radiogroup', { name: question, exact: true }).getByRole('radio', { name: answer, exact: true }).click()
  }
  await fill(m, '走访情况记录', '见到孩子和祖母，孩子按时上学；母亲在东莞长安镇务工')
  await screenshot(m, 'loop-maoping-visit-form')
  await m.context().setOffline(true)
  await button(m, '保存走访记录').click()
  await m.getByRole('status').filter({ hasText: '走访记录已保存在手机上，联网后会自动发送' }).waitFor({ timeout: 20_000 })
  const pending = card(m, '待发送的走访记录')
  await pending.waitFor()
  await m.getByText('有1条走访记录还没有发送，联网后会自动发送').filter({ visible: true }).waitFor()
  await pending.scrollIntoViewIfNeeded()
  await screenshot(m, 'loop-maoping-visit-waiting')
  await m.context().setOffline(false) // the browser's 'online' event: the outbox sends at once
  await historyCard
    .getByText(/见到孩子和祖母/)
    .first()
    .waitFor({ timeout: 30_000 })
  await pending.waitFor({ state: 'detached' })
  await screenshot(m, 'loop-maoping-visit-sent')
  await button(m, '核实通过').click()
  await line(m, '已有1次走访记录。').waitFor()
  await button(m, '确认核实通过').click()
  await status(m, '村级已核实')
  await screenshot(m, 'loop-maoping-verified')
  await guardianSees(g, '村级已核实', 'loop-guardian-mine-verified')

  // 6. The township supervisor, at a desktop, approves; the overview counts it.
  const c = chayang.page
  await signIn(c, 'chayang', 'loop-chayang-login')
  await queueRow(c, MASKED_ID).waitFor()
  await screenshot(c, 'loop-chayang-queue')
  await queueRow(c, MASKED_ID).click()
  await status(c, '.+')
  await screenshot(c, 'loop-chayang-entry')
  await button(c, '审核通过').click()
  await button(c, '确认审核通过').click()
  await status(c, '乡镇已审核')
  await screenshot(c, 'loop-chayang-approved')
  await button(c, '统计与花名册').click()
  await line(c, '登记总数：1').waitFor()
  await screenshot(c, 'loop-chayang-overview')
  await guardianSees(g, '乡镇已审核', 'loop-guardian-mine-approved')

  // On the server: the chain as it happened, each step once.
  const token = await server.workerToken('chayang', PASSWORD)
  const history = await server.api('GET', `/api/v1/registrations/${id}/history`, { token })
  expect(history.body.items.map((e: any) => e.action)).toEqual([
    'submit',
    'return',
    'edit',
    'start_review',
    'record_visit',
    'verify',
    'approve',
  ])
  expect(history.body.items[1]).toMatchObject({ reason: '母亲务工地点请写到镇（街道）', fields: ['parents.mother.workPlace'] })
  expect(history.body.items[4].visit).toMatchObject({ method: 'home', conclusion: 'true', guardianshipAssessment: 'fair' })
  for (const p of [guardian, maoping, zuobi, chayang]) expect(p.errors).toEqual([])
  console.log(`e2e worker loop: ${((Date.now() - t0) / 1000).toFixed(1)} s`)
})
