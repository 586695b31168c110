/**
 * `npm run bench:national [-- postgres|sqlite] [rows]`: the worker endpoints at national scale (default
 * 3,000,000 registrations: China counted about 6.97 million rural left-behind children in 2018, so a national
 * deployment holds millions). Rows spread evenly over every Guangdong village (the region data the repo has;
 * ~115 a village, far denser than a real province), timed as in region-queries.ts: the village worker's,
 * township supervisor's and county admin's queue, status=all and /stats (100 requests each), the township's
 * roster once.
 * The database is kept between runs and the fill resumes where it stopped (a schema `bench_national` in
 * BENCH_DATABASE_URL or TEST_DATABASE_URL; a data directory under the system's temp folder for the keys and,
 * on SQLite, the file); `--fresh` starts over, `--drop` removes it all afterwards.
 * Writes bench/results/national-<database>-<date>.json and a row in bench/results/README.md.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { connect, num } from '../server/src/db/connect'
import { migrateToLatest } from '../server/src/db/migrate'
import { startServer } from '../tests/drills/support/server-process'
import { addResultRow, machine, today, writeResult } from './results'
import { addBenchWorkers, duringDailyRun, measureRoles } from './roles'
import { seed } from './seed'

const args = process.argv.slice(2)
const backend = args.includes('sqlite') ? 'sqlite' : 'postgres'
const ROWS = Number(args.find((a) => /^\d+$/.test(a)) ?? 3_000_000)
const SCHEMA = 'bench_national'
const dataDir = join(tmpdir(), `hutong-national-${backend}`)
const progressFile = join(dataDir, 'fill.json')

async function admin(base: string, q: string) {
  const c = new pg.Client({ connectionString: base })
  await c.connect()
  try {
    await c.query(q)
  } finally {
    await c.end()
  }
}

async function main() {
  const base = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL
  if (backend === 'postgres' && !base) throw new Error('set BENCH_DATABASE_URL (or TEST_DATABASE_URL) for PostgreSQL')
  if (args.includes('--fresh')) {
    if (base && backend === 'postgres') await admin(base, `drop schema if exists ${SCHEMA} cascade`)
    rmSync(dataDir, { recursive: true, force: true })
  }
  mkdirSync(dataDir, { recursive: true })
  if (backend === 'postgres') await admin(base!, `create schema if not exists ${SCHEMA}`)
  const databaseUrl =
    backend === 'postgres'
      ? `${base}${base!.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${SCHEMA}`)}`
      : undefined

  // Resume: the rows already there are kept; the fill's seconds add up over the runs.
  const handle = connect({ dataDir, databaseUrl })
  await migrateToLatest(handle.db)
  const have = num(
    (
      await handle.db
        .selectFrom('registrations')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirst()
    )?.n,
  )
  await handle.db.destroy()
  const before = existsSync(progressFile) ? (JSON.parse(readFileSync(progressFile, 'utf8')) as { seconds: number }) : { seconds: 0 }
  let fillSeconds = before.seconds
  if (have < ROWS) {
    console.log(`${backend}: ${have} rows there, filling to ${ROWS}`)
    let last = Date.now()
    const filled = await seed({
      dataDir,
      databaseUrl,
      rows: ROWS,
      from: have,
      even: true,
      progress: (done) => {
        if (Date.now() - last > 30_000) {
          last = Date.now()
          console.log(`  ${done} rows`)
        }
      },
    })
    fillSeconds += filled.fillSeconds
    writeFileSync(progressFile, JSON.stringify({ seconds: fillSeconds }))
  }
  await addBenchWorkers({ dataDir, databaseUrl })

  const server = await startServer({ dataDir, databaseUrl, env: { HUTONG_LOGIN_RATE_MAX: '100' } })
  try {
    const daily = await duringDailyRun(server)
    const results = await measureRoles(server.url, 100, 1)
    const report = {
      date: today(),
      database: backend,
      rows: ROWS,
      spread: 'even over every Guangdong village',
      machine: machine(),
      fillSeconds: Number(fillSeconds.toFixed(1)),
      resumedFrom: have,
      requestsPerFigure: 100,
      daily,
      results,
    }
    console.log(JSON.stringify(report, null, 2))
    writeResult(`national-${backend}`, report)
    const m = machine()
    const q = (i: number) => `${results[i].queue.p95} / ${results[i].queueAll.p95} / ${results[i].stats.p95}`
    addResultRow('national', [
      today(),
      backend,
      ROWS.toLocaleString('en'),
      `${m.cpu}, ${m.cores} cores, Node ${m.node}`,
      report.fillSeconds,
      q(0),
      q(1),
      q(2),
      `${results[1].exportSeconds!.p50.toFixed(2)} (${results[1].queueAll.rows})`,
    ])
  } finally {
    await server.stop()
    if (args.includes('--drop')) {
      if (backend === 'postgres') await admin(base!, `drop schema ${SCHEMA} cascade`)
      rmSync(dataDir, { recursive: true, force: true })
    }
  }
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})
