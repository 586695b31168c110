/**
 * The official paperwork in a real browser against the real server: the village worker of 茅坪村 opens a
 * registration and downloads its 一人一表 (a PDF with the record in the 2016 national layout), then the
 * application of a 事实无人抚养 child; the township supervisor of 茶阳镇 exports the township's 花名册, which
 * has a summary and one sheet per village, each with the form's header and footer. The downloaded PDFs'
 * first pages are rendered into test-results/screenshots/ beside the screens.
 */
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import pdfParse from 'pdf-parse/lib/pdf-parse.js'
import type { Page } from 'playwright-core'
import { SCREENSHOTS, launchBrowser, screenshot, startServer, type TestBrowser, type TestServer } from './harness'
import { card, listReady, queueRow, signIn as signInAs } from './worker-pages'

jest.setTimeout(240_000)

const VILLAGE = '441422101200' // 茅坪村委会
const NEIGHBOUR = '441422101201' // 左弼村委会
const TOWNSHIP = '441422101' // 茶阳镇
const PASSWORD = 'e2e-password-2'
const FIXTURES = join(__dirname, '..', 'fixtures', 'registrations')
const APPLICATION = '下载事实无人抚养儿童基本生活补贴申请表（PDF）'

let server: TestServer
const browsers: TestBrowser[] = []
const ids: Record<string, string> = {}
beforeAll(async () => {
  server = await startServer()
  await server.addWorker({ username: 'maoping', password: PASSWORD, role: 'village_worker', region: VILLAGE, name: '茅坪村儿童主任' })
  await server.addWorker({
    username: 'chayang',
    password: PASSWORD,
    role: 'township_supervisor',
    region: TOWNSHIP,
    name: '茶阳镇儿童督导员',
  })
  const login = await server.api('POST', '/api/v1/auth/wx-login', { body: { code: 'paperwork-guardian' } })
  // 陈小明 and 张小芳 (事实无人抚养) in 茅坪村, 黄小丽 in 左弼村.
  for (const [name, village] of [
    ['left-behind', VILLAGE],
    ['de-facto-unsupported', VILLAGE],
    ['orphan', NEIGHBOUR],
  ] as const) {
    const record = JSON.parse(readFileSync(join(FIXTURES, `${name}.json`), 'utf8'))
    record.child.residenceRegion = village
    record.child.hukouRegion = village
    ids[name] = crypto.randomUUID()
    const put = await server.api('PUT', `/api/v1/registrations/${ids[name]}`, { token: login.body.token, body: record })
    expect(put.status).toBe(201)
  }
})
afterAll(async () => {
  for (const b of browsers) await b.close()
  await server?.dispose()
})

async function signIn(username: string, viewport?: { width: number; height: number }): Promise<Page> {
  const browser = await launchBrowser(viewport)
  browsers.push(browser)
  const page = await browser.newPage()
  await signInAs(page, server.url, username, PASSWORD)
  await listReady(page)
  return page
}

const button = (page: Page, name: string) => page.getByRole('button', { name, exact: true })

/** Taps a button, by its name, and returns the file the browser saved. */
async function download(page: Page, name: string): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download'), button(page, name).click()])
  const path = await file.path()
  return { name: file.suggestedFilename(), bytes: readFileSync(path) }
}

const text = async (pdf: Buffer) => (await pdfParse(pdf)).text.replace(/\s+/g, '')
function renderFirstPage(pdf: Buffer, name: string) {
  execFileSync('pdftoppm', ['-png', '-r', '110', '-f', '1', '-l', '1', '-singlefile', '-', join(SCREENSHOTS, name)], { input: pdf })
}

test("the village worker downloads a child's 一人一表 and a 事实无人抚养 application from the record page", async () => {
  const page = await signIn('maoping')
  // 陈小明's row, by his masked ID number.
  await queueRow(page, '4414**********1230').click()
  const printCard = card(page, '打印材料')
  await printCard.waitFor()
  expect(await button(page, APPLICATION).count()).toBe(0)
  await printCard.scrollIntoViewIfNeeded()
  await screenshot(page, 'paperwork-record-print-card')
  const form = await download(page, '下载一人一表（PDF）')
  expect(form.name).toMatch(/^一人一表-陈小明-\d{4}-\d{2}-\d{2}\.pdf$/)
  expect(form.bytes.subarray(0, 5).toString()).toBe('%PDF-')
  const formText = await text(form.bytes)
  expect(formText).toContain('农村留守儿童基本情况登记表')
  expect(formText).toContain('填报单位（盖章）：广东省梅州市大埔县茶阳镇茅坪村委会')
  expect(formText).toContain('姓名陈小明性别男民族汉族出生日期2015-03-08公民身份证号码441422201503081230')
  expect(formText).toContain('祖母姓名陈桂英出生日期1955-04-10')
  await page.getByRole('status').filter({ hasText: '已下载' }).waitFor()
  renderFirstPage(form.bytes, 'paperwork-registration-form-left-behind')

  await button(page, '登记列表').click()
  // 张小芳's row.
  await queueRow(page, '4414**********0266').click()
  await button(page, APPLICATION).waitFor()
  const application = await download(page, APPLICATION)
  expect(application.name).toMatch(/^事实无人抚养儿童基本生活补贴申请表-张小芳-/)
  const applicationText = await text(application.bytes)
  expect(applicationText).toContain('服刑在押（服刑开始日期：2023-05-01，刑满日期：2030-04-30）')
  expect(applicationText).toContain('父亲：人民法院刑事判决书或监狱出具的服刑证明')
  await card(page, '打印材料').scrollIntoViewIfNeeded()
  await screenshot(page, 'paperwork-record-application')
  renderFirstPage(application.bytes, 'paperwork-allowance-application-de-facto-unsupported')
})

test('the township supervisor exports the 花名册: a summary and one sheet per village, each with the header and footer', async () => {
  const page = await signIn('chayang', { width: 1366, height: 900 })
  await button(page, '统计与花名册').click()
  await card(page, '导出花名册').waitFor()
  await screenshot(page, 'paperwork-township-overview')
  const roster = await download(page, '下载花名册')
  expect(roster.name).toMatch(/^花名册-广东省梅州市大埔县茶阳镇-\d{4}-\d{2}-\d{2}\.xlsx$/)
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(roster.bytes as never)
  expect(wb.worksheets.map((w) => w.name)).toEqual(['汇总', '茅坪村委会', '左弼村委会'])
  for (const name of ['茅坪村委会', '左弼村委会']) {
    const ws = wb.getWorksheet(name)!
    expect(ws.getCell(1, 1).value).toBe('农村留守儿童和困境儿童信息花名册')
    expect(ws.getCell(2, 1).value).toBe('填报单位（盖章）：广东省梅州市大埔县茶阳镇')
    expect((ws.getRow(2).values as unknown[]).some((v) => /^填报日期：\d{4}-\d{2}-\d{2}$/.test(String(v)))).toBe(true)
    expect(ws.getCell(3, 2).value).toBe('A. 留守儿童个人基本情况')
    const footer = [...new Set((ws.getRow(ws.rowCount).values as unknown[]).filter(Boolean))]
    expect(footer).toEqual(['单位负责人：', '复核人：', '填表人：'])
  }
  expect(wb.getWorksheet('茅坪村委会')!.getCell(6, 2).value).toBe('陈小明')
  expect(wb.getWorksheet('左弼村委会')!.getCell(6, 2).value).toBe('黄小丽')
  await page.getByRole('status').filter({ hasText: '花名册已下载' }).waitFor()
  await screenshot(page, 'paperwork-township-roster-downloaded')
})
