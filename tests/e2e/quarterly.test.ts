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
import { badge, consentAndSubmit, expectStep, fill, fillChild, fillFamilySteps, next } from './by-label'
import { idNumber, phoneStorage } from './guardian-pages'
import { card, listReady, signIn as signInAs, statusLine } from './worker-pages'

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
  await badge(g, '已提交').waitFor({ timeout: 30_000 })
  await g.getByRole('button', { name: '再登记一个孩子（兄弟姐妹）' }).click()
  await fillChild(g, { name: '陈小红', id: idNumber('441422', '2017-06-12', '002'), address: '茅坪村上屋12号' })
  for (let n = 1; n <= 4; n++) await next(g)
  await consentAndSubmit(g)
  await badge(g, '已提交').waitFor({ timeout: 30_000 })
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

/** 我的登记 refreshed from the server, then the registration's page, whose badge shows what the phone now knows. */
async function openRecord(g: Page, id: string, label: string) {
  await g.goto(`${server.url}/#/pages/mine/index`)
  await g.getByRole('button', { name: '刷新', exact: true }).click()
  await g
    .getByText(/^已从服务器更新/)
    .filter({ visible: true })
    .waitFor({ timeout: 30_000 })
  await g.goto(`${server.url}/#/register/record/index?id=${id}`)
  // 我的登记 (a badge for each child) leaves the screen; the record's page has this child's badge only.
  await g.getByRole('button', { name: '刷新', exact: true }).waitFor({ state: 'hidden' })
  await badge(g, label).waitFor({ timeout: 30_000 })
}

async function signIn(page: Page, username: string) {
  await signInAs(page, server.url, username, PASSWORD)
  await listReady(page)
}

/** A worker opens the record and takes the step: the button, then the panel's confirmation. */
async function step(page: Page, id: string, button: string, confirmLabel: string, after: string) {
  await page.goto(`${server.url}/#/worker/entry/index?id=${id}`)
  await statusLine(page, '.+').waitFor()
  await page.getByRole('button', { name: button, exact: true }).click()
  await page.getByRole('button', { name: confirmLabel, exact: true }).click()
  await statusLine(page, after).waitFor()
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
  // The quarter's card on the page on screen, by its title 「2026年第4季度情况确认」.
  const quarterCard = () =>
    g
      .getByText(/季度情况确认$/)
      .filter({ visible: true })
      .locator('..')
  await quarterCard().getByText('有没有变化').waitFor()
  await screenshot(g, 'quarterly-guardian-question')
  await checkA11y(g, 'quarterly: the guardian’s question', { taroPageScroll: 'known' })
  await g.getByRole('button', { name: '没有变化', exact: true }).click()
  await quarterCard().getByText('您已确认本季度没有变化').waitFor()
  await screenshot(g, 'quarterly-guardian-unchanged')
  await checkA11y(g, 'quarterly: answered 没有变化', { taroPageScroll: 'known' })
  const answered = await server.api('GET', `/api/v1/review/quarterly`, { token: tokens.maoping })
  expect(answered.body.pending.map((p: { id: string }) => p.id)).toEqual([changed])

  // 2. The second child: 有变化 opens the record in the wizard; the mother now works in 广州.
  await openRecord(g, changed, '县级已确认')
  await g.getByRole('button', { name: '有变化，去更新', exact: true }).click()
  await expectStep(g, 1, '儿童信息')
  await g.getByRole('alert').filter({ hasText: '更新孩子和家里的情况' }).waitFor()
  await checkA11y(g, 'quarterly: the update in the wizard', { taroPageScroll: 'known' })
  await next(g)
  await expectStep(g, 2, '父母情况')
  await fill(g, '母亲务工地点（省、市）', '广东省广州市')
  for (let n = 2; n <= 4; n++) await next(g)
  await expectStep(g, 5, '确认提交')
  await g.getByRole('checkbox', { name: /同意/ }).click()
  await g.getByRole('button', { name: '同意并提交', exact: true }).click()
  // The record's page replaces the wizard; Taro keeps the page the wizard was opened from below it, hidden.
  await quarterCard().getByText('您已在本季度提交更新').waitFor({ timeout: 30_000 })
  await badge(g, '变更待村级核实').waitFor()
  await screenshot(g, 'quarterly-guardian-updated')

  // 3. Village → township → county, each in their own pages.
  const m = await person()
  await signIn(m, 'maoping')
  await step(m, changed, '变更核实通过', '确认变更核实通过', '变更待乡镇审核')
  const history = card(m, '处理记录')
  await history
    .getByText(/提交变更/)
    .first()
    .waitFor()
  expect(await history.textContent()).toContain('广东省广州市')
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
  await card(g, '处理记录')
    .getByText(/广东省广州市/)
    .first()
    .waitFor({ timeout: 30_000 })
  await screenshot(g, 'quarterly-guardian-history')
  const after = await server.api('GET', `/api/v1/registrations/${changed}`, { token: tokens.maoping })
  expect(after.body).toMatchObject({ status: 'confirmed', record: { parents: { mother: { workPlace: '广东省广州市' } } } })
})
