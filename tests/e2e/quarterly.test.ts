/**
 * 动态更新 end to end, in headless Chromium against the real server and the H5 build
 * (docs/lifecycle.md, "Quarterly updates"): a guardian registers two children through the wizard; the county
 * confirms both (through the API, the review loop has its own e2e test). On the first child's page the guardian
 * confirms 没有变化 with one tap. For the second the guardian changes the mother's place of work through the
 * wizard; the change goes village → township → county in the workers' pages, and the history shows what changed.
 * Controls are found by their role and label; axe runs on each new screen (serious or critical findings fail).
 */
import type { Page } from 'playwright-core'
import { checkA11y } from './axe'
import { launchBrowser, screenshot, startServer, type TestBrowser, type TestServer } from './harness'
import { consentAndSubmit, expectStep, fillChild, fillFamilySteps, idNumber, next, phoneStorage, type } from './guardian-pages'

jest.setTimeout(300_000)

const PASSWORD = 'e2e-password-1'
const WORKERS = [
  { username: 'maoping', role: 'village_worker', region: '441422101200', name: '茅坪村儿童主任' },
  { username: 'chayang', role: 'township_supervisor', region: '441422101', name: '茶阳镇儿童督导员' },
  { username: 'dabu', role: 'county_admin', region: '441422', name: '大埔县民政局' },
] as const

let server: TestServer
const browsers: TestBrowser[] = []
beforeAll(async () => {
  server = await startServer()
  for (const w of WORKERS) await server.addWorker({ ...w, password: PASSWORD })
})
afterAll(async () => {
  for (const b of browsers) await b.close()
  await server?.dispose()
})

async function person(viewport?: { width: number; height: number }): Promise<Page> {
  const browser = await launchBrowser(viewport)
  browsers.push(browser)
  return browser.newPage()
}

/** The guardian's two children through the wizard: the second a sister, the family steps copied. */
async function registerTwo(g: Page): Promise<[string, string]> {
  await g.goto(`${server.url}/`)
  await g.getByRole('button', { name: '开始登记一个孩子' }).click()
  await fillChild(g, { name: '陈小明', id: '441422201503081230', address: '茅坪村上屋12号' })
  await next(g)
  await fillFamilySteps(g)
  await next(g)
  await consentAndSubmit(g)
  await g.locator('#done-badge', { hasText: '已提交' }).waitFor({ timeout: 30_000 })
  await g.getByRole('button', { name: '再登记一个孩子（兄弟姐妹）' }).click()
  await fillChild(g, { name: '陈小红', id: idNumber('441422', '2017-06-12', '002'), address: '茅坪村上屋12号' })
  for (let n = 1; n <= 4; n++) await next(g)
  await consentAndSubmit(g)
  await g.locator('#done-badge', { hasText: '已提交' }).waitFor({ timeout: 30_000 })
  const ids = (await phoneStorage(g, 'hutong:outbox')).ids as string[]
  expect(ids).toHaveLength(2)
  return [ids[0], ids[1]]
}

async function confirm(id: string, tokens: Record<string, string>) {
  for (const [who, action] of [
    ['maoping', 'start_review'],
    ['maoping', 'verify'],
    ['chayang', 'approve'],
    ['dabu', 'confirm'],
  ] as const) {
    const res = await server.api('POST', `/api/v1/registrations/${id}/review`, { token: tokens[who], body: { action } })
    expect(res.status).toBe(200)
  }
}

async function openRecord(g: Page, id: string, badge: string) {
  await g.goto(`${server.url}/#/pages/mine/index`)
  await g.locator('#mine-list').waitFor()
  await g.locator('#mine-refresh').click()
  await g.locator(`#mine-list #badge-${id}`, { hasText: badge }).waitFor({ timeout: 30_000 })
  await g.goto(`${server.url}/#/register/record/index?id=${id}`)
}

async function signIn(page: Page, username: string) {
  await page.goto(`${server.url}/#/worker/login/index`)
  await page.locator('#login-username input').fill(username)
  await page.locator('#login-password input').fill(PASSWORD)
  await page.locator('#login-submit').click()
  await page.locator('#queue-filters').waitFor()
}

