/**
 * bench/results/README.md: one table per benchmark, one row per run, newest last. Each benchmark adds its
 * row through here, so the tables keep one shape; a table that is missing is added at the end of the file.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { cpus, loadavg } from 'node:os'
import { join } from 'node:path'

export const RESULTS_DIR = join(__dirname, 'results')
const README = join(RESULTS_DIR, 'README.md')

const TABLES = {
  put: {
    title: '## PUT /api/v1/registrations/:id — `npm run bench:api`',
    header: [
      'date',
      'benchmark',
      'machine',
      'app req/s',
      'app p99 ms',
      'bare req/s',
      'bare p99 ms',
      'ratio app/bare',
      'app, one commit per write: req/s / p99 ms / ratio',
    ],
  },
  queue: {
    title: '## Review queue and roster export at 300,000 registrations, over HTTP — `npx tsx bench/region-queries.ts`',
    header: [
      'date',
      'database',
      'machine',
      'village queue p50 / p95 ms',
      'township queue p50 / p95 ms',
      'county queue p50 / p95 ms',
      'township export s (rows)',
    ],
  },
  plans: {
    title: '## The queue on PostgreSQL before and after migration 006, database time — `npx tsx bench/queue-plans.ts <schema>`',
    header: [
      'date',
      'registrations',
      'machine',
      'village p95 ms: count → counters / page → with index',
      'township p95 ms: count → counters / page → with index',
      'county p95 ms: count → counters / page → with index',
    ],
  },
  national: {
    title: '## National scale, over HTTP — `npm run bench:national`',
    header: [
      'date',
      'database',
      'registrations',
      'machine',
      'fill s',
      'village p95 ms: queue / all / stats',
      'township p95 ms: queue / all / stats',
      'county p95 ms: queue / all / stats',
      'township roster s (rows)',
    ],
  },
  forms: {
    title: '## 一人一表: PDF (pdfkit, subset Noto Sans SC) against an A4 .xlsx (exceljs) — `npx tsx bench/forms-format.ts`',
    header: [
      'date',
      'machine',
      'PDF bytes (median of 4 fixtures)',
      'PDF ms (p50 warm)',
      'xlsx bytes',
      'xlsx ms (p50 warm)',
      'xlsx in LibreOffice: pages / fonts',
    ],
  },
  wizard: {
    title: '## Wizard steps in H5: DOM nodes / React commits per keystroke / commits at blur — `npm run bench:wizard`',
    header: ['date', 'child', 'parents', 'guardianship', 'family', 'consent (review)'],
  },
  h5: {
    title:
      '## H5 first load on Slow 4G (150 ms, 1.6 Mbit/s down, 750 kbit/s up), CPU 4× slower, cache disabled — `npx tsx bench/h5-first-load.ts`',
    header: [
      'date',
      'machine',
      'server',
      'home visible / on the wire',
      'on the wire once idle',
      'step 1 after the tap / bytes',
      'worker sign-in visible / bytes',
      'queue after 登录',
    ],
  },
} as const

export type Table = keyof typeof TABLES

export function machine() {
  // The load average at the time: the machine is shared, and a loaded one stretches every figure.
  return { cpu: cpus()[0].model, cores: cpus().length, node: process.version, loadAverage1m: Number(loadavg()[0].toFixed(1)) }
}

export const today = () => new Date().toISOString().slice(0, 10)

export function writeResult(name: string, report: unknown): string {
  const file = join(RESULTS_DIR, `${name}-${today()}.json`)
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`)
  return file
}

/** Adds `cells` as the last row of the table. */
export function addResultRow(table: Table, cells: (string | number)[]) {
  const { title, header } = TABLES[table]
  const head = `| ${header.join(' | ')} |`
  const lines = existsSync(README) ? readFileSync(README, 'utf8').split('\n') : ['# Benchmark results', '']
  let at = lines.indexOf(head)
  if (at < 0) {
    if (lines[lines.length - 1] !== '') lines.push('')
    lines.push(title, '', head, `|${' --- |'.repeat(header.length)}`, '')
    at = lines.indexOf(head)
  }
  while (lines[at + 1]?.startsWith('|')) at++
  lines.splice(at + 1, 0, `| ${cells.join(' | ')} |`)
  writeFileSync(README, lines.join('\n'))
}
