/**
 * PUT /registrations/:id is idempotent the way ODK Central's submission is (docs/api.md "Idempotency"):
 * re-sends, concurrent twins, every 409 and 410, edits after 退回 with their history diff, withdraw.
 */
import { BACKENDS, FIXTURE_NAMES, fixture, startApp, uuid, VILLAGE_A, type TestApp } from './helpers'

describe.each(BACKENDS)('submission (%s)', (backend) => {
  let t: TestApp
  let guardian: string
  let village: string
  beforeAll(async () => {
    t = await startApp(backend)
    guardian = await t.guardian()
    village = await t.worker('village_worker', VILLAGE_A)
  })
  afterAll(() => t.close())

  const rowsOf = async (id: string) => t.app.db.selectFrom('registrations').selectAll().where('id', '=', id).execute()
  const eventsOf = async (id: string) =>
    t.app.db.selectFrom('registration_events').selectAll().where('registration_id', '=', id).orderBy('version').execute()

  test.each(FIXTURE_NAMES)('fixture %s is accepted as a bare record and in the envelope', async (name) => {
    const bare = await t.put(guardian, uuid(), fixture(name))
    expect(bare.statusCode).toBe(201)
    const wrapped = await t.put(guardian, uuid(), { record: fixture(name) })
    expect(wrapped.statusCode).toBe(201)
    expect(wrapped.json()).toMatchObject({ status: 'submitted', version: 1, record: { child: { name: fixture(name).child.name } } })
  })

  test('a new id → 201; the same content again → 200 with the stored record, nothing new written', async () => {
    const id = uuid()
    const first = await t.put(guardian, id, fixture())
    expect(first.statusCode).toBe(201)
    const events = await t.count('registration_events')
    // Key order differs, content does not: canonical JSON makes it the same submission.
    const reordered = Object.fromEntries(Object.entries(fixture()).reverse())
    for (let i = 0; i < 3; i++) {
      const again = await t.put(guardian, id, i === 1 ? { record: reordered } : fixture())
      expect(again.statusCode).toBe(200)
      expect(again.json()).toEqual(first.json())
    }
    expect(await rowsOf(id)).toHaveLength(1)
    expect(await t.count('registration_events')).toBe(events)
  })

  test('50 concurrent identical PUTs make exactly one record, one event, one create audit', async () => {
    const id = uuid()
    const results = await Promise.all(Array.from({ length: 50 }, () => t.put(guardian, id, fixture('orphan'))))
    const codes = results.map((r) => r.statusCode).sort()
    expect(codes.filter((c) => c === 201)).toHaveLength(1)
    expect(codes.filter((c) => c === 200)).toHaveLength(49)
    expect(await rowsOf(id)).toHaveLength(1)
    expect(await eventsOf(id)).toHaveLength(1)
    const audits = await t.app.db.selectFrom('audit_log').selectAll().where('target_id', '=', id).where('action', '=', 'create').execute()
    expect(audits).toHaveLength(1)
  })

  test('same id, different content, no baseVersion → 409 conflict carrying the server version', async () => {
    const id = uuid()
    await t.put(guardian, id, fixture())
    const changed = fixture()
    changed.child.residenceAddress = '茅坪村下屋3号'
    const res = await t.put(guardian, id, changed)
    expect(res.statusCode).toBe(409)
    expect(res.json().error).toMatchObject({
      code: 'conflict',
      current: { id, version: 1, record: { child: { residenceAddress: '茅坪村上屋12号' } } },
    })
    expect(res.json().error.message).toMatch(/[\u4e00-\u9fa5]/)
  })

  test('an edit is refused while the record is submitted or under review (409 not_editable)', async () => {
    const id = uuid()
    await t.put(guardian, id, fixture())
    const changed = fixture()
    changed.child.residenceAddress = '茅坪村下屋3号'
    const res = await t.put(guardian, id, { record: changed, baseVersion: 1 })
    expect(res.statusCode).toBe(409)
    expect(res.json().error.code).toBe('not_editable')
  })

  test('edit after 退回: new version, back to submitted, field-level diff in history; stale and retried edits', async () => {
    const id = uuid()
    await t.put(guardian, id, fixture())
    const returned = await t.review(village, id, {
      action: 'return',
      reason: '母亲务工地点写得不清楚',
      fields: ['parents.mother.workPlace'],
    })
    expect(returned.statusCode).toBe(200)
    const seen = await t.req('GET', `/api/v1/registrations/${id}`, { token: guardian })
    expect(seen.json()).toMatchObject({
      status: 'returned',
      version: 2,
      returned: { reason: '母亲务工地点写得不清楚', fields: ['parents.mother.workPlace'], byRole: 'village_worker' },
    })
    // The guardian's list carries the reason and the fields too (the phone shows them without opening each record).
    const listed = (await t.req('GET', '/api/v1/registrations', { token: guardian })).json().items.find((i: any) => i.id === id)
    expect(listed).toMatchObject({
      status: 'returned',
      version: 2,
      returned: { reason: '母亲务工地点写得不清楚', fields: ['parents.mother.workPlace'] },
    })

    const fixed = fixture()
    fixed.parents.mother.workPlace = '广东省东莞市长安镇'
    // A stale base (the version before the return) is refused.
    const stale = await t.put(guardian, id, { record: fixed, baseVersion: 1 })
    expect(stale.statusCode).toBe(409)
    expect(stale.json().error).toMatchObject({ code: 'stale_version', current: { version: 2, status: 'returned' } })

    const edit = await t.put(guardian, id, { record: fixed, baseVersion: 2 })
    expect(edit.statusCode).toBe(200)
    expect(edit.json()).toMatchObject({
      status: 'submitted',
      version: 3,
      returned: null,
      record: { parents: { mother: { workPlace: '广东省东莞市长安镇' } } },
    })
    // The outbox retries the same edit (its answer was lost): same content → 200, nothing new.
    const retry = await t.put(guardian, id, { record: fixed, baseVersion: 2 })
    expect(retry.statusCode).toBe(200)
    expect(retry.json().version).toBe(3)
    // A second, different edit on the old base → 409 stale.
    const other = fixture()
    other.parents.mother.workPlace = '广东省广州市'
    expect((await t.put(guardian, id, { record: other, baseVersion: 2 })).json().error.code).toBe('stale_version')

    const history = await t.req('GET', `/api/v1/registrations/${id}/history`, { token: guardian })
    expect(history.statusCode).toBe(200)
    const items = history.json().items
    expect(items.map((e: any) => [e.version, e.action, e.from, e.to])).toEqual([
      [1, 'submit', null, 'submitted'],
      [2, 'return', 'submitted', 'returned'],
      [3, 'edit', 'returned', 'submitted'],
    ])
    expect(items[2].diff).toEqual([{ path: 'parents.mother.workPlace', from: '广东省东莞市', to: '广东省东莞市长安镇' }])
    expect(items[1]).toMatchObject({
      reason: '母亲务工地点写得不清楚',
      fields: ['parents.mother.workPlace'],
      actor: { role: 'village_worker', name: null },
    })
    expect(await eventsOf(id)).toHaveLength(3)
  })

  test('two different edits on the same base at once: exactly one wins, the other gets 409 stale_version', async () => {
    const id = uuid()
    await t.put(guardian, id, fixture())
    await t.review(village, id, { action: 'return', reason: '请核对地址', fields: ['child.residenceAddress'] })
    const edits = ['茅坪村下屋1号', '茅坪村下屋2号', '茅坪村下屋3号', '茅坪村下屋4号'].map((address) => {
      const r = fixture()
      r.child.residenceAddress = address
      return t.put(guardian, id, { record: r, baseVersion: 2 })
    })
    const results = await Promise.all(edits)
    const codes = results.map((r) => r.statusCode).sort()
    expect(codes).toEqual([200, 409, 409, 409])
    expect(results.filter((r) => r.statusCode === 409).every((r) => r.json().error.code === 'stale_version')).toBe(true)
    const winner = results.find((r) => r.statusCode === 200)!.json().record.child.residenceAddress
    const stored = (await t.req('GET', `/api/v1/registrations/${id}`, { token: guardian })).json()
    expect(stored).toMatchObject({ version: 3, status: 'submitted', record: { child: { residenceAddress: winner } } })
    expect(await eventsOf(id)).toHaveLength(3)
  })

  test('two workers acting on one record at once: one action applies, the other gets 409', async () => {
    const id = uuid()
    await t.put(guardian, id, fixture())
    const colleague = await t.worker('village_worker', VILLAGE_A)
    const results = await Promise.all([
      t.review(village, id, { action: 'start_review' }),
      t.review(colleague, id, { action: 'start_review' }),
    ])
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409])
    // Serialised (SQLite) the loser sees the new status; racing (PostgreSQL) it loses the version check.
    expect(['invalid_transition', 'stale_version']).toContain(results.find((r) => r.statusCode === 409)!.json().error.code)
    expect(await eventsOf(id)).toHaveLength(2)
  })

  test('baseVersion on an unknown id → 404; another guardian reusing an id → 409 id_taken, no data', async () => {
    expect((await t.put(guardian, uuid(), { record: fixture(), baseVersion: 1 })).statusCode).toBe(404)
    const id = uuid()
    await t.put(guardian, id, fixture())
    const stranger = await t.guardian()
    const res = await t.put(stranger, id, fixture())
    expect(res.statusCode).toBe(409)
    expect(res.json().error.code).toBe('id_taken')
    expect(res.json().error.current).toBeUndefined()
  })

  test('withdraw: only while submitted; then every PUT → 410, a repeated withdraw → 200', async () => {
    const id = uuid()
    await t.put(guardian, id, fixture())
    const w = await t.req('POST', `/api/v1/registrations/${id}/withdraw`, { token: guardian })
    expect(w.statusCode).toBe(200)
    expect(w.json()).toMatchObject({ status: 'withdrawn', version: 2 })
    expect((await t.req('POST', `/api/v1/registrations/${id}/withdraw`, { token: guardian })).statusCode).toBe(200)
    expect((await t.put(guardian, id, fixture())).statusCode).toBe(410)
    const changed = fixture()
    changed.child.residenceAddress = '茅坪村下屋3号'
    const gone = await t.put(guardian, id, { record: changed, baseVersion: 2 })
    expect(gone.statusCode).toBe(410)
    expect(gone.json().error.code).toBe('gone')

    const reviewing = uuid()
    await t.put(guardian, reviewing, fixture())
    await t.review(village, reviewing, { action: 'start_review' })
    const late = await t.req('POST', `/api/v1/registrations/${reviewing}/withdraw`, { token: guardian })
    expect(late.statusCode).toBe(409)
    expect(late.json().error.code).toBe('invalid_transition')
  })

  test('the guardian lists their own registrations only, with full names', async () => {
    const mine = await t.guardian()
    const a = uuid()
    await t.put(mine, a, fixture('disability'))
    const list = await t.req('GET', '/api/v1/registrations', { token: mine })
    expect(list.statusCode).toBe(200)
    expect(list.json().items).toEqual([expect.objectContaining({ id: a, childName: '刘小军', status: 'submitted', returned: null })])
  })

  test('upper-case UUIDs name the same record', async () => {
    const id = uuid()
    expect((await t.put(guardian, id.toUpperCase(), fixture())).statusCode).toBe(201)
    expect((await t.put(guardian, id, fixture())).statusCode).toBe(200)
  })
})
