/**
 * Drill 3 — malformed and hostile requests against the real server process: a catalogue of bad and expired
 * tokens, other people's ids, path tricks, sizes, content types, methods and query strings, then seeded random
 * JSON and broken fixtures up to 600 requests, 8 at a time. Never a 5xx or an internal detail in an answer;
 * nothing stored (row counts unchanged, the owner's registration untouched); the server still answering.
 * A failure prints the request's label; DRILL_SEED=<n> replays another random sequence.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startFakeWechat, type FakeWechat } from '../../server/src/wechat-fake/fake'
import { BACKENDS } from '../server/helpers'
import { keyEnv } from './support/cli'
import { drillDatabase, type DrillDatabase } from './support/database'
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
