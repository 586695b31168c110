/**
 * Accounts end to end (docs/accounts.md), in headless Chromium against the real server and the H5 build:
 * a county administrator imports 50 workers from an .xlsx with two bad rows — the preview names both and
 * nothing is written — fixes the sheet, imports it and downloads the one-time passwords; one new village
 * worker signs in on their own phone, is made to set a password and then sees their village's list; the
 * administrator disables them and the worker's open session stops at its next request.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import type { Page } from 'playwright-core'
import { countyRoster, importSheet } from '../fixtures/import-sheet'
import { checkA11y } from './axe'
import { launchBrowser, screenshot, startServer, type TestBrowser, type TestServer } from './harness'
import { line, listReady, signIn as signInAs } from './worker-pages'

jest.setTimeout(300_000)

const ADMIN_PASSWORD = 'e2e-county-admin-1'
let server: TestServer
const browsers: TestBrowser[] = []
const dir = mkdtempSync(join(tmpdir(), 'hutong-e2e-import-'))

beforeAll(async () => {
  server = await startServer()
  await server.addWorker({ username: 'dabu.admin', password: ADMIN_PASSWORD, role: 'county_admin', region: '441422', name: '大埔县民政局' })
})
afterAll(async () => {
  for (const b of browsers) await b.close()
  await server?.dispose()
})

async function phone(): Promise<Page> {
  const browser = await launchBrowser()
  browsers.push(browser)
  return browser.newPage()
}

const signIn = (page: Page, username: string, password: string) => signInAs(page, server.url, username, password)
const button = (page: Page, name: string) => page.getByRole('button', { name, exact: true })
const status = (page: Page, text: string) => page.getByRole('status').filter({ hasText: text })

/** Chooses a file for the import card's file input and waits for the preview's summary 「共n行，…」. */
async function chooseSheet(page: Page, path: string) {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), button(page, '选择表格文件').click()])
  await chooser.setFiles(path)
  await page.getByText(/^共\d+行，/).waitFor({ timeout: 60_000 })
}

/** A row of the preview with problems: its line 「第n行 name phone」 and the problems under it. */
const previewRow = (page: Page, row: number) => page.getByText(new RegExp(`^第${row}行\u3000`)).locator('..')

test('import with a preview, one-time passwords, first sign-in, disabling ends the session', async () => {
  const rows = countyRoster(50)
  // Two bad rows: a village that 茶阳镇 does not have, and the first row's phone number again.
  const bad = rows.map((r) => [...r])
  bad[10] = [bad[10][0], bad[10][1], '儿童主任', '', '茶阳镇', '桃花源村']
  bad[20] = [bad[20][0], rows[0][1], '儿童主任', '', '茶阳镇', '茅坪村委会']
  const badPath = join(dir, '大埔县儿童主任名单.xlsx')
  const goodPath = join(dir, '大埔县儿童主任名单（改正）.xlsx')
  writeFileSync(badPath, await importSheet(bad))
  writeFileSync(goodPath, await importSheet(rows))

  const admin = await phone()
  await signIn(admin, 'dabu.admin', ADMIN_PASSWORD)
  await listReady(admin)
  await button(admin, '账号管理').click()
  await line(admin, '共0个账号').waitFor()

  await chooseSheet(admin, badPath)
  await admin.getByText(/^共50行，其中2行有问题/).waitFor()
  // Sheet rows are numbered from the heading (row 1): roster rows 10 and 20 are sheet rows 12 and 22.
  expect(await previewRow(admin, 12).textContent()).toContain('茶阳镇没有“桃花源村”这个村（社区）')
  expect(await previewRow(admin, 22).textContent()).toContain('手机号与第2行重复')
  expect(await admin.getByRole('button', { name: /^导入\d+个账号$/ }).count()).toBe(0)
  await screenshot(admin, 'accounts-import-preview-problems')
  const token = await server.workerToken('dabu.admin', ADMIN_PASSWORD)
  expect((await server.api('GET', '/api/v1/accounts', { token })).body.items).toHaveLength(0)

  await chooseSheet(admin, goodPath)
  await admin.getByText(/^共50行，没有发现问题/).waitFor()
  await button(admin, '导入50个账号').click()
  await status(admin, '已创建50个账号').waitFor({ timeout: 120_000 })
  await line(admin, '共50个账号').waitFor()
  await screenshot(admin, 'accounts-imported')
  const [file] = await Promise.all([admin.waitForEvent('download'), button(admin, '下载初始密码表').click()])
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(readFileSync(await file.path()) as never)
  const sheet = wb.worksheets[0]
  const passwords = new Map<string, string>()
  for (let r = 2; r <= 51; r++) passwords.set(sheet.getRow(r).getCell(2).text, sheet.getRow(r).getCell(5).text)
  expect(passwords.size).toBe(50)
  await status(admin, '初始密码表已下载').waitFor()

  // The second roster row: 儿童主任 of 左弼村委会, 茶阳镇 (by names in the sheet).
  const workerPhone = String(rows[1][1])
  const worker = await phone()
  await signIn(worker, workerPhone, passwords.get(workerPhone)!)
  // 修改密码 first: the one-time password is asked for as 初始密码.
  const current = worker.getByLabel('初始密码', { exact: true })
  await current.waitFor()
  await screenshot(worker, 'accounts-first-sign-in')
  await current.fill(passwords.get(workerPhone)!)
  await worker.getByLabel('新密码', { exact: true }).fill('Zuobi-village-2026')
  await worker.getByLabel('再输入一次新密码', { exact: true }).fill('Zuobi-village-2026')
  await button(worker, '确认修改').click()
  await listReady(worker)
  expect(await worker.getByText(/^管辖地区：/).textContent()).toContain('茶阳镇左弼村委会')
  await screenshot(worker, 'accounts-village-queue')

  // The administrator disables the account; the worker's next request ends their session.
  await admin.getByLabel('按姓名、手机号或地区查找', { exact: true }).fill(workerPhone)
  await line(admin, '共1个账号').waitFor()
  await button(admin, '停用').click()
  // The confirmation box is an alert dialog named by its title, with its words as buttons (src/platform/h5-modal.ts).
  const question = admin.getByRole('alertdialog', { name: '请确认' })
  await question.getByRole('button', { name: '确定', exact: true }).waitFor()
  await checkA11y(admin, 'the confirmation box')
  await question.getByRole('button', { name: '确定', exact: true }).click()
  await line(admin, workerPhone).locator('..').getByText('已停用', { exact: true }).waitFor()
  await screenshot(admin, 'accounts-disabled')
  await worker.getByRole('radiogroup', { name: '状态' }).getByRole('radio', { name: '全部状态' }).click()
  await button(worker, '登录').waitFor()
  await screenshot(worker, 'accounts-signed-out')
  expect(
    (await server.api('POST', '/api/v1/auth/worker-login', { body: { username: workerPhone, password: 'Zuobi-village-2026' } })).status,
  ).toBe(401)
})
