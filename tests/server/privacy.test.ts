/**
 * Privacy at rest and on screen: no ID number (nor name, nor phone number) of any fixture can be found in
 * the raw database — the SQLite file and its WAL byte by byte, every PostgreSQL row as text — even after
 * edits whose diffs hold ID numbers; lists mask; exports mask for village workers; every export is audited.
 */
import { readFileSync, existsSync } from 'node:fs'
import { sql } from 'kysely'
import {
  BACKENDS,
  COUNTY,
  FIXTURE_NAMES,
  TOWNSHIP,
  VILLAGE_A,
  fixture,
  inVillage,
  readRoster,
  startApp,
  uuid,
  type TestApp,
} from './helpers'

/** Every ID number, 残疾人证号, name and phone number in the fixtures. */
function secrets(): string[] {
  const out = new Set<string>()
  const walk = (v: unknown, key = '') => {
    if (typeof v === 'string') {
      if (/^\d{17}[\dX](\d\d)?$/.test(v) || /^1\d{10}$/.test(v) || (key === 'name' && v.length >= 2)) out.add(v)
    } else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) walk(x, k)
    }
  }
  for (const name of FIXTURE_NAMES) walk(fixture(name))
  return [...out]
}

async function submitEverything(t: TestApp) {
  const guardian = await t.guardian()
  const village = await t.worker('village_worker', VILLAGE_A)
  const ids: string[] = []
  for (const name of FIXTURE_NAMES) {
    const id = uuid()
    expect((await t.put(guardian, id, inVillage(fixture(name), VILLAGE_A))).statusCode).toBe(201)
    ids.push(id)
  }
  // An edit after 退回 whose diff carries ID numbers (the father's number is corrected).
  await t.review(village, ids[0], { action: 'return', reason: '父亲身份证号码有误', fields: ['parents.father.idNumber'] })
  const edited = inVillage(fixture(FIXTURE_NAMES[0]), VILLAGE_A)
  delete edited.parents.father.idNumber
  expect((await t.put(guardian, ids[0], { record: edited, baseVersion: 2 })).statusCode).toBe(200)
  await t.review(village, ids[1], {
    action: 'start_review',
    visit: { date: '2026-11-02', method: 'home', conclusion: 'true', guardianshipAssessment: 'good', notes: '电话13800138001已核实' },
  })
  return { guardian, village, ids }
}

describe.each(BACKENDS)('privacy (%s)', (backend) => {
  let t: TestApp
  let ctx: Awaited<ReturnType<typeof submitEverything>>
  beforeAll(async () => {
    t = await startApp(backend)
    ctx = await submitEverything(t)
  })
  afterAll(() => t.close())

  test('the raw database holds no ID number, name or phone number in plain text', async () => {
    const needles = secrets()
    expect(needles.length).toBeGreaterThan(20)
    let haystacks: Buffer[]
    if (t.backend === 'sqlite') {
      const files = () =>
        ['', '-wal']
          .map((s) => `${t.file}${s}`)
          .filter(existsSync)
          .map((f) => readFileSync(f))
      haystacks = files()
      // Once more after the WAL is folded into the main file.
      await sql`pragma wal_checkpoint(TRUNCATE)`.execute(t.app.db)
      haystacks.push(...files())
    } else {
      haystacks = []
      for (const table of ['users', 'registrations', 'registration_events', 'audit_log']) {
        const rows = await sql<{ row: string }>`select t::text as row from ${sql.table(table)} t`.execute(t.app.db)
        haystacks.push(Buffer.from(rows.rows.map((r) => r.row).join('\n')))
      }
    }
    expect(haystacks.reduce((n, h) => n + h.length, 0)).toBeGreaterThan(1000)
    for (const needle of needles) {
      for (const h of haystacks) expect({ needle, found: h.includes(Buffer.from(needle, 'utf8')) }).toEqual({ needle, found: false })
    }
  })

  test('the stored payload decrypts back to the record (the test above is not vacuous)', async () => {
    const row = await t.app.db.selectFrom('registrations').selectAll().where('id', '=', ctx.ids[1]).executeTakeFirstOrThrow()
    // v2.<id of the data key>.<base64>: the stored value names the key that sealed it (key rotation).
    expect(row.payload.startsWith(`v2.${t.app.vault.dataKeyIds[0]}.`)).toBe(true)
    expect(t.app.vault.openJson<any>(row.payload, row.id).child.idNumber).toBe(fixture(FIXTURE_NAMES[1]).child.idNumber)
  })

  test('queue items mask the ID number, the name and the phone number', async () => {
    const items = (await t.req('GET', '/api/v1/review/queue?status=all', { token: ctx.village })).json().items
    expect(items.length).toBe(FIXTURE_NAMES.length)
    const text = JSON.stringify(items)
    for (const needle of secrets()) expect({ needle, found: text.includes(needle) }).toEqual({ needle, found: false })
    expect(items[0].child.idNumber).toMatch(/^\d{4}\*{10}[\dX]{4}$/)
    expect(items[0].contact.phone).toMatch(/^\d{3}\*{4}\d{4}$/)
  })

  async function exportRows(token: string, query = '') {
    const res = await t.req('GET', `/api/v1/export.xlsx${query}`, { token })
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toContain('spreadsheetml')
    return (await readRoster(res.rawPayload)).rows
  }

  test('export: masked for the village worker, full for the county (the 花名册 carries 公民身份证号码); audited', async () => {
    const village = await exportRows(ctx.village)
    const county = await exportRows(await t.worker('county_admin', COUNTY))
    const id = 'A. 留守儿童个人基本情况/公民身份证号码'
    const phones = ['父亲', '母亲'].map((p) => `B. 家庭情况/${p}/联系电话`).concat('C. 实际监护情况/委托监护人/联系电话')
    const ids = ['父亲', '母亲'].map((p) => `B. 家庭情况/${p}/公民身份证号码`).concat('C. 实际监护情况/委托监护人/公民身份证号码')
    expect(village).toHaveLength(FIXTURE_NAMES.length) // every row checked below, none missing
    expect(village.every((r) => /^\d{4}\*+[\dX]{4}$/.test(r[id]))).toBe(true)
    expect(county.map((r) => r[id]).sort()).toEqual(FIXTURE_NAMES.map((n) => fixture(n).child.idNumber).sort())
    for (const r of village) {
      for (const col of phones) expect(r[col] === '' || r[col].includes('****')).toBe(true)
      for (const col of ids) expect(r[col] === '' || /^\d{4}\*+[\dX]{4}$/.test(r[col])).toBe(true)
    }
    const masked = await exportRows(await t.worker('township_supervisor', TOWNSHIP), '?mask=1')
    expect(masked).toHaveLength(FIXTURE_NAMES.length)
    expect(masked.every((r) => r[id].includes('*'))).toBe(true)

    const audits = await t.app.db.selectFrom('audit_log').selectAll().where('action', '=', 'export').orderBy('at').execute()
    expect(audits.map((a) => JSON.parse(a.detail!))).toEqual([
      { rows: FIXTURE_NAMES.length, fullIdNumbers: false },
      { rows: FIXTURE_NAMES.length, fullIdNumbers: true },
      { rows: FIXTURE_NAMES.length, fullIdNumbers: false },
    ])
    expect(audits.map((a) => a.region_code)).toEqual([VILLAGE_A, COUNTY, TOWNSHIP])
  })

  test('audit rows exist for logins, creates, edits, reviews and views — and hold no personal data', async () => {
    await t.req('GET', `/api/v1/registrations/${ctx.ids[0]}`, { token: ctx.village })
    const rows = await t.app.db.selectFrom('audit_log').selectAll().execute()
    const actions = new Set(rows.map((r) => r.action))
    for (const a of ['login', 'create', 'edit', 'review', 'view']) expect(actions).toContain(a)
    const text = JSON.stringify(rows)
    for (const needle of secrets()) expect(text.includes(needle)).toBe(false)
  })
})

