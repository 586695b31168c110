/**
 * Drill 1 — kill -9 during a write load. Eight guardians PUT distinct registrations to the real server process
 * as fast as it answers; once 300 have been acknowledged the server gets SIGKILL with requests still in flight.
 * Restarted on the same data, it must return every acknowledged registration exactly as it was sent, and
 * every registration in the database (acknowledged or not) must be whole: its record readable, its history
 * event and its audit row written with it, never one without the others.
 */
import { randomUUID } from 'node:crypto'
import { BACKENDS } from '../server/helpers'
import { drillDatabase, type DrillDatabase } from './support/database'
import { client, guardianToken, type Client } from './support/http'
import { freshRecord, prng } from './support/records'
import { startServer, type ServerProcess } from './support/server-process'

jest.setTimeout(60_000)
const CLIENTS = 8
const KILL_AFTER_ACKS = 300
const SEED = Number(process.env.DRILL_SEED ?? 20261128)

interface Sent {
  id: string
  token: string
  record: unknown
  status?: number
}

describe.each(BACKENDS)('kill -9 under write load (%s)', (backend) => {
  let db: DrillDatabase
  let server: ServerProcess | undefined
  let http: Client | undefined
  afterAll(async () => {
    http?.close()
    await server?.stop()
    await db?.drop()
  })

  test(`${CLIENTS} clients writing, SIGKILL after ${KILL_AFTER_ACKS} acknowledgements, restart: every acknowledged registration intact`, async () => {
    db = await drillDatabase(backend)
    const first = await startServer(db)
    const load = client(first.url, CLIENTS * 2)
    const tokens = await Promise.all(Array.from({ length: CLIENTS }, (_, i) => guardianToken(load, `drill-kill-${i}`)))
    const rand = prng(SEED)
    const sent: Sent[] = []
    let acked = 0
    const started = Date.now()

    // Each client sends one registration after another until the server is gone (or 20 s have passed).
    await Promise.all(
      tokens.map(async (token) => {
        while (first.alive() && Date.now() - started < 20_000) {
          const item: Sent = { id: randomUUID(), token, record: freshRecord(rand) }
          sent.push(item)
          try {
            const res = await load.json('PUT', `/api/v1/registrations/${item.id}`, token, item.record)
            item.status = res.status
            if (res.status >= 200 && res.status < 300 && ++acked === KILL_AFTER_ACKS) first.proc.kill('SIGKILL')
          } catch {
            break // the connection died with the server: this one is unacknowledged
          }
        }
      }),
    )
    await first.kill()
    load.close()
    expect(first.proc.signalCode).toBe('SIGKILL')
    const acknowledged = sent.filter((s) => s.status !== undefined && s.status >= 200 && s.status < 300)
    const unanswered = sent.filter((s) => s.status === undefined)
    const refused = sent.filter((s) => s.status !== undefined && (s.status < 200 || s.status >= 300))
    expect(refused.map((s) => s.status)).toEqual([]) // every valid registration was accepted while the server lived
    expect(acknowledged.length).toBeGreaterThanOrEqual(KILL_AFTER_ACKS)

    server = await startServer(db)
    http = client(server.url, 16)
    const back = async (s: Sent) => {
      const res = await http!.json('GET', `/api/v1/registrations/${s.id}`, s.token)
      return { status: res.status, record: res.status === 200 ? JSON.parse(res.text).record : undefined }
    }
    for (const s of acknowledged) expect({ id: s.id, ...(await back(s)) }).toEqual({ id: s.id, status: 200, record: s.record })
    // In flight at the kill: there in full, or not there at all.
    const landed: string[] = []
    for (const s of unanswered) {
      const got = await back(s)
      expect([200, 404]).toContain(got.status)
      if (got.status === 200) {
        expect(got.record).toEqual(s.record)
        landed.push(s.id)
      }
    }

    // Straight from the database: one row per registration, each with its submit event and create audit row.
    const rows = await db.rows<{ id: string; version: number; events: number; audits: number }>(`
      select r.id, r.version,
        (select count(*) from registration_events e where e.registration_id = r.id and e.version = 1 and e.action = 'submit') as events,
        (select count(*) from audit_log a where a.target_id = r.id and a.action = 'create') as audits
      from registrations r`)
    expect(rows.length).toBe(acknowledged.length + landed.length)
    expect(rows.filter((r) => Number(r.version) !== 1 || Number(r.events) !== 1 || Number(r.audits) !== 1)).toEqual([])
    if (backend === 'sqlite') expect(await db.rows('pragma integrity_check')).toEqual([{ integrity_check: 'ok' }])
    console.log(
      `drill kill -9 (${backend}): ${sent.length} sent by ${CLIENTS} clients in ${Date.now() - started} ms, ` +
        `${acknowledged.length} acknowledged and intact after restart, ${unanswered.length} in flight at the kill (${landed.length} landed whole)`,
    )
  })
})
