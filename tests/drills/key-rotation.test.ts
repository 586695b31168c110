/**
 * Drill — rotating both keys under a write load, with the real server and the real command:
 *  1. the server runs with data key A and index key IA; eight guardians write registrations, a village worker
 *     returns one with a reason (an encrypted history detail);
 *  2. it is restarted with HUTONG_DATA_KEY="B,A", HUTONG_INDEX_KEY="IB,IA"; while the guardians keep writing,
 *     `server:reencrypt` rewrites everything under B and IB; every record is readable and found by its ID
 *     number, and `server:reencrypt -- --check` reports nothing left under A;
 *  3. it is restarted with B and IB alone: every record acknowledged at any point, the returned one's reason,
 *     and the search by ID number are all still there.
 */
import { randomUUID } from 'node:crypto'
import { BACKENDS } from '../server/helpers'
import { keyEnv, newKey, runCli } from './support/cli'
import { drillDatabase, type DrillDatabase } from './support/database'
import { client, guardianToken, type Client } from './support/http'
import { freshRecord, prng } from './support/records'
import { startServer, type ServerProcess } from './support/server-process'

jest.setTimeout(90_000)
const CLIENTS = 8

interface Sent {
  id: string
  token: string
  record: any
}

describe.each(BACKENDS)('key rotation under writes (%s)', (backend) => {
  let db: DrillDatabase
  const servers: ServerProcess[] = []
  const clients: Client[] = []
  afterAll(async () => {
    for (const c of clients) c.close()
    for (const s of servers) await s.kill()
    await db?.drop()
  })

  test('A → "B,A" with server:reencrypt while clients write → B alone: every record readable and found', async () => {
    db = await drillDatabase(backend)
    const [A, B, IA, IB] = [newKey(), newKey(), newKey(), newKey()]
    const base = { ...keyEnv(A, IA), HUTONG_LOGIN_RATE_MAX: '1000' }
    const start = async (dataKey: string, indexKey: string) => {
      const s = await startServer({ ...db, env: { ...base, HUTONG_DATA_KEY: dataKey, HUTONG_INDEX_KEY: indexKey } })
      servers.push(s)
      const c = client(s.url, CLIENTS + 4)
      clients.push(c)
      return { s, c }
    }
    const rand = prng(20260601)
    const acked: Sent[] = []
    const write = async (c: Client, token: string) => {
      const item: Sent = { id: randomUUID(), token, record: freshRecord(rand) }
      const res = await c.json('PUT', `/api/v1/registrations/${item.id}`, token, item.record)
      if (res.status !== 201) throw new Error(`PUT ${res.status}: ${res.text}`)
      acked.push(item)
      return item
    }

    // 1. Under A.
    let { s, c } = await start(A, IA)
    const tokens = await Promise.all(Array.from({ length: CLIENTS }, (_, i) => guardianToken(c, `drill-rotation-${i}`)))
    await Promise.all(
      tokens.map(async (token) => {
        for (let k = 0; k < 20; k++) await write(c, token)
      }),
    )
    const returned = acked[0]
    await db.addWorker('drill-rotation-worker', 'village_worker', returned.record.child.residenceRegion, 'drill-password')
    const workerToken = async (h: Client) =>
      JSON.parse(
        (await h.json('POST', '/api/v1/auth/worker-login', undefined, { username: 'drill-rotation-worker', password: 'drill-password' }))
          .text,
      ).token as string
    let worker = await workerToken(c)
    expect((await c.json('POST', `/api/v1/registrations/${returned.id}/review`, worker, { action: 'start_review' })).status).toBe(200)
    expect(
      (
        await c.json('POST', `/api/v1/registrations/${returned.id}/review`, worker, {
          action: 'return',
          reason: '请核对孩子姓名',
          fields: ['child.name'],
        })
      ).status,
    ).toBe(200)
    const underA = acked.length
    await s.stop()

    // 2. "B,A", the rewrite running while the guardians keep writing.
    ;({ s, c } = await start(`${B},${A}`, `${IB},${IA}`))
    let rewriting = true
    const writers = Promise.all(
      tokens.map(async (token) => {
        while (rewriting) await write(c, token)
      }),
    )
    const run = await runCli('reencrypt', ['--batch', '25', '--pause', '5'], {
      DATA_DIR: db.dataDir,
      DATABASE_URL: db.databaseUrl ?? '',
      ...base,
      HUTONG_DATA_KEY: `${B},${A}`,
      HUTONG_INDEX_KEY: `${IB},${IA}`,
    })
    rewriting = false
    await writers
    expect({ code: run.code, out: run.out }).toEqual({
      code: 0,
      out: expect.stringContaining('旧密钥可以从 HUTONG_DATA_KEY / HUTONG_INDEX_KEY 中移除'),
    })
    const writtenDuring = acked.length - underA
    const readAll = async (h: Client) => {
      for (const a of acked) {
        const res = await h.json('GET', `/api/v1/registrations/${a.id}`, a.token)
        expect({ id: a.id, status: res.status, record: JSON.parse(res.text).record }).toEqual({ id: a.id, status: 200, record: a.record })
      }
      const back = JSON.parse((await h.json('GET', `/api/v1/registrations/${returned.id}`, returned.token)).text)
      expect(back.returned).toMatchObject({ reason: '请核对孩子姓名', fields: ['child.name'] })
      const search = await h.json('GET', `/api/v1/review/queue?status=all&q=${returned.record.child.idNumber}`, worker)
      expect(JSON.parse(search.text).items.map((i: { id: string }) => i.id)).toContain(returned.id)
    }
    await readAll(c)
    const check = await runCli('reencrypt', ['--check'], {
      DATA_DIR: db.dataDir,
      DATABASE_URL: db.databaseUrl ?? '',
      ...base,
      HUTONG_DATA_KEY: `${B},${A}`,
      HUTONG_INDEX_KEY: `${IB},${IA}`,
    })
    expect(check.code).toBe(0)
    await s.stop()

    // 3. B alone.
    ;({ s, c } = await start(B, IB))
    worker = await workerToken(c)
    await readAll(c)
    const rewritten = /已重新加密登记 (\d+) 条、历史记录 (\d+) 条/.exec(run.out)
    console.log(
      `drill key rotation (${backend}): ${underA} registrations under A, ${writtenDuring} more written under "B,A" while server:reencrypt ran ` +
        `(${run.ms} ms, rewrote ${rewritten?.[1]} records and ${rewritten?.[2]} history details); all ${acked.length} readable and searchable with B alone`,
    )
  })
})
