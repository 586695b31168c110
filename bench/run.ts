/**
 * `npm run bench`: every benchmark, one after another (each alone on the machine), each writing its
 * bench/results/<name>-<date>.json and its row in bench/results/README.md. Not a gate: the figures inform
 * docs/quality.md. PostgreSQL runs when BENCH_DATABASE_URL or TEST_DATABASE_URL is set; the national-scale run
 * (3,000,000 registrations on PostgreSQL, bench/national.ts: a long fill, resumed on the next run) only with
 * BENCH_NATIONAL=1 as well, or on its own: `npm run bench:national`. The H5 first load runs when dist/h5 is built.
 */
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'

const ROOT = join(__dirname, '..')
const tsx = (file: string, ...args: string[]) => [process.execPath, '--import', 'tsx', join(__dirname, file), ...args]
const runs: [string, string[]][] = [
  ['PUT /registrations/:id against a bare insert', tsx('put-registration.ts')],
  ['review queue, stats and export at 300,000 rows (SQLite)', tsx('region-queries.ts', 'sqlite')],
  ...(process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL
    ? [['review queue, stats and export at 300,000 rows (PostgreSQL)', tsx('region-queries.ts', 'postgres')] as [string, string[]]]
    : []),
  ...((process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL) && process.env.BENCH_NATIONAL === '1'
    ? [['national scale: 3,000,000 registrations (PostgreSQL)', tsx('national.ts', 'postgres')] as [string, string[]]]
    : []),
  ['一人一表: PDF against an A4 .xlsx (size, time, pages, fonts)', tsx('forms-format.ts')],
  // The H5 build is not made here (it takes minutes): `npm run build:h5` first.
  ...(existsSync(join(ROOT, 'dist', 'h5', 'index.html'))
    ? [['H5 first load on Slow 4G, CPU 4× slower: uncompressed against precompressed', tsx('h5-first-load.ts')] as [string, string[]]]
    : []),
  [
    'wizard steps: DOM nodes and React commits (H5 in jsdom)',
    [process.execPath, join(ROOT, 'node_modules/jest/bin/jest.js'), '-c', join(__dirname, 'jest.config.js')],
  ],
]

let failed = 0
for (const [title, [cmd, ...args]] of runs) {
  console.log(`\n== bench: ${title}`)
  const started = Date.now()
  const { status } = spawnSync(cmd, args, { cwd: ROOT, stdio: 'inherit' })
  console.log(`== ${status === 0 ? 'done' : `FAILED (${status})`} in ${((Date.now() - started) / 1000).toFixed(0)} s`)
  if (status !== 0) failed++
}
if (!existsSync(join(ROOT, 'dist', 'h5', 'index.html'))) console.log('H5 first load skipped: run `npm run build:h5` first')
if (!process.env.BENCH_DATABASE_URL && !process.env.TEST_DATABASE_URL)
  console.log('PostgreSQL skipped: set BENCH_DATABASE_URL or TEST_DATABASE_URL')
process.exit(failed ? 1 : 0)
