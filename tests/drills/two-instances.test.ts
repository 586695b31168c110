/**
 * Drill — two server processes on one PostgreSQL database and one Redis, as behind a load balancer:
 *  1. 1,000 re-sends of one submission from 50 clients, each send to the other instance than the last → one
 *     record (one 201, 999 × 200), one history event, one create audit row;
 *  2. the login limit holds across both: ten wrong passwords spread over them, then the eleventh is refused
 *     by either (the counters are in Redis);
 *  3. kill -9 one instance while eight clients write to both: every registration acknowledged by either is
 *     there afterwards (read through the survivor), and every row is whole.
 * Needs TEST_DATABASE_URL and TEST_REDIS_URL (CI sets both); skipped without them.
 */
import { randomUUID } from 'node:crypto'
import { Redis } from 'ioredis'
import { PG_URL, REDIS_URL, redisPrefix } from '../server/helpers'
import { keyEnv } from './support/cli'
import { drillDatabase, type DrillDatabase } from './support/database'
import { client, guardianToken, pool, type Client } from './support/http'
import { freshRecord, prng, reverseKeys } from './support/records'
import { startServer, type ServerProcess } from './support/server-process'

jest.setTimeout(60_000)

interface Sent {
  id: string
  token: string
  record: unknown
  status?: number
}

