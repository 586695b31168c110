/**
 * Fills a fresh database with N registrations for the region benchmarks, fast: rows are built in memory
 * (each record sealed under its own id, as the app stores it; lookup hashes per child) and written through
 * the driver itself — one prepared INSERT in transactions of 10,000 on SQLite, INSERT … SELECT FROM unnest()
 * of 5,000 rows a statement on PostgreSQL — instead of the app's one-request-at-a-time path.
 * Spread: every Guangdong village in turn, and (unless `even`) a fifth of all rows in 大埔县 (441422) as a heavy
 * county. Resumable: `from` continues a fill that stopped (rows are numbered; ids are fresh UUIDs). On
 * PostgreSQL the counters' trigger is off while filling (session_replication_role = replica) and the
 * counters are then filled in one statement, as migration 006 does.
 */
import { randomUUID } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { sql } from 'kysely'
import pg from 'pg'
import { buildApp } from '../server/src/app'
import { loadConfig } from '../server/src/config'
import { openSqlite } from '../server/src/db/connect'
import { upsertGuardian } from '../server/src/db/users'
import { derive } from '../server/src/services/derive'
import { validateSubmission } from '../server/src/services/submit'
import { contentHash, normaliseName } from '../server/src/vault'

const ROOT = join(__dirname, '..')
const STATUSES = ['submitted', 'village_review', 'verified', 'township_approved', 'confirmed', 'returned'] as const
const COLUMNS = [
  'id',
  'owner_id',
  'status',
  'version',
  'content_hash',
  'payload',
  'village_code',
  'cat_left_behind',
  'cat_difficulty',
  'cat_de_facto_unsupported',
  'cat_orphan',
  'id_hmac',
  'person_hmac',
  'name_hmac',
  'created_at',
  'updated_at',
] as const
const INTEGER = new Set(['version', 'cat_left_behind', 'cat_difficulty', 'cat_de_facto_unsupported', 'cat_orphan'])

export async function seed(opts: {
  dataDir: string
  databaseUrl?: string
  rows: number
  from?: number
  even?: boolean
  progress?: (done: number) => void
}) {
  const config = loadConfig({} as NodeJS.ProcessEnv, {
    dataDir: opts.dataDir,
    databaseUrl: opts.databaseUrl,
    logger: false,
    staticDir: join(opts.dataDir, 'none'),
  })
  const app = await buildApp({ config }) // migrates; gives the vault and the region index
  const owner = await upsertGuardian(app.db, 'scale-owner')
  const villages = Object.entries(
    JSON.parse(readFileSync(join(ROOT, 'server/data/gd-villages.json'), 'utf8')) as Record<string, [string, string][]>,
  ).flatMap(([t, vs]) => vs.map(([s]) => t + s))
  const dabu = villages.filter((v) => v.startsWith('441422'))
  const fixtures = ['left-behind', 'orphan', 'disability', 'de-facto-unsupported'].map(
    (f) => validateSubmission(app, JSON.parse(readFileSync(join(ROOT, `tests/fixtures/registrations/${f}.json`), 'utf8'))).record,
  )
  const derived = fixtures.map((r) => derive(r, app.vault)) // categories per fixture; village and hashes set per row
  const nameHmacs = new Map<string, string>()

  function row(k: number): unknown[] {
    const village = !opts.even && k % 5 === 0 ? dabu[k % dabu.length] : villages[k % villages.length]
    const base = fixtures[k % fixtures.length]
    const name = `陈${k % 997}明`
    const record = { ...base, child: { ...base.child, residenceRegion: village, hukouRegion: village, name } }
    if (!nameHmacs.has(name)) nameHmacs.set(name, app.vault.lookup('name', normaliseName(name)))
    const id = randomUUID()
    const at = new Date(Date.UTC(2026, 0, 1) + k * 1000).toISOString()
    const values: Record<(typeof COLUMNS)[number], unknown> = {
      ...derived[k % fixtures.length],
      id,
      owner_id: owner.id,
      status: STATUSES[k % STATUSES.length],
      version: 1,
      content_hash: contentHash(record),
      payload: app.vault.sealJson(record, id),
      village_code: village,
      // One child per row, as in real data (the fixtures' ID numbers would make every row a duplicate).
      id_hmac: app.vault.lookup('id', `bench-${k}`),
      person_hmac: app.vault.lookup('person', `bench-${k}`),
      name_hmac: nameHmacs.get(name),
      created_at: at,
      updated_at: at,
    }
    return COLUMNS.map((c) => values[c])
  }

  const started = Date.now()
  if (app.dialect === 'sqlite') {
    const raw = openSqlite(join(opts.dataDir, 'hutong.sqlite'))
    const insert = raw.prepare(`insert into registrations (${COLUMNS.join(', ')}) values (${COLUMNS.map(() => '?').join(', ')})`)
    const batch = raw.transaction((from: number, to: number) => {
      for (let k = from; k < to; k++) insert.run(...row(k))
    })
    for (let k = opts.from ?? 0; k < opts.rows; k += 10_000) {
      batch(k, Math.min(opts.rows, k + 10_000))
      opts.progress?.(Math.min(opts.rows, k + 10_000))
    }
    raw.exec('analyze')
    raw.close()
  } else {
    const client = new pg.Client({ connectionString: opts.databaseUrl })
    await client.connect()
    await client.query('set session_replication_role = replica')
    const unnest = COLUMNS.map((c, i) => `$${i + 1}::${INTEGER.has(c) ? 'int' : 'text'}[]`).join(', ')
    for (let k = opts.from ?? 0; k < opts.rows; k += 5000) {
      const columns: unknown[][] = COLUMNS.map(() => [])
      for (let j = k; j < Math.min(opts.rows, k + 5000); j++) row(j).forEach((v, c) => columns[c].push(v))
      await client.query(`insert into registrations (${COLUMNS.join(', ')}) select * from unnest(${unnest})`, columns)
      opts.progress?.(Math.min(opts.rows, k + 5000))
    }
    await client.query('set session_replication_role = origin')
    const cats = COLUMNS.filter((c) => c.startsWith('cat_'))
    await client.query('begin')
    await client.query('delete from registration_counts')
    await client.query(
      `insert into registration_counts (village_code, status, n, ${cats.join(', ')})
       select village_code, status, count(*), ${cats.map((c) => `sum(${c})`).join(', ')} from registrations group by village_code, status`,
    )
    await client.query('commit')
    await client.end()
    // Steady state: statistics gathered and the visibility map set, as autovacuum leaves a live database.
    await sql.raw('vacuum analyze registrations').execute(app.db)
  }
  const fillSeconds = (Date.now() - started) / 1000
  await app.close()
  return { fillSeconds, inCounty441422: opts.even ? undefined : Math.ceil(opts.rows / 5) }
}
