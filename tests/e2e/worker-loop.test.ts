/**
 * The whole loop, end to end, in headless Chromium against the real server and the H5 build, one browser
 * profile per person (a phone each; the township supervisor at a desktop):
 * a guardian submits; the village worker of that village sees it and the worker of the neighbouring village
 * does not; the village worker returns it with a reason and a ticked field; the guardian reads the reason,
 * fixes and resubmits; the village worker starts the review, records a home visit and verifies; the township
 * supervisor approves. The guardian's 我的登记 follows at every step. Every screen passed is saved under
 * test-results/screenshots/ (scoped to `#mine-list`: Taro H5 keeps the home page, with the same ids, under it).
 */
import type { Page } from 'playwright-core'
import { launchBrowser, screenshot, startServer, type TestBrowser, type TestServer } from './harness'
import { consentAndSubmit, expectStep, fillChild, fillFamilySteps, next, phoneStorage, type } from './guardian-pages'

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
  await page.goto(`${server.url}/#/worker/login/index`)
  await page.locator('#worker-login').waitFor()
  await page.locator('#login-username input').fill(username)
  await page.locator('#login-password input').fill(PASSWORD)
  await screenshot(page, shot)
  await page.locator('#login-submit').click()
  await page.locator('#queue-filters').waitFor()
  await page.getByText('正在加载…').waitFor({ state: 'detached' })
}

const statusLine = (page: Page, text: string) => page.locator('#entry-status-line', { hasText: text }).waitFor()