describe('request logs', () => {
  test('hold the request id and the path, never a query value, token, body or searched ID number', async () => {
    const { PassThrough } = await import('node:stream')
    const { buildApp } = await import('../../server/src/app')
    const base = await startApp('sqlite')
    const stream = new PassThrough()
    let log = ''
    stream.on('data', (c: Buffer) => {
      log += c.toString()
    })
    const app = await buildApp({ config: base.config, logStream: stream })
    try {
      const token = (await app.inject({ method: 'POST', url: '/api/v1/auth/wx-login', payload: { code: 'device-log' } })).json().token
      const record = fixture('left-behind')
      expect(
        (
          await app.inject({
            method: 'PUT',
            url: `/api/v1/registrations/${uuid()}`,
            headers: { authorization: `Bearer ${token}` },
            payload: record,
          })
        ).statusCode,
      ).toBe(201)
      const worker = await base.worker('village_worker', VILLAGE_A)
      await app.inject({
        method: 'GET',
        url: `/api/v1/review/queue?status=all&q=${record.child.idNumber}`,
        headers: { authorization: `Bearer ${worker}` },
      })
      await app.inject({
        method: 'GET',
        url: `/api/v1/review/queue?q=${encodeURIComponent(record.child.name)}&status=all`,
        headers: { authorization: `Bearer ${worker}` },
      })
      // The search under a percent-encoded parameter name (%71 is "q"), and an ID number and a name in a path.
      await app.inject({
        method: 'GET',
        url: `/api/v1/review/queue?status=all&%71=${record.child.idNumber}`,
        headers: { authorization: `Bearer ${worker}` },
      })
      await app.inject({
        method: 'GET',
        url: `/api/v1/x/${record.child.idNumber}/${encodeURIComponent(record.child.name)}/${record.guardianship.contact.phone}`,
      })
      await new Promise((r) => setImmediate(r))
      const lines = log
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l))
      const queue = lines.filter((l) => l.req?.route === '/api/v1/review/queue')
      expect(queue.map((l) => l.req.path)).toEqual(['/api/v1/review/queue', '/api/v1/review/queue', '/api/v1/review/queue'])
      // Every request's lines carry its id: the incoming line and the completed line share it.
      expect(new Set(queue.map((l) => l.reqId)).size).toBe(3)
      expect(lines.filter((l) => queue.some((q) => q.reqId === l.reqId)).length).toBe(6)
      expect(lines.find((l) => l.req?.path?.startsWith('/api/v1/x/'))?.req.path).toBe('/api/v1/x/…/…/…')
      expect(log).not.toMatch(/[?&](q|%71)=/)
      for (const needle of [...secrets(), token, worker, encodeURIComponent(record.child.name), record.child.idNumber])
        expect(log.includes(needle)).toBe(false)
    } finally {
      await app.close()
      await base.close()
    }
  })
})
