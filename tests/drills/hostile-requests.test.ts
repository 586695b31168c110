/**
 * Drill 3 — malformed and hostile requests against the real server process: a catalogue of bad and expired
 * tokens, other people's ids, path tricks, sizes, content types, methods and query strings, then seeded random
 * JSON and broken fixtures up to 600 requests, 8 at a time. Never a 5xx or an internal detail in an answer;
 * nothing stored (row counts unchanged, the owner's registration untouched); the server still answering.
 * A failure prints the request's label; DRILL_SEED=<n> replays another random sequence.
 *
 * Then the security review's findings, one case each, so that each stays fixed (docs/quality.md lists them):
 * per-account lockout against made-up proxy addresses, own-property field checks, logs without query values,
 * names or ID numbers, invisible characters in names, static paths and dotfiles, tokens without `exp`, the
 * per-guardian write limit, DATA_DIR permissions, demo accounts after a start without demo, equal keys.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { randomUUID } from 'node:crypto'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { SignJWT } from 'jose'
import { startFakeWechat, type FakeWechat } from '../../server/src/wechat-fake/fake'
import { BACKENDS } from '../server/helpers'
import { keyEnv } from './support/cli'
import { drillDatabase, type DrillDatabase } from './support/database'
import { fullLog, looseDataDir, settle, staticWithDotfiles } from './support/findings'
import { catalogue, randomRequests, type Actors, type Hostile } from './support/hostile'
import { client, guardianToken, pool, type Client } from './support/http'
import { freshRecord, prng } from './support/records'
import { startServer, type ServerProcess } from './support/server-process'

jest.setTimeout(60_000)
const TOTAL = 600
const SEED = Number(process.env.DRILL_SEED ?? 7_2026)
const INTERNALS = /node_modules|\bat \w+ \(|stack|SQLITE|syntax error at|Kysely|relation "|TypeError|RangeError/i

describe.each(BACKENDS)('hostile requests (%s)', (backend) => {
  let db: DrillDatabase
  let server: ServerProcess
  let http: Client
  beforeAll(async () => {
    db = await drillDatabase(backend)
    server = await startServer(db)
    http = client(server.url, 8, false)
  })
  afterAll(async () => {
    http?.close()
    await server?.stop()
    await db?.drop()
  })

  test(`${TOTAL} malformed or hostile requests: no 5xx, nothing stored, still answering (seed ${SEED})`, async () => {
    const owner = await guardianToken(http, 'drill-hostile-owner')
    const other = await guardianToken(http, 'drill-hostile-other')
    await db.addWorker('drill-maoping', 'village_worker', '441422101200', 'drill-password')
    await db.addWorker('drill-zuobi', 'village_worker', '441422101201', 'drill-password')
    const login = async (username: string) =>
      JSON.parse((await http.json('POST', '/api/v1/auth/worker-login', undefined, { username, password: 'drill-password' })).text)
        .token as string
    const ownedRecord = freshRecord(prng(SEED), 'left-behind')
    const owned = '3f1c2b4a-5d6e-4f70-8a9b-0c1d2e3f4a5b'
    expect((await http.json('PUT', `/api/v1/registrations/${owned}`, owner, ownedRecord)).status).toBe(201)
    const actors: Actors = {
      owner,
      other,
      owned,
      ownedRecord,
      worker: await login('drill-maoping'),
      neighbour: await login('drill-zuobi'),
      ownerId: JSON.parse((await http.json('GET', '/api/v1/auth/me', owner)).text).user.id,
      secret: db.jwtSecret(),
    }
    const before = { registrations: await db.count('registrations'), events: await db.count('registration_events') }
    const ownedBefore = (await http.json('GET', `/api/v1/registrations/${owned}`, owner)).text

    const fixed = await catalogue(actors)
    const requests: Hostile[] = [...fixed, ...randomRequests(actors, prng(SEED), Math.max(0, TOTAL - fixed.length))]
    expect(requests.length).toBeGreaterThanOrEqual(500)
    const started = Date.now()
    const outcomes = await pool(requests.length, 8, async (i) => {
      const r = requests[i]
      try {
        const res = await http.send(r)
        return {
          label: r.label,
          write: r.method !== 'GET' && r.method !== 'HEAD' && !r.path.includes('/auth/'),
          status: res.status,
          leak: INTERNALS.test(res.text) ? res.text.slice(0, 300) : undefined,
        }
      } catch (err) {
        // Only a body over the limit may be cut off mid-upload, after the server has refused it.
        const big = Buffer.byteLength(r.body ?? '') > 256 * 1024
        return { label: r.label, write: false, status: big ? 413 : -1, error: (err as Error).message }
      }
    })
    const elapsed = Date.now() - started

    const bad = outcomes.filter((o) => o.status < 100 || o.status >= 500 || o.leak)
    expect(bad).toEqual([])
    // No write was accepted (signing in with an odd but usable code may succeed: it stores no child's data).
    expect(outcomes.filter((o) => o.write && o.status >= 200 && o.status < 300)).toEqual([])
    expect({ registrations: await db.count('registrations'), events: await db.count('registration_events') }).toEqual(before)
    expect((await http.json('GET', `/api/v1/registrations/${owned}`, owner)).text).toEqual(ownedBefore)
    const health = await http.json('GET', '/healthz')
    expect(health.status).toBe(200)
    expect(server.alive()).toBe(true)

    const tally = outcomes.reduce<Record<number, number>>((t, o) => ({ ...t, [o.status]: (t[o.status] ?? 0) + 1 }), {})
    console.log(
      `drill hostile (${backend}): ${requests.length} requests (${fixed.length} catalogue, ${requests.length - fixed.length} random, seed ${SEED}) in ${elapsed} ms → ${JSON.stringify(tally)}; nothing stored, /healthz 200`,
    )
  })
})

describe.each(BACKENDS)('security review findings (%s)', (backend) => {
  let db: DrillDatabase
  let server: ServerProcess
  let http: Client
  let log: () => string
  let guardian: string
  let worker: string
  const rand = prng(SEED + 1)
  const record = freshRecord(rand, 'left-behind')
  const id = '6b1f0e2a-3c4d-4e5f-8a7b-9c0d1e2f3a4b'
  beforeAll(async () => {
    db = await drillDatabase(backend)
    looseDataDir(db.dataDir, backend === 'sqlite')
    const h5 = staticWithDotfiles(db.dataDir)
    server = await startServer({
      dataDir: db.dataDir,
      databaseUrl: db.databaseUrl,
      // One proxy in front; the port reachable directly all the same (as the review found it); the real write limit.
      env: { HUTONG_TRUST_PROXY: '1', HUTONG_STATIC_DIR: h5, HUTONG_GUARDIAN_NEW_PER_HOUR: '' },
    })
    log = fullLog(server)
    http = client(server.url, 8, false)
    guardian = await guardianToken(http, 'drill-review-guardian')
    await db.addWorker('drill-review-village', 'village_worker', '441422101200', 'drill-password')
    worker = JSON.parse(
      (await http.json('POST', '/api/v1/auth/worker-login', undefined, { username: 'drill-review-village', password: 'drill-password' }))
        .text,
    ).token
    expect((await http.json('PUT', `/api/v1/registrations/${id}`, guardian, record)).status).toBe(201)
  })
  afterAll(async () => {
    http?.close()
    await server?.stop()
    await db?.drop()
  })

  test('DATA_DIR that existed as 0755 with 0644 files: 0700, every file 0600', () => {
    const mode = (f: string) => statSync(join(db.dataDir, f)).mode & 0o777
    expect(mode('.')).toBe(0o700)
    const files = [
      'dev-data-key',
      'dev-index-key',
      'dev-jwt-secret',
      ...(backend === 'sqlite' ? ['hutong.sqlite', 'hutong.sqlite-wal'] : []),
    ]
    expect(Object.fromEntries(files.map((f) => [f, mode(f).toString(8)]))).toEqual(Object.fromEntries(files.map((f) => [f, '600'])))
  })

  test('15 wrong passwords for one account from 15 made-up addresses: locked after 5 (429, Chinese, Retry-After), the right one too; audited once', async () => {
    await db.addWorker('drill-review-locked', 'village_worker', '441422101201', 'right-password')
    const attempt = (i: number, password: string) =>
      http.send({
        method: 'POST',
        path: '/api/v1/auth/worker-login',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': `198.51.100.${i + 1}` },
        body: JSON.stringify({ username: 'drill-review-locked', password }),
      })
    const answers = []
    for (let i = 0; i < 15; i++) answers.push(await attempt(i, `wrong-${i}`))
    expect(answers.map((a) => a.status)).toEqual([...Array(4).fill(401), ...Array(11).fill(429)])
    const locked = JSON.parse(answers[14].text).error
    expect(locked.code).toBe('account_locked')
    expect(locked.message).toMatch(/^密码连续输错5次，账号已暂时锁定，请1[45]分钟后再试$/)
    expect(Number(answers[14].headers['retry-after'])).toBeGreaterThan(800)
    expect((await attempt(15, 'right-password')).status).toBe(429)
    const [user] = await db.rows<{ id: string }>(`select id from users where username = ?`, 'drill-review-locked')
    const rows = await db.rows<{ target_id: string; detail: string }>(
      `select target_id, detail from audit_log where action = ?`,
      'login_locked',
    )
    expect(rows).toHaveLength(1)
    expect(rows[0].target_id).toBe(user.id)
    expect(JSON.parse(rows[0].detail)).toMatchObject({ username: 'drill-review-locked', failures: 5 })
    // An unknown name is locked the same way: a lock does not tell which names exist.
    const unknown = []
    for (let i = 0; i < 6; i++)
      unknown.push(
        (await http.json('POST', '/api/v1/auth/worker-login', undefined, { username: 'drill-no-such', password: `x${i}` })).status,
      )
    expect(unknown).toEqual([401, 401, 401, 401, 429, 429])
  })

  test('monthly visits: a month that is not a month (injection, arrays, far out of range) is a 400 in Chinese; a visit with extra keys is refused', async () => {
    for (const month of ["2026-03' or '1'='1", '2026-03;drop table visits', '0000-00', '2026-3', '9999-99', '%00', 'x'.repeat(30)]) {
      const res = await http.json('GET', `/api/v1/visits/due?month=${encodeURIComponent(month)}`, worker)
      expect([month, res.status]).toEqual([month, 400])
      expect(JSON.parse(res.text).error.message).toMatch(/[\u4e00-\u9fff]/)
    }
    const twice = await http.json('GET', '/api/v1/visits/due?month=2026-03&month=2026-04', worker)
    expect(twice.status).toBe(400)
    const visit = { date: '2026-03-02', method: 'home', conclusion: 'true', guardianshipAssessment: 'good', village_code: '441422102200' }
    const res = await http.json('POST', `/api/v1/registrations/${id}/review`, worker, { action: 'record_visit', visit })
    expect(res.status).toBe(400)
    expect(await db.rows('select registration_id from visits')).toHaveLength(0)
  })

  test('transfers: to a village that does not exist, to the same village, with injected codes: 400 in Chinese, nothing stored; the sender cannot accept its own', async () => {
    const transfers = () => db.rows(`select id from transfers where registration_id = ?`, id)
    const to = (body: unknown) => http.json('POST', `/api/v1/registrations/${id}/transfer`, worker, body)
    for (const toVillage of [
      '441422101299', // well formed, no such village
      '441422101200', // the record's own village
      "441422101201' OR '1'='1",
      '4414221012010',
      '44142210120１',
      { $ne: null },
      ['441422101201'],
      '',
    ]) {
      const res = await to({ toVillage })
      expect([toVillage, res.status]).toEqual([toVillage, 400])
      expect(JSON.parse(res.text).error.message).toMatch(/[\u4e00-\u9fff]/)
    }
    expect((await to({ toVillage: '441422101201', __proto__: { admin: true }, extra: 1 })).status).toBe(400)
    expect(await transfers()).toHaveLength(0)
    const started = await to({ toVillage: '441422101201' })
    expect(started.status).toBe(200)
    const own = await http.json('POST', `/api/v1/transfers/${JSON.parse(started.text).id}/accept`, worker)
    expect(own.status).toBe(403)
    expect(JSON.parse(own.text).error.message).toContain('迁入村')
    for (const bad of ['not-a-uuid', '../registrations', '%00']) {
      expect((await http.json('POST', `/api/v1/transfers/${bad}/accept`, worker)).status).toBeLessThan(500)
    }
    expect(await transfers()).toHaveLength(1)
    expect((await http.json('POST', `/api/v1/transfers/${JSON.parse(started.text).id}/cancel`, worker)).status).toBe(200)
  })

  test('reveal of "constructor", "__proto__", "toString": 400 and no audit row', async () => {
    const reveals = () => db.rows(`select id from audit_log where action = ? and target_id = ?`, 'reveal', id)
    for (const field of [
      'constructor',
      '__proto__',
      'toString',
      'hasOwnProperty',
      'valueOf',
      'child.constructor',
      'child.idNumber.length',
    ]) {
      const res = await http.json('POST', `/api/v1/registrations/${id}/reveal`, worker, { field })
      expect([field, res.status]).toEqual([field, 400])
    }
    expect(await reveals()).toHaveLength(0)
    const real = await http.json('POST', `/api/v1/registrations/${id}/reveal`, worker, { field: 'child.idNumber' })
    expect(JSON.parse(real.text).value).toBe(record.child.idNumber)
    expect(await reveals()).toHaveLength(1)
  })

  test('names with invisible or direction characters refused in Chinese; a search holding one still finds the child', async () => {
    const before = await db.count('registrations')
    for (const ch of ['\u200b', '\u202e', '\ufeff', '\u3164', '\u2066', '\u0007', '\u00ad']) {
      const bad = freshRecord(rand, 'left-behind')
      bad.child.name = `${bad.child.name.slice(0, 1)}${ch}${bad.child.name.slice(1)}`
      const res = await http.json('PUT', `/api/v1/registrations/${randomUUID()}`, guardian, bad)
      expect([ch.codePointAt(0)!.toString(16), res.status]).toEqual([ch.codePointAt(0)!.toString(16), 400])
      expect(JSON.parse(res.text).error.issues).toContainEqual({
        path: ['child', 'name'],
        message: '儿童姓名里有看不见的字符（如零宽空格、文字方向符号），请删掉后重新输入',
      })
    }
    expect(await db.count('registrations')).toBe(before)
    const hidden = `${record.child.name.slice(0, 1)}\u200b${record.child.name.slice(1)}`
    const found = await http.json('GET', `/api/v1/review/queue?status=all&q=${encodeURIComponent(hidden)}`, worker)
    expect(found.status).toBe(200)
    expect(found.text).toContain(id)
  })

  test('GET /review/queue?status=all&%71=<ID number> finds the child; no log line carries the ID number or the name', async () => {
    const res = await http.json('GET', `/api/v1/review/queue?status=all&%71=${record.child.idNumber}`, worker)
    expect(res.status).toBe(200)
    expect(res.text).toContain(id)
    await http.json('GET', `/api/v1/review/queue?q=${encodeURIComponent(record.child.name)}&status=all`, worker)
    await http.json('GET', `/api/v1/review/queue?status=all&%51=${record.child.idNumber.slice(0, 17)}x`, worker)
    await settle()
    const text = log()
    expect(text).toContain('/review/queue')
    for (const secret of [
      record.child.idNumber,
      record.child.idNumber.slice(0, 17),
      record.child.name,
      encodeURIComponent(record.child.name),
    ]) {
      expect(text.includes(secret) ? secret : undefined).toBeUndefined()
    }
  })

  test('static paths out of the folder answer 4xx, dotfiles are not served, nothing in the log but request lines', async () => {
    const mark = log().length
    expect((await http.send({ method: 'GET', path: '/index.html' })).status).toBe(200)
    for (const path of [
      '/../../data/dev-data-key',
      '/../dev-data-key',
      '/%2e%2e/dev-data-key',
      '/a/../.env',
      '/x/..%5c..%5cdev-data-key',
      '//etc/passwd',
      '/%00',
      '/%',
      '/.env',
      '/.git/config',
      '/%2eenv',
    ]) {
      const res = await http.send({ method: 'GET', path })
      expect([path, res.status >= 400 && res.status < 500]).toEqual([path, true])
      expect(res.text).not.toMatch(/not-for-anyone|\[core\]/)
      expect(JSON.parse(res.text).error.message).toMatch(/[\u4e00-\u9fff]/)
    }
    await settle()
    const written = log().slice(mark)
    expect(written).not.toMatch(/"level":(50|60)|stack|Error/)
  })

  test('a token signed with the right key but without exp: 401', async () => {
    const me = JSON.parse((await http.json('GET', '/api/v1/auth/me', guardian)).text).user.id
    const noExp = await new SignJWT({ role: 'guardian', region: null })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(me)
      .setIssuer('hutong')
      .setIssuedAt()
      .sign(db.jwtSecret())
    expect((await http.json('GET', '/api/v1/auth/me', noExp)).status).toBe(401)
    expect((await http.json('PUT', `/api/v1/registrations/${randomUUID()}`, noExp, freshRecord(rand, 'orphan'))).status).toBe(401)
  })

  test('40 new registrations from one guardian at once: 10 stored, the rest 429 in Chinese with Retry-After; a re-send still answers', async () => {
    const flood = await guardianToken(http, 'drill-review-flood')
    const before = await db.count('registrations')
    const records = Array.from({ length: 40 }, () => ({ id: randomUUID(), record: freshRecord(rand, 'left-behind') }))
    const started = Date.now()
    const answers = await pool(40, 8, (i) => http.json('PUT', `/api/v1/registrations/${records[i].id}`, flood, records[i].record))
    const elapsed = Date.now() - started
    const accepted = answers.filter((a) => a.status === 201)
    const refused = answers.filter((a) => a.status === 429)
    expect([accepted.length, refused.length]).toEqual([10, 30])
    expect(JSON.parse(refused[0].text).error).toMatchObject({ code: 'too_many_registrations' })
    expect(JSON.parse(refused[0].text).error.message).toMatch(/^一小时内最多提交10份新登记。填好的内容已保存在手机上/)
    expect(Number(refused[0].headers['retry-after'])).toBeGreaterThan(0)
    expect(await db.count('registrations')).toBe(before + 10)
    const first = records[answers.findIndex((a) => a.status === 201)]
    expect((await http.json('PUT', `/api/v1/registrations/${first.id}`, flood, first.record)).status).toBe(200)
    console.log(`drill hostile (${backend}): 40 new registrations from one guardian in ${elapsed} ms → 10 × 201, 30 × 429`)
  })

  test("reports of a child at risk: oversized text, an unknown village, someone else's report id — refused, nothing stored or shown", async () => {
    const reporter = await guardianToken(http, 'drill-review-reporter')
    const stranger = await guardianToken(http, 'drill-review-stranger')
    await db.addWorker('drill-review-zuobi', 'village_worker', '441422101201', 'drill-password')
    const neighbour = JSON.parse(
      (await http.json('POST', '/api/v1/auth/worker-login', undefined, { username: 'drill-review-zuobi', password: 'drill-password' }))
        .text,
    ).token
    const report = (over: object = {}) => ({
      id: randomUUID(),
      villageCode: '441422101200',
      concern: 'harm',
      seen: '孩子身上有伤',
      reporter: 'school',
      ...over,
    })
    const before = await db.count('reports')
    const refusal = async (res: Promise<{ status: number; text: string }>) => {
      const r = await res
      return { status: r.status, ...JSON.parse(r.text).error }
    }
    const huge = await refusal(http.json('POST', '/api/v1/reports', reporter, report({ seen: '看'.repeat(5000) })))
    expect(huge).toMatchObject({ status: 400, issues: [{ path: ['seen'], message: '看到的情况不能超过1000个字' }] })
    const unknown = await refusal(http.json('POST', '/api/v1/reports', reporter, report({ villageCode: '441422101999' })))
    expect(unknown).toMatchObject({ status: 400, issues: [{ path: ['villageCode'], message: '这个村（社区）不存在，请重新选择' }] })
    const county = await refusal(http.json('POST', '/api/v1/reports', reporter, report({ villageCode: '441422000000' })))
    expect(county).toMatchObject({
      status: 400,
      issues: [{ path: ['villageCode'], message: expect.stringContaining('选到村（社区）一级') }],
    })
    expect(await db.count('reports')).toBe(before)

    const mine = report()
    expect((await http.json('POST', '/api/v1/reports', reporter, mine)).status).toBe(201)
    // Another account sending with the same id: taken, and the stored report is not touched or shown.
    const taken = await refusal(http.json('POST', '/api/v1/reports', stranger, { ...mine, seen: '改成别的内容' }))
    expect(taken).toMatchObject({ status: 409, code: 'id_taken' })
    expect(taken.current).toBeUndefined()
    expect(JSON.parse((await http.json('GET', '/api/v1/reports/mine', stranger)).text).items).toEqual([])
    expect((await http.json('GET', `/api/v1/reports/${mine.id}`, stranger)).status).toBe(403)
    // A worker of another village: the report does not exist for them, to read or to act on.
    expect((await http.json('GET', `/api/v1/reports/${mine.id}`, neighbour)).status).toBe(404)
    expect(
      (await http.json('POST', `/api/v1/reports/${mine.id}/actions`, neighbour, { action: 'close', note: '关闭别人的报告' })).status,
    ).toBe(404)
    const [row] = await db.rows<{ status: string; first_action_at: string | null }>(
      'select status, first_action_at from reports where id = ?',
      mine.id,
    )
    expect(row).toEqual({ status: 'open', first_action_at: null })
    expect(await db.count('reports')).toBe(before + 1)
  })
})

describe.each(BACKENDS)('start-up findings (%s)', (backend) => {
  let db: DrillDatabase
  afterAll(async () => {
    await db?.drop()
  })

  test('demo accounts: usable in demo, disabled (audited, loud warning) when the server starts without demo', async () => {
    db = await drillDatabase(backend)
    const where = { dataDir: db.dataDir, databaseUrl: db.databaseUrl }
    const login = (http: Client) =>
      http.json('POST', '/api/v1/auth/worker-login', undefined, { username: 'demo-dabu', password: 'drill-demo' })
    const demo = await startServer({ ...where, env: { HUTONG_DEMO: '1', HUTONG_DEMO_PASSWORD: 'drill-demo' } })
    let http = client(demo.url, 2, false)
    expect((await login(http)).status).toBe(200)
    http.close()
    await demo.stop()

    const plain = await startServer(where)
    http = client(plain.url, 2, false)
    try {
      expect((await login(http)).status).toBe(401)
      expect(plain.tail()).toContain('警告：数据库中有 4 个演示账号（demo-*），本次未以演示模式启动，已全部停用')
      const rows = await db.rows<{ n: number | string }>(`select count(*) as n from audit_log where action = ?`, 'user_disable')
      expect(Number(rows[0].n)).toBe(4)
    } finally {
      http.close()
      await plain.stop()
    }
    // Demo again: usable again.
    const again = await startServer({ ...where, env: { HUTONG_DEMO: '1', HUTONG_DEMO_PASSWORD: 'drill-demo' } })
    http = client(again.url, 2, false)
    try {
      expect((await login(http)).status).toBe(200)
    } finally {
      http.close()
      await again.stop()
    }
  }, 180_000)

  test('production refuses HUTONG_JWT_SECRET equal to HUTONG_DATA_KEY, and says why', async () => {
    const key = Buffer.alloc(32, 9).toString('base64')
    const env = {
      NODE_ENV: 'production',
      HUTONG_DATA_KEY: key,
      HUTONG_INDEX_KEY: Buffer.alloc(32, 8).toString('base64'),
      HUTONG_JWT_SECRET: key,
      // Production also needs WeChat's settings (checked first); these get the start as far as the keys.
      WECHAT_APPID: 'wx0000000000000000',
      WECHAT_SECRET: 'not-used-before-the-key-check',
    }
    await expect(startServer({ dataDir: db.dataDir, databaseUrl: db.databaseUrl, env })).rejects.toThrow(
      /HUTONG_JWT_SECRET 不能与 HUTONG_DATA_KEY 相同：签发登录凭证的密钥一旦泄露，所有儿童记录的加密密钥也随之泄露/,
    )
  })
})

/**
 * The attack that found the stand-in in production (issue 11): a production process with WeChat's settings
 * (the fake WeChat) takes no client-chosen string as an identity, and a real code replayed by a second
 * client is refused: only WeChat names a guardian.
 */