/** The guardian's 我的登记, refreshed from the server, shows this status for the registration. */
async function guardianSees(page: Page, id: string, label: string, shot: string) {
  await page.goto(`${server.url}/#/pages/mine/index`)
  await page.locator('#mine-list').waitFor()
  await page.locator('#mine-refresh').click()
  await page.locator(`#mine-list #badge-${id}`, { hasText: label }).waitFor({ timeout: 30_000 })
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
  await g.locator('#home-start').waitFor()
  await screenshot(g, 'loop-guardian-home')
  await g.locator('#home-start').click()
  await fillChild(g, { name: '陈小明', id: '441422201503081230', address: '茅坪村上屋12号' })
  await next(g)
  await fillFamilySteps(g)
  await next(g)
  await consentAndSubmit(g)
  await g.locator('#done-badge', { hasText: '已提交' }).waitFor({ timeout: 30_000 })
  await screenshot(g, 'loop-guardian-submitted')
  const [id] = (await phoneStorage(g, 'hutong:outbox')).ids as string[]
  await guardianSees(g, id, '已提交', 'loop-guardian-mine-submitted')

  // 2. The 茅坪 worker sees it (masked); the 左弼 worker neither lists nor opens it.
  const m = maoping.page
  await signIn(m, 'maoping', 'loop-maoping-login')
  await m.locator(`#queue-${id}`).waitFor()
  expect(await m.locator(`#queue-${id}`).textContent()).toContain('4414**********1230')
  await screenshot(m, 'loop-maoping-queue')
  const z = zuobi.page
  await signIn(z, 'zuobi', 'loop-zuobi-login')
  await z.locator('#queue-empty').waitFor()
  expect(await z.locator(`#queue-${id}`).count()).toBe(0)
  await screenshot(z, 'loop-zuobi-queue-empty')
  await z.goto(`${server.url}/#/worker/entry/index?id=${id}`)
  await z.locator('#entry-error', { hasText: '找不到这条登记' }).waitFor()
  await screenshot(z, 'loop-zuobi-entry-refused')

  // 3. The 茅坪 worker opens it, reveals the ID number, and returns it with a reason and the field ticked.
  await m.locator(`#queue-${id}`).click()
  await m.locator('#record').waitFor()
  await screenshot(m, 'loop-maoping-entry')
  await m.locator('#reveal-child-idNumber').click()
  await m.locator('#row-child-idNumber', { hasText: '441422201503081230' }).waitFor()
  await m.locator('#action-return').click()
  await m.locator('#tick-parents-mother-workPlace').click()
  await m.locator('#field-reason textarea').fill('母亲务工地点请写到镇（街道）')
  await m.locator('#field-reason textarea').blur()
  await m.locator('#return-ticked', { hasText: '母亲务工地点' }).waitFor()
  await screenshot(m, 'loop-maoping-return-panel')
  await m.locator('#panel-send').click()
  await statusLine(m, '已退回')
  await screenshot(m, 'loop-maoping-returned')

  // 4. The guardian reads why, fixes the field and sends it again.
  await guardianSees(g, id, '已退回', 'loop-guardian-mine-returned')
  expect(await g.locator(`#mine-list #mine-${id}`).textContent()).toContain('母亲务工地点请写到镇（街道）')
  await g.locator(`#mine-list #mine-${id}`).getByText('去修改', { exact: true }).click()
  await expectStep(g, 2, '父母情况')
  await g.locator('#wizard-fix', { hasText: '母亲务工地点' }).waitFor()
  await screenshot(g, 'loop-guardian-fix')
  await type(g, 'parents.mother.workPlace', '广东省东莞市长安镇')
  for (let step = 2; step < 5; step++) await next(g)
  await consentAndSubmit(g)
  await g.locator('#done-badge', { hasText: '已提交' }).waitFor({ timeout: 30_000 })
  await screenshot(g, 'loop-guardian-resubmitted')
  await guardianSees(g, id, '已提交', 'loop-guardian-mine-resubmitted')

  // 5. The 茅坪 worker finds it back in the list, starts the review, records the home visit with no signal
  //    (kept in the outbox, sent when the network returns) and verifies.
  await m.locator('#nav-queue >> visible=true').click()
  await m.locator(`#queue-${id}`, { hasText: '已提交' }).waitFor()
  await screenshot(m, 'loop-maoping-queue-resubmitted')
  await m.locator(`#queue-${id}`).click()
  await m.locator('#entry-history', { hasText: '修改后重新提交' }).waitFor()
  expect(await m.locator('#entry-history').textContent()).toContain('广东省东莞市长安镇')
  await m.locator('#action-start_review').click()
  await statusLine(m, '村级核实中')
  await guardianSees(g, id, '村级核实中', 'loop-guardian-mine-in-review')
  await m.locator('#action-record_visit').click()
  for (const [field, label] of [
    ['visit-method', '入户走访'],
    ['visit-conclusion', '属实'],
    ['visit-guardianshipAssessment', '一般'],
  ]) {
    await m.locator(`#field-${field}`).getByText(label, { exact: true }).click()
  }
  await m.locator('#field-visit-notes textarea').fill('见到孩子和祖母，孩子按时上学；母亲在东莞长安镇务工')
  await m.locator('#field-visit-notes textarea').blur()
  await screenshot(m, 'loop-maoping-visit-form')
  await m.context().setOffline(true)
  await m.locator('#visit-save').click()
  await m.locator('#actions-notice', { hasText: '走访记录已保存在手机上，联网后会自动发送' }).waitFor({ timeout: 20_000 })
  await m.locator('#entry-pending').waitFor()
  await m.locator('#worker-waiting >> visible=true').waitFor()
  await m.locator('#entry-pending').scrollIntoViewIfNeeded()
  await screenshot(m, 'loop-maoping-visit-waiting')
  await m.context().setOffline(false) // the browser's 'online' event: the outbox sends at once
  await m.locator('#entry-history', { hasText: '见到孩子和祖母' }).waitFor({ timeout: 30_000 })
  await m.locator('#entry-pending').waitFor({ state: 'detached' })
  await screenshot(m, 'loop-maoping-visit-sent')
  await m.locator('#action-verify').click()
  await m.locator('#panel-verify', { hasText: '已有1次走访记录' }).waitFor()
  await m.locator('#panel-send').click()
  await statusLine(m, '村级已核实')
  await screenshot(m, 'loop-maoping-verified')
  await guardianSees(g, id, '村级已核实', 'loop-guardian-mine-verified')

  // 6. The township supervisor, at a desktop, approves; the overview counts it.
  const c = chayang.page
  await signIn(c, 'chayang', 'loop-chayang-login')
  await c.locator(`#queue-${id}`).waitFor()
  await screenshot(c, 'loop-chayang-queue')
  await c.locator(`#queue-${id}`).click()
  await c.locator('#record').waitFor()
  await screenshot(c, 'loop-chayang-entry')
  await c.locator('#action-approve').click()
  await c.locator('#panel-send').click()
  await statusLine(c, '乡镇已审核')
  await screenshot(c, 'loop-chayang-approved')
  await c.locator('#nav-overview >> visible=true').click()
  await c.locator('#overview-total', { hasText: '登记总数：1' }).waitFor()
  await screenshot(c, 'loop-chayang-overview')
  await guardianSees(g, id, '乡镇已审核', 'loop-guardian-mine-approved')

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
