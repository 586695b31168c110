/**
 * Counts by category × status (and by village), and the roster read back from the .xlsx: the columns of
 * the national 花名册, labels instead of codes, the verifier and the date, the visit's assessment.
 */
import ExcelJS from 'exceljs'
import { ROSTER_COLUMNS } from '../../server/src/services/roster'
import { BACKENDS, COUNTY, TOWNSHIP, VILLAGE_A, VILLAGE_B, VILLAGE_C, fixture, startApp, uuid, type TestApp } from './helpers'

describe.each(BACKENDS)('stats and export (%s)', (backend) => {
  let t: TestApp
  let township: string
  const ids: Record<string, string> = {}
  beforeAll(async () => {
    t = await startApp(backend)
    const guardian = await t.guardian()
    // left-behind and disability live in 茅坪 (A), orphan in 左弼 (B), de-facto-unsupported in 大觉 (C).
    for (const name of ['left-behind', 'disability', 'orphan', 'de-facto-unsupported']) {
      ids[name] = uuid()
      expect((await t.put(guardian, ids[name], fixture(name))).statusCode).toBe(201)
    }
    const withdrawn = uuid()
    const extra = fixture('left-behind')
    extra.child.residenceAddress = '茅坪村另一处'
    await t.put(guardian, withdrawn, extra)
    await t.req('POST', `/api/v1/registrations/${withdrawn}/withdraw`, { token: guardian })
    const village = await t.worker('village_worker', VILLAGE_A, 'maoping')
    await t.app.db.updateTable('users').set({ display_name: '张主任' }).where('username', '=', 'maoping').execute()
    await t.review(village, ids['left-behind'], { action: 'start_review', visit: { date: '2026-11-03', method: 'home', conclusion: 'true', guardianshipAssessment: 'fair' } })
    await t.review(village, ids['left-behind'], { action: 'verify' })
    township = await t.worker('township_supervisor', TOWNSHIP)
  })
  afterAll(() => t.close())

  test('township stats: by status, by category × status, by village', async () => {
    const res = await t.req('GET', '/api/v1/stats', { token: township })
    expect(res.statusCode).toBe(200)
    const s = res.json()
    expect(s.region).toEqual({ code: TOWNSHIP, name: '广东省梅州市大埔县茶阳镇' })
    expect(s.total).toBe(5)
    expect(s.byStatus).toMatchObject({ submitted: 3, verified: 1, withdrawn: 1, confirmed: 0 })
    expect(s.byCategory.left_behind).toMatchObject({ verified: 1, withdrawn: 1, submitted: 0 })
    expect(s.byCategory.orphan).toMatchObject({ submitted: 1 })
    expect(s.byCategory.de_facto_unsupported).toMatchObject({ submitted: 1 })
    expect(s.byCategory.difficulty.submitted).toBeGreaterThanOrEqual(1)
    expect(s.byVillage).toEqual([
      { code: VILLAGE_A, name: '茅坪村委会', total: 3, byStatus: expect.objectContaining({ submitted: 1, verified: 1, withdrawn: 1 }) },
      { code: VILLAGE_B, name: '左弼村委会', total: 1, byStatus: expect.objectContaining({ submitted: 1 }) },
      { code: VILLAGE_C, name: '大觉村委会', total: 1, byStatus: expect.objectContaining({ submitted: 1 }) },
    ])
    const county = await t.worker('county_admin', COUNTY)
    const one = (await t.req('GET', `/api/v1/stats?region=${VILLAGE_B}`, { token: county })).json()
    expect(one.total).toBe(1)
    expect(one.byVillage).toBeUndefined()
    expect((await t.req('GET', '/api/v1/stats?region=44x', { token: county })).statusCode).toBe(400)
  })

  test('the roster: national column layout, labels, verifier, assessment; withdrawn left out', async () => {
    const res = await t.req('GET', '/api/v1/export.xlsx', { token: township })
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="roster-441422101-\d{4}-\d{2}-\d{2}\.xlsx"; filename\*=UTF-8''/)
    expect(res.headers['cache-control']).toBe('no-store')
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(res.rawPayload as never)
    const ws = wb.getWorksheet('花名册')!
    expect(String(ws.getCell(1, 1).value)).toMatch(/^广东省梅州市大埔县茶阳镇农村留守儿童和困境儿童信息花名册（\d{4}-\d{2}-\d{2}）$/)
    expect((ws.getRow(2).values as unknown[]).slice(1)).toEqual([...ROSTER_COLUMNS])
    expect(ws.rowCount).toBe(2 + 4)
    const row = (i: number) => Object.fromEntries(ROSTER_COLUMNS.map((c, k) => [c, ws.getRow(i).getCell(k + 1).value]))
    const rows = [3, 4, 5, 6].map(row)
    expect(rows.map((r) => r['序号'])).toEqual([1, 2, 3, 4])
    const chen = rows.find((r) => r['姓名'] === '陈小明')!
    expect(chen).toMatchObject({
      性别: '男', 民族: '汉族', 出生日期: '2015-03-08', 身份证号码: '441422201503081230',
      户籍地: '广东省梅州市大埔县茶阳镇茅坪村委会', 现居住地: '广东省梅州市大埔县茶阳镇茅坪村委会茅坪村上屋12号',
      就学情况: '小学', 身体状况: '健康',
      父亲姓名: '陈国强', '父亲情况（务工地点）': '外出务工（广东省深圳市）', 父亲联系电话: '13800138001',
      母亲姓名: '李秀英', '母亲情况（务工地点）': '外出务工（广东省东莞市）',
      监护类型: '委托他人照料', 委托照护人: '陈桂英（祖母，13711112222）', 监护情况评估: '一般',
      儿童类别: '农村留守儿童', 状态: '村级已核实', 核实人: '张主任',
    })
    expect(chen['核实日期']).toMatch(/^\d{4}-\d{2}-\d{2}$/)
    const liu = rows.find((r) => r['姓名'] === '刘小军')!
    expect(String(liu['身体状况'])).toContain('残疾')
    expect(liu['状态']).toBe('已提交')
    expect(liu['核实人']).toBe('')
    expect(rows.map((r) => r['姓名']).sort()).toEqual(['刘小军', '张小芳', '陈小明', '黄小丽'].sort())
    // ID numbers are text cells: Excel must not turn them into 4.41E+17.
    expect(typeof chen['身份证号码']).toBe('string')
  })
})
