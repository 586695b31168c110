/**
 * `npx tsx bench/queue-plans.ts <schema>`: the review queue's two costly statements on PostgreSQL, before and
 * after migration 006, side by side in one run on one database (a schema already filled by bench/seed.ts,
 * e.g. the one bench/national.ts keeps): for a village, a township and a county, 50 runs each of
 *  - the first page's `total`: count(*) over the registrations against the sum over registration_counts;
 *  - the page itself (status=all, newest change first, 21 rows) without registrations_recent (dropped inside
 *    a transaction that is rolled back) and with it.
 * Database time only (no HTTP). Writes bench/results/queue-plans-<date>.json and a README row.
 */
import pg from 'pg'
import { regionRange } from '../server/src/scope'
import { addResultRow, machine, today, writeResult } from './results'
import { ROLES } from './roles'

const schema = process.argv[2] ?? 'bench_national'
const RUNS = 50
type Timing = { p50: number; p95: number }

async function timeQuery(c: pg.Client, text: string, values: unknown[]) {
  const times: number[] = []
  for (let i = 0; i < RUNS + 3; i++) {
    const t = performance.now()
    await c.query(text, values)
    if (i >= 3) times.push(performance.now() - t) // three warm-up runs
  }
  times.sort((a, b) => a - b)
  const at = (p: number) => Number(times[Math.ceil((p / 100) * times.length) - 1].toFixed(2))
  return { p50: at(50), p95: at(95) }
}

async function main() {
  const base = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL
  if (!base) throw new Error('set BENCH_DATABASE_URL (or TEST_DATABASE_URL)')
  const c = new pg.Client({ connectionString: base })
  await c.connect()
  await c.query(`set search_path = ${schema}`)
  const rows = Number((await c.query('select count(*) as n from registrations')).rows[0].n)
  const results: { scope: string; rows: number; countRows: Timing; countKept: Timing; pageBefore: Timing; pageAfter: Timing }[] = []
  for (const r of ROLES) {
    const { lo, hi } = regionRange(r.region)!
    const range = 'village_code >= $1 and village_code <= $2'
    const countRows = await timeQuery(c, `select count(*) from registrations where ${range}`, [lo, hi])
    const countKept = await timeQuery(c, `select sum(n) from registration_counts where ${range}`, [lo, hi])
    const page = `select * from registrations where ${range} order by updated_at desc, id desc limit 21`
    await c.query('begin')
    await c.query('drop index registrations_recent')
    const pageBefore = await timeQuery(c, page, [lo, hi])
    await c.query('rollback')
    const pageAfter = await timeQuery(c, page, [lo, hi])
    const inRegion = Number((await c.query(`select sum(n) as n from registration_counts where ${range}`, [lo, hi])).rows[0].n)
    results.push({ scope: r.label, rows: inRegion, countRows, countKept, pageBefore, pageAfter })
  }
  await c.end()
  const report = { date: today(), schema, rows, machine: machine(), runs: RUNS, results }
  console.log(JSON.stringify(report, null, 2))
  writeResult(`queue-plans-${rows}`, report)
  const m = machine()
  const cell = (i: number) =>
    `${results[i].countRows.p95} → ${results[i].countKept.p95} / ${results[i].pageBefore.p95} → ${results[i].pageAfter.p95}`
  addResultRow('plans', [today(), rows.toLocaleString('en'), `${m.cpu}, ${m.cores} cores, Node ${m.node}`, cell(0), cell(1), cell(2)])
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})
