/**
 * Bulk import of worker accounts from an .xlsx sheet (docs/accounts.md, "Bulk import"): the preview names
 * every bad row in Chinese and writes nothing, a sheet with problems is refused whole, a good one creates
 * every account in one go, and the one-time passwords come back once as a sheet.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { countyRoster, importSheet } from '../fixtures/import-sheet'
import { BACKENDS, COUNTY, startApp, type TestApp } from './helpers'

jest.setTimeout(120_000)

describe.each(BACKENDS)('account import (%s)', (backend) => {
  let t: TestApp
  let county: string
  beforeAll(async () => {
    t = await startApp(backend)
    county = await t.worker('county_admin', COUNTY)
  })
  afterAll(() => t.close())

  const post = (path: string, file: Buffer, token = county) =>
    t.req('POST', `/api/v1/accounts/import${path}`, { token, body: { file: file.toString('base64') } })

  test('every problem of every row, in Chinese, and nothing written', async () => {
    await t.worker('village_worker', '441422101200', '13700000009')
    const sheet = await importSheet([
      ['好人', '13700000001', '儿童主任', '441422101200', '', ''],
      ['', '1370000', '村长', '', '茶阳镇', '不存在村'],
      ['重复', '13700000001', '儿童主任', '441403001001', '', ''],
      ['已有', '13700000009', '儿童督导员', '441422101200', '', ''],
      ['乡镇错', '13700000003', '儿童主任', '', '没有镇', ''],
      ['县级', '13700000004', '县级民政', '441422', '', ''],
    ])
    const users = await t.count('users')
    const res = await post('/preview', sheet)
    expect(res.statusCode).toBe(200)
    const { rows, bad } = res.json()
    expect(bad).toBe(5)
    expect(rows.map((r: { row: number; problems: string[] }) => [r.row, r.problems])).toEqual([
      [2, []],
      [3, ['缺少姓名', '手机号“1370000”不是11位手机号', '不认识的角色“村长”', '茶阳镇没有“不存在村”这个村（社区）']],
      [4, ['手机号与第2行重复', '辖区不在您管理的地区内']],
      [5, ['这个手机号已有账号', '乡镇(街道)儿童督导员的辖区应为乡镇（街道）']],
      [6, ['本县没有“没有镇”这个乡镇（街道）']],
      [7, ['无权管理“县级民政”账号']],
    ])
    const refused = await post('', sheet)
    expect(refused.statusCode).toBe(422)
    expect(refused.json().error.message).toBe('有5行需要修改，没有创建任何账号')
    expect(refused.json().error.current.bad).toBe(5)
    expect(await t.count('users')).toBe(users)
  })

  test('a good sheet creates every account at once; the passwords come back once and sign in', async () => {
    const users = await t.count('users')
    const res = await post('', await importSheet(countyRoster(50)))
    expect(res.statusCode).toBe(201)
    expect(res.json().created).toBe(50)
    expect(await t.count('users')).toBe(users + 50)
    const batch = res.json().batch
    const url = `/api/v1/accounts/import/${batch}/passwords.xlsx`
    // Not for another administrator; then once for the one who imported.
    expect((await t.req('GET', url, { token: await t.worker('county_admin', COUNTY) })).statusCode).toBe(404)
    const sheet = await t.req('GET', url, { token: county })
    expect(sheet.statusCode).toBe(200)
    expect((await t.req('GET', url, { token: county })).statusCode).toBe(404)
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(sheet.rawPayload as never)
    const ws = wb.worksheets[0]
    expect(ws.getRow(1).values).toEqual([undefined, '姓名', '手机号（用户名）', '角色', '辖区', '初始密码'])
    const second = ws.getRow(3)
    const login = await t.req('POST', '/api/v1/auth/worker-login', {
      body: { username: second.getCell(2).text, password: second.getCell(5).text },
    })
    expect(login.statusCode).toBe(200)
    expect(login.json().user).toMatchObject({
      role: 'village_worker',
      regionName: expect.stringContaining('茶阳镇'),
      mustChangePassword: true,
    })
    const audits = await t.app.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', 'in', ['account_import', 'account_create', 'account_import_passwords'])
      .execute()
    expect(audits.filter((a) => a.action === 'account_import')).toHaveLength(1)
    expect(audits.filter((a) => a.action === 'account_import_passwords')).toHaveLength(1)
    // The same sheet again: every number is taken now, and nothing more is written.
    const again = await post('', await importSheet(countyRoster(50)))
    expect(again.statusCode).toBe(422)
    expect(again.json().error.current.bad).toBe(50)
  })

  test('the example sheet in docs/examples previews without a problem; a file that is no sheet is refused', async () => {
    const example = readFileSync(join(__dirname, '..', '..', 'docs', 'examples', 'worker-import.xlsx'))
    const res = await post('/preview', example)
    expect(res.json()).toMatchObject({ bad: 0 })
    expect(res.json().rows).toHaveLength(4)
    const notXlsx = await post('/preview', Buffer.from('姓名,手机号\n张三,13800000000'))
    expect(notXlsx.statusCode).toBe(400)
    expect(notXlsx.json().error.message).toContain('不是有效的 .xlsx 文件')
    const noHeadings = await post('/preview', await importSheet([['张三', '13800000000']], ['名字', '电话']))
    expect(noHeadings.json().error.message).toContain('第1行应为表头')
    expect((await post('/preview', example, await t.worker('village_worker', '441422101200'))).statusCode).toBe(403)
  })
})