/** A worker opens the record and takes the step: the button, then the panel's confirmation. */
async function step(page: Page, id: string, button: string, confirmLabel: string, after: string) {
  await page.goto(`${server.url}/#/worker/entry/index?id=${id}`)
  await page.locator('#record').waitFor()
  await page.getByRole('button', { name: button, exact: true }).click()
  await page.getByRole('button', { name: confirmLabel, exact: true }).click()
  await page.locator('#entry-status-line', { hasText: after }).waitFor()
}

test('没有变化 with one tap; a change goes village → township → county, and the history shows it', async () => {
  const g = await person()
  const [unchanged, changed] = await registerTwo(g)
  const tokens: Record<string, string> = {}
  for (const w of WORKERS) tokens[w.username] = await server.workerToken(w.username, PASSWORD)
  await confirm(unchanged, tokens)
  await confirm(changed, tokens)

  // 1. The first child: the quarter's question, answered with one tap.
  await openRecord(g, unchanged, '县级已确认')
  const card = g.locator('#record-quarterly')
  await card.getByText('有没有变化').waitFor()
  await screenshot(g, 'quarterly-guardian-question')
  await checkA11y(g, 'quarterly: the guardian’s question', { taroPageScroll: 'known' })
  await g.getByRole('button', { name: '没有变化', exact: true }).click()
  await card.getByText('您已确认本季度没有变化').waitFor()
  await screenshot(g, 'quarterly-guardian-unchanged')
  await checkA11y(g, 'quarterly: answered 没有变化', { taroPageScroll: 'known' })
  const answered = await server.api('GET', `/api/v1/review/quarterly`, { token: tokens.maoping })
  expect(answered.body.pending.map((p: { id: string }) => p.id)).toEqual([changed])

  // 2. The second child: 有变化 opens the record in the wizard; the mother now works in 广州.
  await openRecord(g, changed, '县级已确认')
  await g.getByRole('button', { name: '有变化，去更新', exact: true }).click()
  await expectStep(g, 1, '儿童信息')
  await g.locator('#wizard-fix', { hasText: '更新孩子和家里的情况' }).waitFor()
  await checkA11y(g, 'quarterly: the update in the wizard', { taroPageScroll: 'known' })
  await next(g)
  await expectStep(g, 2, '父母情况')
  await type(g, 'parents.mother.workPlace', '广东省广州市')
  for (let n = 2; n <= 4; n++) await next(g)
  await expectStep(g, 5, '确认提交')
  await g.locator('#consent-checkbox').click()
  await g.locator('#submit').click()
  // The record's page replaces the wizard; Taro keeps the page the wizard was opened from below it.
  await g.locator('#record-quarterly').last().getByText('您已在本季度提交更新').waitFor({ timeout: 30_000 })
  await g.locator('#record-badge', { hasText: '变更待村级核实' }).last().waitFor()
  await screenshot(g, 'quarterly-guardian-updated')

  // 3. Village → township → county, each in their own pages.
  const m = await person()
  await signIn(m, 'maoping')
  await step(m, changed, '变更核实通过', '确认变更核实通过', '变更待乡镇审核')
  await m.locator('#entry-history', { hasText: '提交变更' }).waitFor()
  expect(await m.locator('#entry-history').textContent()).toContain('广东省广州市')
  await screenshot(m, 'quarterly-village-history')
  await checkA11y(m, 'quarterly: the worker’s record with the change', { taroPageScroll: 'known' })
  const t = await person({ width: 1366, height: 900 })
  await signIn(t, 'chayang')
  await step(t, changed, '变更审核通过', '确认变更审核通过', '变更待县级确认')
  const c = await person({ width: 1366, height: 900 })
  await signIn(c, 'dabu')
  await step(c, changed, '确认变更', '确认变更', '县级已确认')
  await screenshot(c, 'quarterly-county-accepted')

  // 4. The guardian sees it confirmed, the history says what changed.
  await openRecord(g, changed, '县级已确认')
  await g.locator('#record-history', { hasText: '广东省广州市' }).last().waitFor({ timeout: 30_000 })
  await screenshot(g, 'quarterly-guardian-history')
  const after = await server.api('GET', `/api/v1/registrations/${changed}`, { token: tokens.maoping })
  expect(after.body).toMatchObject({ status: 'confirmed', record: { parents: { mother: { workPlace: '广东省广州市' } } } })
})
