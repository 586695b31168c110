/**
 * Access transparency (docs/accounts.md): the county administrator sees who read a record, which field was
 * revealed, which form printed and which roster held it; the guardian sees only the levels, never names.
 */
import { BACKENDS, COUNTY, fixture, startApp, TOWNSHIP, uuid, VILLAGE_A, type TestApp } from './helpers'

jest.setTimeout(60_000)

describe.each(BACKENDS)('access transparency (%s)', (backend) => {
  let t: TestApp
  beforeAll(async () => {
    t = await startApp(backend)
  })
  afterAll(() => t.close())

  test('reads, reveals, prints and exports are listed for the county; levels only for the guardian', async () => {
    const guardian = await t.guardian()
    const id = uuid()
    expect((await t.put(guardian, id, fixture())).statusCode).toBe(201)
    const village = await t.worker('village_worker', VILLAGE_A, 'access.village')
    await t.app.db.updateTable('users').set({ display_name: '张主任' }).where('username', '=', 'access.village').execute()
    const township = await t.worker('township_supervisor', TOWNSHIP)
    const county = await t.worker('county_admin', COUNTY)
    expect((await t.req('GET', `/api/v1/registrations/${id}`, { token: village })).statusCode).toBe(200)
    expect(
      (await t.req('POST', `/api/v1/registrations/${id}/reveal`, { token: village, body: { field: 'child.idNumber' } })).statusCode,
    ).toBe(200)
    expect((await t.req('GET', `/api/v1/registrations/${id}/form.pdf`, { token: township })).statusCode).toBe(200)
    expect((await t.req('GET', '/api/v1/export.xlsx', { token: township })).statusCode).toBe(200)

    const forCounty = await t.req('GET', `/api/v1/registrations/${id}/access`, { token: county })
    expect(forCounty.statusCode).toBe(200)
    const items = forCounty.json().items as { action: string; detail: string | null; who: string | null; roleLabel: string }[]
    expect(items.map((i) => i.action)).toEqual(['export', 'print', 'reveal', 'view'])
    expect(items.find((i) => i.action === 'reveal')).toMatchObject({
      detail: '儿童身份证号',
      who: '张主任（access.village）',
      roleLabel: '村(居)儿童主任',
    })
    expect(items.find((i) => i.action === 'print')).toMatchObject({ detail: '一人一表', roleLabel: '乡镇(街道)儿童督导员' })
    expect(items.find((i) => i.action === 'export')!.detail).toBe('含完整身份证号')

    const forGuardian = await t.req('GET', `/api/v1/registrations/${id}/access`, { token: guardian })
    expect(forGuardian.statusCode).toBe(200)
    expect(forGuardian.json().items).toBeUndefined()
    expect(forGuardian.json().levels).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ role: 'village_worker', roleLabel: '村(居)儿童主任', count: 2 }),
        expect.objectContaining({ role: 'township_supervisor', count: 2 }),
      ]),
    )
    // Not a name or a username anywhere in the guardian's answer.
    expect(forGuardian.body).not.toContain('access.village')
    expect(forGuardian.body).not.toContain('张主任')

    // Another county, another guardian: as if the record did not exist; a village worker: not their view.
    expect((await t.req('GET', `/api/v1/registrations/${id}/access`, { token: await t.worker('county_admin', '441403') })).statusCode).toBe(
      404,
    )
    expect((await t.req('GET', `/api/v1/registrations/${id}/access`, { token: await t.guardian() })).statusCode).toBe(404)
    expect((await t.req('GET', `/api/v1/registrations/${id}/access`, { token: village })).statusCode).toBe(403)
  })
})
