/**
 * `npx tsx bench/region-queries.ts [sqlite|postgres] [rows]`: the worker endpoints at scale, over HTTP.
 * Seeds a fresh database (bench/seed.ts; default 300,000 registrations, 60,000 of them in 大埔县), starts the
 * real server process on it, and as a village worker (茅坪), a township supervisor (茶阳镇) and a county admin
 * (大埔县) times 100 sequential requests each of GET /review/queue (the default queue and status=all) and of
 * GET /stats — p50, p95, p99 — then the township's roster, GET /export.xlsx, three times; all of it once the
 * server's daily re-check, started at start-up, is done (the village queue is also timed while it runs).
 * PostgreSQL: a schema of its own in BENCH_DATABASE_URL (or TEST_DATABASE_URL), dropped afterwards.
 * Writes bench/results/review-queue-<database>-<date>.json and a row in bench/results/README.md.
 */
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { startServer } from '../tests/drills/support/server-process'
import { addResultRow, machine, today, writeResult } from './results'
import { addBenchWorkers, duringDailyRun, measureRoles } from './roles'
import { seed } from './seed'

const backend = process.argv[2] === 'postgres' ? 'postgres' : 'sqlite'
const ROWS = Number(process.argv[3] ?? 300_000)
const REQUESTS = 100

async function main() {
  const dataDir = mkdtempSync(join(tmpdir(), 'hutong-scale-'))
  const base = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL
  if (backend === 'postgres' && !base) throw new Error('set BENCH_DATABASE_URL (or TEST_DATABASE_URL) for PostgreSQL')
  const schema = backend === 'postgres' ? `bench_${randomBytes(4).toString('hex')}` : undefined
  const admin = async (q: string) => {
    const c = new pg.Client({ connectionString: base })
    await c.connect()
    try {
      await c.query(q)
    } finally {
      await c.end()
    }
  }
  if (schema) await admin(`create schema ${schema}`)
  const databaseUrl = schema
    ? `${base}${base!.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`
    : undefined
  let stop = async () => undefined as void
  try {
    const filled = await seed({ dataDir, databaseUrl, rows: ROWS })
    console.log(`${backend}: ${ROWS} rows in ${filled.fillSeconds} s`)
    await addBenchWorkers({ dataDir, databaseUrl })
    const server = await startServer({ dataDir, databaseUrl, env: { HUTONG_LOGIN_RATE_MAX: '100' } })
    stop = server.stop
    const daily = await duringDailyRun(server)
    const results = await measureRoles(server.url, REQUESTS)
    const township = results[1]
    // The roster leaves withdrawn registrations out; the seed has none, so it holds every row of the township.
    const exportRows = township.queueAll.rows
    const report = {
      date: today(),
      database: backend,
      rows: ROWS,
      inCounty441422: filled.inCounty441422,
      machine: machine(),
      fillSeconds: filled.fillSeconds,
      requestsPerFigure: REQUESTS,
      daily,
      results,
      exportRows,
    }
    console.log(JSON.stringify(report, null, 2))
    writeResult(`review-queue-${backend}`, report)
    const q = (i: number) => `${results[i].queue.p50} / ${results[i].queue.p95}`
    const m = machine()
    addResultRow('queue', [
      today(),
      backend,
      `${m.cpu}, ${m.cores} cores, Node ${m.node}`,
      q(0),
      q(1),
      q(2),
      `${township.exportSeconds!.p50.toFixed(2)} (${exportRows})`,
    ])
  } finally {
    await stop()
    if (schema) await admin(`drop schema ${schema} cascade`)
    rmSync(dataDir, { recursive: true, force: true })
  }
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})
