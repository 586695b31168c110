/**
 * The roster read from the database in pages: with a page smaller than the region, every child is in the
 * file exactly once, in its village's sheet, numbered from 1; the audit row counts what was written; and a
 * failure half-way breaks the stream off instead of ending it as a file that looks whole.
 */
import ExcelJS from 'exceljs'
import type { Readable } from 'node:stream'
import { exportRoster } from '../../server/src/services/export'
import { regionRange } from '../../server/src/scope'
import type { Actor } from '../../server/src/actor'
import { BACKENDS, COUNTY, VILLAGE_A, VILLAGE_B, fixture, startApp, uuid, type TestApp } from './helpers'

/** A valid 18-digit ID number (GB 11643 check digit) for the fixture's birth date and sex, sequence `seq`. */
function idNumber(seq: number): string {
  const body = `44142220150308${String(10 + seq).padStart(2, '0')}3`
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
  const sum = [...body].reduce((n, d, i) => n + Number(d) * weights[i], 0)
  return body + '10X98765432'[sum % 11]
}

const GIVEN = '甲乙丙丁戊己庚辛壬癸'

async function collect(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const c of stream) chunks.push(c as Buffer)
  return Buffer.concat(chunks)
}

/** Child names of each village sheet, in sheet order (rows 6 … before the two footer rows), with their serials. */
function sheets(wb: ExcelJS.Workbook) {
  return wb.worksheets
    .filter((ws) => ws.name !== '汇总')
    .map((ws) => ({
      name: ws.name,
      children: Array.from({ length: ws.rowCount - 7 }, (_, i) => ws.getCell(6 + i, 2).value as string),
      serials: Array.from({ length: ws.rowCount - 7 }, (_, i) => ws.getCell(6 + i, 1).value),
    }))
}

describe.each(BACKENDS)('the roster in pages (%s)', (backend) => {
  let t: TestApp
  let actor: Actor
  const expected: Record<string, string[]> = { 茅坪村委会: [], 左弼村委会: [] }
  beforeAll(async () => {
    t = await startApp(backend)
    const guardian = await t.guardian()
    // 6 children in 茅坪 and 4 in 左弼: with pages of 3 (and of 4), page ends fall inside and at village ends.
    for (let i = 0; i < 10; i++) {
      const body = fixture('left-behind')
      const village = i < 6 ? VILLAGE_A : VILLAGE_B
      body.child.name = `陈小${GIVEN[i]}`
      body.child.idNumber = idNumber(i)
      body.child.hukouRegion = village
      body.child.residenceRegion = village
      expect((await t.put(guardian, uuid(), body)).statusCode).toBe(201)
      expected[i < 6 ? '茅坪村委会' : '左弼村委会'].push(body.child.name)
    }
    await t.worker('county_admin', COUNTY, 'roster-county')
    const user = await t.app.db.selectFrom('users').selectAll().where('username', '=', 'roster-county').executeTakeFirstOrThrow()
    actor = { id: user.id, role: 'county_admin', regionCode: COUNTY, username: user.username, displayName: null, mustChangePassword: false }
  })
  afterAll(() => t.close())

  test.each([1, 3, 4, 500])('pages of %i: every child once, in its village, numbered from 1; the audit counts 10', async (pageSize) => {
    const before = await t.app.db.selectFrom('audit_log').select('id').where('action', '=', 'export').execute()
    const { stream } = await exportRoster(t.app, actor, regionRange(COUNTY)!, false, '127.0.0.1', pageSize)
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load((await collect(stream)) as never)
    expect(wb.worksheets.map((w) => w.name)).toEqual(['汇总', '茅坪村委会', '左弼村委会'])
    const found = sheets(wb)
    for (const s of found) {
      expect([...s.children].sort()).toEqual([...expected[s.name]].sort())
      expect(s.serials).toEqual(s.children.map((_, i) => i + 1))
    }
    const summary = wb.getWorksheet('汇总')!
    expect((summary.getRow(6).values as unknown[]).slice(2, 5)).toEqual(['合计', 10, 10])
    const audits = await t.app.db.selectFrom('audit_log').selectAll().where('action', '=', 'export').execute()
    expect(audits).toHaveLength(before.length + 1)
    const mine = audits.find((a) => !before.some((b) => b.id === a.id))!
    expect(JSON.parse(mine.detail!)).toEqual({ rows: 10, fullIdNumbers: true })
  })

  test("a city administrator's roster is the reply's stream: the same children, masked", async () => {
    const city = await t.worker('city_admin', COUNTY.slice(0, 4))
    const res = await t.req('GET', '/api/v1/export.xlsx', { token: city })
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="roster-4414-/)
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(res.rawPayload as never)
    const found = sheets(wb)
    expect(found.flatMap((s) => s.children).sort()).toEqual([...expected['茅坪村委会'], ...expected['左弼村委会']].sort())
    expect(wb.getWorksheet('茅坪村委会')!.getCell(6, 6).value).toMatch(/^4414\*{10}\d{3}[\dX]$/)
  })

  test('a row that cannot be opened half-way: the stream is destroyed, no audit row, no file that looks whole', async () => {
    const rows = await t.app.db
      .selectFrom('registrations')
      .select(['id', 'payload'])
      .orderBy('village_code')
      .orderBy('created_at')
      .execute()
    // A payload sealed for another row fails authentication (bound to its row id), as a damaged row would.
    await t.app.db.updateTable('registrations').set({ payload: rows[0].payload }).where('id', '=', rows[7].id).execute()
    const before = (await t.app.db.selectFrom('audit_log').select('id').where('action', '=', 'export').execute()).length
    const { stream } = await exportRoster(t.app, actor, regionRange(COUNTY)!, false, '127.0.0.1', 3)
    await expect(collect(stream)).rejects.toThrow()
    expect(stream.destroyed).toBe(true)
    expect(await t.app.db.selectFrom('audit_log').select('id').where('action', '=', 'export').execute()).toHaveLength(before)
  })
})
