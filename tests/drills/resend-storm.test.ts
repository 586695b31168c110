/**
 * Drill 2 — 1,000 re-sends of one submission from 50 concurrent clients, over real HTTP to the server
 * process: what an outbox does on a flaky network, fifty times over. Half of the clients send the record
 * with its keys in another order (the same submission to the server's canonical hash). Every answer is a
 * success (one 201, the rest 200), and there is one record: in the guardian's list, and in the database
 * with one history event and one create audit row.
 */
import { randomUUID } from 'node:crypto'
import { BACKENDS } from '../server/helpers'
import { drillDatabase, type DrillDatabase } from './support/database'
import { client, guardianToken, pool, type Client } from './support/http'
import { freshRecord, prng, reverseKeys } from './support/records'
import { startServer, type ServerProcess } from './support/server-process'

jest.setTimeout(60_000)
const CLIENTS = 50
const SENDS = 1000

describe.each(BACKENDS)('re-send storm (%s)', (backend) => {
  let db: DrillDatabase
  let server: ServerProcess
  let http: Client
  beforeAll(async () => {
    db = await drillDatabase(backend)
    server = await startServer(db)
    http = client(server.url, CLIENTS)
  })
  afterAll(async () => {
    http?.close()
    await server?.stop()
    await db?.drop()
  })

  test(`${SENDS} re-sends of one submission from ${CLIENTS} concurrent clients → one record`, async () => {
    const token = await guardianToken(http, 'drill-resend')
    const id = randomUUID()
    const record = freshRecord(prng(7), 'left-behind')
    const bodies = [JSON.stringify(record), JSON.stringify(reverseKeys(record))]
    const started = Date.now()
    // Client c sends its share one after another; the 50 clients run at once.
    const perClient = await pool(CLIENTS, CLIENTS, async (c) => {
      const codes: number[] = []
      for (let k = c; k < SENDS; k += CLIENTS) {
        const res = await http.send({
          method: 'PUT',
          path: `/api/v1/registrations/${id}`,
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: bodies[c % 2],
        })
        codes.push(res.status)
      }
      return codes
    })
    const elapsed = Date.now() - started
    const codes = perClient.flat()
    expect(codes).toHaveLength(SENDS)
    const tally = codes.reduce<Record<number, number>>((t, c) => ({ ...t, [c]: (t[c] ?? 0) + 1 }), {})
    expect(tally).toEqual({ 201: 1, 200: SENDS - 1 })

    const list = JSON.parse((await http.json('GET', '/api/v1/registrations', token)).text)
    expect(list.items.map((i: { id: string }) => i.id)).toEqual([id])
    expect(list.items[0].version).toBe(1)
    const view = JSON.parse((await http.json('GET', `/api/v1/registrations/${id}`, token)).text)
    expect(view.record).toEqual(record)

    expect(await db.count('registrations')).toBe(1)
    expect(await db.count('registration_events')).toBe(1)
    expect(await db.rows('select action from audit_log where target_id = ?', id)).toEqual([{ action: 'create' }])
    console.log(
      `drill re-send (${backend}): ${SENDS} PUTs of one submission from ${CLIENTS} clients in ${elapsed} ms → ${JSON.stringify(tally)}, 1 record`,
    )
  })
})