describe('client-chosen identities against a production process', () => {
  let fake: FakeWechat
  let server: ServerProcess
  const dataDir = mkdtempSync(join(tmpdir(), 'hutong-hostile-wx-'))
  beforeAll(async () => {
    fake = await startFakeWechat()
    const wechat = { WECHAT_APPID: fake.appid, WECHAT_SECRET: fake.secret, WECHAT_API_BASE: fake.url }
    server = await startServer({ dataDir, env: { ...keyEnv(), ...wechat, NODE_ENV: 'production' } })
  })
  afterAll(async () => {
    await server?.stop()
    await fake?.close()
    rmSync(dataDir, { recursive: true, force: true })
  })

  test('a made-up code is 401; a real code used by a second client is 401', async () => {
    const login = (code: string) =>
      fetch(`${server.url}/api/v1/auth/wx-login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ code }),
      })
    expect((await login('not-a-real-wechat-code')).status).toBe(401)
    expect((await login('bad-code-planted-by-an-attacker')).status).toBe(401)
    const real = 'openid:grandma-real:1'
    expect((await login(real)).status).toBe(200)
    const replay = await login(real)
    expect(replay.status).toBe(401)
    expect(await replay.json()).toMatchObject({ error: { code: 'unauthorized', message: '微信登录失败，请重试' } })
  })
})
