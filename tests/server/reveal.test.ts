/**
 * A worker's full view shows ID numbers and phone numbers masked; each one is revealed on its own request,
 * audited with the field's path (never its value). The owner's view stays whole; history diffs are masked
 * for workers as the record is.
 */
import { SENSITIVE_FIELDS } from '../../src/domain/mask'
import { BACKENDS, VILLAGE_A, VILLAGE_B, fixture, inVillage, startApp, uuid, type TestApp } from './helpers'

describe.each(BACKENDS)('reveal (%s)', (backend) => {
  let t: TestApp
  let guardian: string
  let village: string
  let neighbour: string
  let id: string
  const record = inVillage(fixture('left-behind'), VILLAGE_A)
  beforeAll(async () => {
    t = await startApp(backend)
    guardian = await t.guardian()
    village = await t.worker('village_worker', VILLAGE_A)
    neighbour = await t.worker('village_worker', VILLAGE_B)
    id = uuid()
    expect((await t.put(guardian, id, record)).statusCode).toBe(201)
  })
  afterAll(() => t.close())

  const open = (token: string) => t.req('GET', `/api/v1/registrations/${id}`, { token })
  const reveal = (token: string, field: string) => t.req('POST', `/api/v1/registrations/${id}/reveal`, { token, body: { field } })

  test('the worker sees every sensitive field masked and the list of masked paths; the owner sees it whole', async () => {
    const seen = (await open(village)).json()
    expect(seen.record.child.idNumber).toBe(`${record.child.idNumber.slice(0, 4)}**********${record.child.idNumber.slice(-4)}`)
    expect(seen.record.guardianship.contact.phone).toMatch(/^\d{3}\*{4}\d{4}$/)
    expect(seen.record.child.name).toBe(record.child.name)
    expect(seen.masked).toContain('child.idNumber')
    expect(seen.masked.every((p: string) => p in SENSITIVE_FIELDS)).toBe(true)
    const body = JSON.stringify(seen)
    for (const p of seen.masked) expect(body).not.toContain(p.split('.').reduce((o: any, k: string) => o?.[k], record))
    const own = (await open(guardian)).json()
    expect(own.record.child.idNumber).toBe(record.child.idNumber)
    expect(own.masked).toBeUndefined()
  })

  test('one field revealed per request, audited with its path and not its value', async () => {
    const res = await reveal(village, 'child.idNumber')
    expect(res.statusCode).toBe(200)
    expect(res.json()).toEqual({ field: 'child.idNumber', value: record.child.idNumber })
    const rows = await t.app.db
      .selectFrom('audit_log')
      .select(['action', 'detail', 'actor_role'])
      .where('target_id', '=', id)
      .where('action', '=', 'reveal')
      .execute()
    expect(rows).toEqual([{ action: 'reveal', actor_role: 'village_worker', detail: JSON.stringify({ field: 'child.idNumber' }) }])
    expect((await reveal(village, 'guardianship.carer.phone')).json().value).toBe(record.guardianship.carer?.phone ?? null)
  })

  test('refused: a field that is not sensitive (400), outside the region (404), a guardian (403)', async () => {
    expect((await reveal(village, 'child.name')).statusCode).toBe(400)
    expect((await reveal(neighbour, 'child.idNumber')).statusCode).toBe(404)
    expect((await reveal(guardian, 'child.idNumber')).statusCode).toBe(403)
  })

  test('a worker reads an edit of the ID number masked in the history; the owner reads it whole', async () => {
    await t.review(village, id, { action: 'return', reason: '身份证号码有误', fields: ['guardianship.contact.phone'] })
    const fixed = structuredClone(record)
    fixed.guardianship.contact.phone = '13922224444'
    const version = (await open(guardian)).json().version
    expect((await t.put(guardian, id, { record: fixed, baseVersion: version })).statusCode).toBe(200)
    const edit = (token: string) =>
      t.req('GET', `/api/v1/registrations/${id}/history`, { token }).then((r) => r.json().items.find((e: any) => e.action === 'edit'))
    expect((await edit(village)).diff).toEqual([
      { path: 'guardianship.contact.phone', from: expect.stringContaining('****'), to: '139****4444' },
    ])
    expect((await edit(guardian)).diff).toEqual([
      { path: 'guardianship.contact.phone', from: record.guardianship.contact.phone, to: '13922224444' },
    ])
  })
})
