/**
 * Drill — an online backup under a write load, restored elsewhere. Twenty guardians PUT registrations to the
 * real server process; once 100 are acknowledged, `server:backup` runs as its own process while they keep
 * writing. The backup is restored with `server:restore` into a fresh folder and a new server started on it
 * with the same keys (from the environment: the backup holds none): every registration acknowledged before
 * the backup started is there and decrypts to what was sent, and every row in the copy is whole.
 * SQLite only: PostgreSQL is backed up with pg_dump (tests/server/pg-dump.test.ts).
 */
import { randomUUID } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import SQLite from 'better-sqlite3'
import { keyEnv, runCli } from './support/cli'
import { drillDatabase, type DrillDatabase } from './support/database'
import { client, guardianToken, type Client } from './support/http'
import { freshRecord, prng } from './support/records'
import { startServer, type ServerProcess } from './support/server-process'

jest.setTimeout(60_000)
const CLIENTS = 20
const BACKUP_AFTER_ACKS = 100

interface Sent {
  id: string
  token: string
  record: unknown
  status?: number
}

describe('backup during writes, restore into a fresh folder (sqlite)', () => {
  let db: DrillDatabase
  let fresh: string
  const servers: ServerProcess[] = []
  const clients: Client[] = []
  afterAll(async () => {
    for (const c of clients) c.close()
    for (const s of servers) await s.kill()
    await db?.drop()
    if (fresh) rmSync(fresh, { recursive: true, force: true })
  })

  test(`${CLIENTS} clients writing, server:backup after ${BACKUP_AFTER_ACKS} acknowledgements, restore, start: every earlier registration there and readable`, async () => {
    db = await drillDatabase('sqlite')
    const env = { ...keyEnv(), HUTONG_LOGIN_RATE_MAX: '1000' }
    const first = await startServer({ ...db, env })
    servers.push(first)
    const load = client(first.url, CLIENTS)
    clients.push(load)
    const tokens = await Promise.all(Array.from({ length: CLIENTS }, (_, i) => guardianToken(load, `drill-backup-${i}`)))
    const rand = prng(20260415)
    const sent: Sent[] = []
    let backupStarted: Sent[] | undefined
    let backup: Promise<Awaited<ReturnType<typeof runCli>>> | undefined
    let backupDone = false
    let [acked, acksDuringBackup, acksAfterBackup] = [0, 0, 0]
    const dest = join(tmpdir(), `hutong-drill-backup-${randomUUID()}.sqlite`)
    const started = Date.now()

    // Each client writes one registration after another until the backup has finished and 50 more have been
    // acknowledged after it (40 s at most).
    await Promise.all(
      tokens.map(async (token) => {
        while (!(backupDone && acksAfterBackup >= 50) && Date.now() - started < 40_000) {
          const item: Sent = { id: randomUUID(), token, record: freshRecord(rand) }
          sent.push(item)
          const res = await load.json('PUT', `/api/v1/registrations/${item.id}`, token, item.record)
          item.status = res.status
          if (res.status !== 201) throw new Error(`PUT ${res.status}: ${res.text}`)
          acked++
          if (backupDone) acksAfterBackup++
          else if (backup) acksDuringBackup++
          if (!backup && acked >= BACKUP_AFTER_ACKS) {
            backupStarted = sent.filter((s) => s.status === 201)
            backup = runCli('backup', [dest], { DATA_DIR: db.dataDir, ...env })
            backup.then(
              () => {
                backupDone = true
              },
              () => {
                backupDone = true
              },
            )
          }
        }
      }),
    )
    const made = await backup!
    expect(made.code).toBe(0)
    expect(made.out).toMatch(/已备份到/)
    const acknowledged = sent.filter((s) => s.status === 201)
    const copy = new SQLite(dest, { readonly: true })
    const inBackup = (copy.prepare('select count(*) as n from registrations').get() as { n: number }).n
    const whole = (
      copy
        .prepare(
          `select count(*) as n from registrations r
      where (select count(*) from registration_events e where e.registration_id = r.id) = 1
        and (select count(*) from audit_log a where a.target_id = r.id and a.action = 'create') = 1`,
        )
        .get() as { n: number }
    ).n
    copy.close()
    expect(whole).toBe(inBackup)
    expect(inBackup).toBeGreaterThanOrEqual(backupStarted!.length)

    fresh = mkdtempSync(join(tmpdir(), 'hutong-drill-restored-'))
    const restored = await runCli('restore', [dest], { DATA_DIR: fresh, ...env })
    expect(restored.code).toBe(0)
    const second = await startServer({ dataDir: fresh, env })
    servers.push(second)
    const check = client(second.url, 16)
    clients.push(check)
    for (const s of backupStarted!) {
      const res = await check.json('GET', `/api/v1/registrations/${s.id}`, s.token)
      expect({ id: s.id, status: res.status, record: res.status === 200 ? JSON.parse(res.text).record : undefined }).toEqual({
        id: s.id,
        status: 200,
        record: s.record,
      })
    }
    console.log(
      `drill backup (sqlite): ${CLIENTS} clients, backup started after ${backupStarted!.length} acknowledgements and took ${made.ms} ms ` +
        `(${acksDuringBackup} more acknowledged meanwhile); ${inBackup} registrations in the copy, all whole; ` +
        `restore ${restored.ms} ms; all ${backupStarted!.length} earlier registrations read back from the restored server; ${acknowledged.length} acknowledged in all`,
    )
    rmSync(dest, { force: true })
  })
})