;(PG_URL && REDIS_URL ? describe : describe.skip)(
  'two instances on one PostgreSQL and one Redis (skipped without TEST_DATABASE_URL and TEST_REDIS_URL)',
  () => {
    let db: DrillDatabase
    let servers: ServerProcess[] = []
    let http: Client[] = []
    const prefix = redisPrefix()
    beforeAll(async () => {
      db = await drillDatabase('postgres')
      const env = { ...keyEnv(), REDIS_URL: REDIS_URL!, HUTONG_REDIS_PREFIX: prefix, HUTONG_LOGIN_RATE_MAX: '10', HUTONG_TRUST_PROXY: '1' }
      servers = [await startServer({ ...db, env })] // the first one migrates
      servers.push(await startServer({ ...db, env }))
      http = servers.map((s) => client(s.url, 50))
    })
    afterAll(async () => {
      for (const h of http) h.close()
      for (const s of servers) await s.kill()
      await db?.drop()
      const redis = new Redis(REDIS_URL!)
      const keys = await redis.keys(`${prefix}*`)
      if (keys.length) await redis.del(...keys)
      await redis.quit()
    })

    test('1,000 re-sends of one submission split across both → one record', async () => {
      const token = await guardianToken(http[0], 'drill-two-resend')
      const id = randomUUID()
      const record = freshRecord(prng(11), 'left-behind')
      const bodies = [JSON.stringify(record), JSON.stringify(reverseKeys(record))]
      const started = Date.now()
      const codes = (
        await pool(50, 50, async (c) => {
          const out: number[] = []
          for (let k = c; k < 1000; k += 50) {
            const res = await http[k % 2].send({
              method: 'PUT',
              path: `/api/v1/registrations/${id}`,
              headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
              body: bodies[c % 2],
            })
            out.push(res.status)
          }
          return out
        })
      ).flat()
      const tally = codes.reduce<Record<number, number>>((t, c) => ({ ...t, [c]: (t[c] ?? 0) + 1 }), {})
      expect(tally).toEqual({ 201: 1, 200: 999 })
      expect(await db.rows('select id from registrations')).toEqual([{ id }])
      expect(await db.count('registration_events')).toBe(1)
      expect(await db.rows('select action from audit_log where target_id = ?', id)).toEqual([{ action: 'create' }])
      console.log(
        `drill two instances: 1000 PUTs of one submission over 2 instances in ${Date.now() - started} ms → ${JSON.stringify(tally)}, 1 record`,
      )
    })

    test('the login limit holds across both: the 11th wrong password is refused on either', async () => {
      const codes: number[] = []
      for (let i = 0; i < 10; i++) {
        codes.push(
          (
            await http[i % 2].json('POST', '/api/v1/auth/worker-login', undefined, {
              username: `drill-nobody-${i}`,
              password: `wrong-${i}`,
            })
          ).status,
        )
      }
      expect(codes).toEqual(Array(10).fill(401))
      const eleventh = await Promise.all(
        http.map((h, i) =>
          h.json('POST', '/api/v1/auth/worker-login', undefined, { username: `drill-nobody-x${i}`, password: 'wrong-10' }),
        ),
      )
      expect(eleventh.map((r) => r.status)).toEqual([429, 429])
      console.log('drill two instances: login attempts 1–10 spread over both → 401 × 10; the 11th → 429 on instance A and on instance B')
    })

    // Made-up forwarded addresses (one proxy hop trusted): the per-address limit never sees two from one address.
    test("one account's failures from 7 addresses over both instances: locked on both after 5", async () => {
      const codes: number[] = []
      for (let i = 0; i < 7; i++) {
        const res = await http[i % 2].send({
          method: 'POST',
          path: '/api/v1/auth/worker-login',
          headers: { 'content-type': 'application/json', 'x-forwarded-for': `198.51.100.${i + 1}` },
          body: JSON.stringify({ username: 'drill-locked', password: `wrong-${i}` }),
        })
        codes.push(res.status)
      }
      expect(codes).toEqual([401, 401, 401, 401, 429, 429, 429])
      console.log(
        'drill two instances: one name, 7 wrong passwords from 7 addresses alternating instances → 401 × 4, then locked (429) on both',
      )
    })

    test('kill -9 one instance under write load: every registration acknowledged by either is there', async () => {
      const tokens = await Promise.all(Array.from({ length: 6 }, (_, i) => guardianToken(http[i % 2], `drill-two-kill-${i}`)))
      const rand = prng(20260502)
      const sent: Sent[] = []
      let acked = 0
      let ackedAfterKill = 0
      let killedAt = 0
      const started = Date.now()
      const [victim] = servers
      await Promise.all(
        tokens.map(async (token, c) => {
          for (let k = c; !(killedAt && ackedAfterKill >= 100) && Date.now() - started < 30_000; k++) {
            const target = killedAt && !victim.alive() ? 1 : k % 2
            const item: Sent = { id: randomUUID(), token, record: freshRecord(rand) }
            sent.push(item)
            try {
              const res = await http[target].json('PUT', `/api/v1/registrations/${item.id}`, token, item.record)
              item.status = res.status
              if (res.status !== 201) continue
              if (killedAt) ackedAfterKill++
              if (++acked === 200) {
                killedAt = Date.now()
                victim.proc.kill('SIGKILL')
              }
            } catch {
              // the victim's connection died: unacknowledged, the client goes on with the survivor
            }
          }
        }),
      )
      await victim.exited
      expect(victim.proc.signalCode).toBe('SIGKILL')
      const acknowledged = sent.filter((s) => s.status === 201)
      const unanswered = sent.filter((s) => s.status === undefined)
      expect(sent.filter((s) => s.status !== undefined && s.status !== 201)).toEqual([])
      for (const s of acknowledged) {
        const res = await http[1].json('GET', `/api/v1/registrations/${s.id}`, s.token)
        expect({ id: s.id, status: res.status, record: JSON.parse(res.text).record }).toEqual({ id: s.id, status: 200, record: s.record })
      }
      let landed = 0
      for (const s of unanswered) {
        const res = await http[1].json('GET', `/api/v1/registrations/${s.id}`, s.token)
        expect([200, 404]).toContain(res.status)
        if (res.status === 200) {
          expect(JSON.parse(res.text).record).toEqual(s.record)
          landed++
        }
      }
      const [{ n }] = await db.rows<{ n: string }>(`select count(*) as n from registrations r
      where (select count(*) from registration_events e where e.registration_id = r.id) = 1
        and (select count(*) from audit_log a where a.target_id = r.id and a.action = 'create') = 1`)
      // The resend test's record is the one more.
      expect(Number(n)).toBe(acknowledged.length + landed + 1)
      expect(await db.count('registrations')).toBe(acknowledged.length + landed + 1)
      console.log(
        `drill two instances: ${sent.length} PUTs by 6 clients over 2 instances, SIGKILL to one after 200 acknowledgements; ` +
          `${acknowledged.length} acknowledged (${ackedAfterKill} by the survivor after the kill), all there and whole; ${unanswered.length} unanswered (${landed} landed whole)`,
      )
    })
  },
)
