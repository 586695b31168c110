/**
 * Counts by category × status (and by village), and the roster read back from the .xlsx: the columns of
 * the national 花名册, labels instead of codes, the verifier and the date, the visit's assessment.
 */
import ExcelJS from 'exceljs'
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
    await t.review(village, ids['left-behind'], {
      action: 'start_review',
      visit: { date: '2026-11-03', method: 'home', conclusion: 'true', guardianshipAssessment: 'fair' },
    })
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

  test('the roster: a summary sheet and one sheet per village; withdrawn left out; full numbers for the township', async () => {
    const res = await t.req('GET', '/api/v1/export.xlsx', { token: township })
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-disposition']).toMatch(
      /^attachment; filename="roster-441422101-\d{4}-\d{2}-\d{2}\.xlsx"; filename\*=UTF-8''/,
    )
    expect(res.headers['cache-control']).toBe('no-store')
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(res.rawPayload as never)
    expect(wb.worksheets.map((w) => w.name)).toEqual(['汇总', '茅坪村委会', '左弼村委会', '大觉村委会'])
    const summary = wb.getWorksheet('汇总')!
    expect(summary.getCell(1, 1).value).toBe('农村留守儿童和困境儿童信息花名册汇总表')
    expect((summary.getRow(3).values as unknown[]).slice(1)).toEqual([
      '序号',
      '村（居）',
      '登记人数',
      '农村留守儿童',
      '困境儿童',
      '事实无人抚养儿童',
      '孤儿',
    ])
    expect((summary.getRow(4).values as unknown[]).slice(1)).toEqual([1, '茅坪村委会', 2, 1, expect.any(Number), 0, 0])
    expect((summary.getRow(7).values as unknown[]).slice(2, 4)).toEqual(['合计', 4])
    const names = (ws: ExcelJS.Worksheet) => Array.from({ length: ws.rowCount - 7 }, (_, i) => ws.getCell(6 + i, 2).value)
    expect(names(wb.getWorksheet('茅坪村委会')!)).toEqual(['陈小明', '刘小军'])
    expect(names(wb.getWorksheet('左弼村委会')!)).toEqual(['黄小丽'])
    const maoping = wb.getWorksheet('茅坪村委会')!
    expect(maoping.getCell(6, 6).value).toBe('441422201503081230')
    // The ID number's cell stays text (Excel must not show 4.41422E+17) and every body cell is ruled.
    expect(maoping.getCell(6, 6).numFmt).toBe('@')
    expect(maoping.getCell(6, 1).numFmt).toBeUndefined()
    for (const column of [1, 2, 6])
      expect(maoping.getCell(6, column).border).toMatchObject({ top: { style: 'thin' }, right: { style: 'thin' } })
    expect(maoping.getCell(7, 2).alignment).toMatchObject({ vertical: 'middle', wrapText: true })
    expect(maoping.getCell(6, 1).value).toBe(1)
    expect(maoping.getCell(7, 1).value).toBe(2)
  })

  test("a village worker's roster: its village only, no summary, masked numbers", async () => {
    const village = await t.worker('village_worker', VILLAGE_A)
    const res = await t.req('GET', '/api/v1/export.xlsx', { token: village })
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(res.rawPayload as never)
    expect(wb.worksheets.map((w) => w.name)).toEqual(['茅坪村委会'])
    expect(wb.worksheets[0].getCell(6, 6).value).toBe('4414**********1230')
  })
})
