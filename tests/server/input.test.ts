/**
 * Bad input is refused with a 4xx, a Chinese message and the shared schema's issues — and nothing refused
 * is stored. Text that looks like SQL or HTML is data: stored and returned verbatim. No stack trace ever.
 */
import { BACKENDS, fixture, startApp, uuid, type TestApp } from './helpers'

describe.each(BACKENDS)('bad input (%s)', (backend) => {
  let t: TestApp
  let guardian: string
  beforeAll(async () => {
    t = await startApp(backend)
    guardian = await t.guardian()
  })
  afterAll(() => t.close())

  const raw = (id: string, payload: string, contentType = 'application/json') =>
    t.app.inject({
      method: 'PUT',
      url: `/api/v1/registrations/${id}`,
      headers: { authorization: `Bearer ${guardian}`, 'content-type': contentType },
      payload,
    })

  /** Runs a refused request and checks: status, a Chinese message, no internals, nothing stored. */
  async function refused(send: () => Promise<{ statusCode: number; body: string }>, status: number) {
    const before = [await t.count('registrations'), await t.count('registration_events')]
    const res = await send()
    expect(res.statusCode).toBe(status)
    const body = JSON.parse(res.body)
    expect(body.error.message).toMatch(/[\u4e00-\u9fa5]/)
    expect(res.body).not.toMatch(/node_modules|\bat \w+ \(|stack|SQLITE|syntax error|Kysely/i)
    expect([await t.count('registrations'), await t.count('registration_events')]).toEqual(before)
    return body.error
  }

  test('malformed JSON → 400 invalid_json', async () => {
    const err = await refused(() => raw(uuid(), '{"schemaVersion": 1, "child": {'), 400)
    expect(err.code).toBe('invalid_json')
  })

  test('prototype poisoning in the JSON → 400, nothing stored', async () => {
    const body = JSON.stringify(fixture()).replace('{', '{"__proto__":{"isAdmin":true},')
    expect((await refused(() => raw(uuid(), body), 400)).code).toBe('invalid_json')
  })

  test('empty, null, array and non-JSON bodies → 4xx', async () => {
    await refused(() => raw(uuid(), ''), 400)
    await refused(() => raw(uuid(), 'null'), 400)
    await refused(() => raw(uuid(), '[1,2]'), 400)
    expect((await refused(() => raw(uuid(), 'name=x', 'text/plain'), 415)).code).toBe('unsupported_media_type')
  })

  test("wrong types → 400 with the field's Chinese message at its path", async () => {
    const record = fixture()
    record.child.name = 123
    record.child.boarding = 'no'
    record.parents.father.since = 20210215
    const err = await refused(() => t.put(guardian, uuid(), record), 400)
    expect(err.code).toBe('validation')
    const paths = err.issues.map((i: any) => i.path.join('.'))
    expect(paths).toEqual(expect.arrayContaining(['child.name', 'child.boarding', 'parents.father.since']))
    expect(err.issues.find((i: any) => i.path.join('.') === 'child.name').message).toBe('请填写儿童姓名')
  })

  test('unknown fields are refused, not stored (record, nested, envelope)', async () => {
    const top = { ...fixture(), isAdmin: true }
    expect((await refused(() => t.put(guardian, uuid(), top), 400)).issues[0].message).toBe('不接受的字段：isAdmin')
    const nested = fixture()
    nested.child.nickname = '小明'
    expect((await refused(() => t.put(guardian, uuid(), nested), 400)).issues[0]).toEqual({
      path: ['child'],
      message: '不接受的字段：nickname',
    })
    const envelope = { record: fixture(), baseVersion: 1, status: 'confirmed' }
    expect((await refused(() => t.put(guardian, uuid(), envelope), 400)).issues[0].message).toBe('不接受的字段：status')
    await refused(() => t.put(guardian, uuid(), { record: fixture(), baseVersion: 'x' }), 400)
    await refused(() => t.put(guardian, uuid(), { record: fixture(), baseVersion: 0 }), 400)
  })

  test('an invalid ID number, or a village that does not exist → 400 in Chinese', async () => {
    const bad = fixture()
    bad.child.idNumber = '441422201503081231'
    expect((await refused(() => t.put(guardian, uuid(), bad), 400)).issues[0].message).toMatch(/校验码/)
    const nowhere = fixture()
    nowhere.child.residenceRegion = '441422101299'
    const err = await refused(() => t.put(guardian, uuid(), nowhere), 400)
    expect(err.issues).toEqual([{ path: ['child', 'residenceRegion'], message: '现住址的村（社区）不存在，请重新选择' }])
  })

  test('a 1 MB body → 413; just over 256 KB → 413', async () => {
    const big = fixture()
    big.family.needsNote = 'x'.repeat(1024 * 1024)
    expect((await refused(() => t.put(guardian, uuid(), big), 413)).code).toBe('payload_too_large')
    await refused(() => raw(uuid(), JSON.stringify({ pad: 'y'.repeat(256 * 1024) })), 413)
  })

  test('a bad :id → 400; unauthenticated → 401 before the body is looked at', async () => {
    expect((await refused(() => t.put(guardian, 'not-a-uuid', fixture()), 400)).code).toBe('validation')
    expect((await refused(() => t.put(guardian, "1' OR '1'='1", fixture()), 400)).code).toBe('validation')
    expect((await t.req('GET', '/api/v1/registrations/123', { token: guardian })).statusCode).toBe(400)
    const anon = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/registrations/${uuid()}`,
      headers: { 'content-type': 'application/json' },
      payload: '{',
    })
    expect(anon.statusCode).toBe(401)
    const forged = await t.req('GET', '/api/v1/registrations', { token: `${guardian.slice(0, -4)}AAAA` })
    expect(forged.statusCode).toBe(401)
  })

  test('SQL and script strings are kept verbatim as text', async () => {
    const record = fixture()
    record.child.residenceAddress = "茅坪村'); DROP TABLE registrations; --"
    record.family.needsNote = '<script>alert("x")</script> OR 1=1; --'
    record.guardianship.carer.address = '  ${process.env.HOME} {{7*7}}  '
    const id = uuid()
    expect((await t.put(guardian, id, record)).statusCode).toBe(201)
    const back = (await t.req('GET', `/api/v1/registrations/${id}`, { token: guardian })).json()
    expect(back.record.child.residenceAddress).toBe("茅坪村'); DROP TABLE registrations; --")
    expect(back.record.family.needsNote).toBe('<script>alert("x")</script> OR 1=1; --')
    // Trimmed by the schema (its one normalisation of text), otherwise untouched.
    expect(back.record.guardianship.carer.address).toBe('${process.env.HOME} {{7*7}}')
    expect(await t.count('registrations')).toBeGreaterThan(0)
  })

  test('an internal failure (a tampered row) → 500 with a generic Chinese message, no internals', async () => {
    const a = uuid()
    const b = uuid()
    await t.put(guardian, a, fixture())
    await t.put(guardian, b, fixture('disability'))
    // Copy a's ciphertext onto b: the row id is authenticated data, so it must not decrypt as b.
    const { payload } = await t.app.db.selectFrom('registrations').select('payload').where('id', '=', a).executeTakeFirstOrThrow()
    await t.app.db.updateTable('registrations').set({ payload }).where('id', '=', b).execute()
    const res = await t.req('GET', `/api/v1/registrations/${b}`, { token: guardian })
    expect(res.statusCode).toBe(500)
    expect(res.json()).toEqual({ error: { code: 'internal', message: '服务器出错了，请稍后再试' } })
  })

  test('unknown API paths → 404 in the same shape', async () => {
    const res = await t.req('GET', '/api/v1/nope')
    expect(res.statusCode).toBe(404)
    expect(res.json().error.code).toBe('not_found')
  })
})
