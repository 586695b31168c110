/**
 * Drill — SIGTERM during a burst of submissions, as a service manager stops the server for a restart. Forty
 * guardians on keep-alive connections (phones keep theirs open) PUT registrations; once 100 are acknowledged
 * the server process itself gets SIGTERM. Half of the clients stop sending at that moment (their connections
 * stay open and idle, as a phone's do), the other half keep sending until they are refused. The server must
 * exit with code 0 within 10 s, and after a restart every acknowledged registration is there as it was sent;
 * one that was in flight is there whole or not at all.
 */
import { randomUUID } from 'node:crypto'
import { BACKENDS } from '../server/helpers'
import { drillDatabase, type DrillDatabase } from './support/database'
import { client, guardianToken, type Client } from './support/http'
import { freshRecord, prng } from './support/records'
import { startServer, type ServerProcess } from './support/server-process'

jest.setTimeout(60_000)
const CLIENTS = 40
const SIGNAL_AFTER_ACKS = 100
const EXIT_WITHIN_MS = 10_000

interface Sent {
  id: string
  token: string
  record: unknown
  status?: number
}

describe.each(BACKENDS)('SIGTERM under write load (%s)', (backend) => {
  let db: DrillDatabase
  const servers: ServerProcess[] = []
  let http: Client | undefined
  afterAll(async () => {
    http?.close()
    for (const s of servers) await s.kill()
    await db?.drop()
  })
  // Forty sign-ins from one address in a second: above the default login limit.
  const start = async () => {
    const s = await startServer({ ...db, env: { HUTONG_LOGIN_RATE_MAX: '1000' } })
    servers.push(s)
    return s
  }

  test(`${CLIENTS} keep-alive clients writing, SIGTERM after ${SIGNAL_AFTER_ACKS} acknowledgements → exit 0 within 10 s, every acknowledged registration stored`, async () => {
    db = await drillDatabase(backend)
    const first = await start()
    const load = client(first.url, CLIENTS)
    const tokens = await Promise.all(Array.from({ length: CLIENTS }, (_, i) => guardianToken(load, `drill-sigterm-${i}`)))
    const rand = prng(20260301)
    const sent: Sent[] = []
    let acked = 0
    let signalledAt = 0
    const started = Date.now()

    await Promise.all(
      tokens.map(async (token, c) => {
        const keepsSending = c % 2 === 0
        while (first.alive() && Date.now() - started < 20_000 && (!signalledAt || keepsSending)) {
          const item: Sent = { id: randomUUID(), token, record: freshRecord(rand) }
          sent.push(item)
          try {
            const res = await load.json('PUT', `/api/v1/registrations/${item.id}`, token, item.record)
            item.status = res.status
            if (res.status >= 300) break // refused while closing: the outbox would send it again later
            if (++acked === SIGNAL_AFTER_ACKS) {
              signalledAt = Date.now()
              first.proc.kill('SIGTERM')
            }
          } catch {
            break // connection refused or closed: unacknowledged
          }
        }
      }),
    )
    // The idle keep-alive connections of the clients that stopped stay open until the server ends them.
    const exit = await Promise.race([first.exited, new Promise<undefined>((r) => setTimeout(r, EXIT_WITHIN_MS + 5_000))])
    const exitMs = exit ? exit.at - signalledAt : undefined
    if (!exit) await first.kill()
    load.close()
    console.log(
      `drill SIGTERM (${backend}): ${sent.length} sent by ${CLIENTS} clients, signal after ${SIGNAL_AFTER_ACKS} acknowledgements; ` +
        (exit
          ? `exit ${exit.code ?? exit.signal} ${exitMs} ms after the signal`
          : `still running ${EXIT_WITHIN_MS + 5_000} ms after the signal (killed)`),
    )
    expect(exit?.code).toBe(0)
    expect(exitMs).toBeLessThan(EXIT_WITHIN_MS)

    const acknowledged = sent.filter((s) => s.status !== undefined && s.status >= 200 && s.status < 300)
    const refused = sent.filter((s) => s.status !== undefined && s.status >= 300)
    const unanswered = sent.filter((s) => s.status === undefined)
    // Refusals only while closing, and only "come back later" ones.
    expect(refused.map((s) => s.status).filter((s) => s !== 503)).toEqual([])

    const server = await start()
    http = client(server.url, 16)
    const back = async (s: Sent) => {
      const res = await http!.json('GET', `/api/v1/registrations/${s.id}`, s.token)
      return { status: res.status, record: res.status === 200 ? JSON.parse(res.text).record : undefined }
    }
    for (const s of acknowledged) expect({ id: s.id, ...(await back(s)) }).toEqual({ id: s.id, status: 200, record: s.record })
    let landed = 0
    for (const s of [...unanswered, ...refused]) {
      const got = await back(s)
      expect([200, 404]).toContain(got.status)
      if (got.status === 200) {
        expect(got.record).toEqual(s.record)
        landed++
      }
    }
    const rows = await db.rows<{ n: number | string }>(`select count(*) as n from registrations r
      where (select count(*) from registration_events e where e.registration_id = r.id) = 1
        and (select count(*) from audit_log a where a.target_id = r.id and a.action = 'create') = 1`)
    expect(Number(rows[0].n)).toBe(acknowledged.length + landed)
    expect(await db.count('registrations')).toBe(acknowledged.length + landed)
    console.log(
      `drill SIGTERM (${backend}): ${acknowledged.length} acknowledged, all stored; ${refused.length} refused with 503 while closing, ` +
        `${unanswered.length} unanswered (${landed} of those landed whole)`,
    )
  })
})
