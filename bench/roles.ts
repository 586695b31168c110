/**
 * The worker endpoints timed over HTTP against a running server, one role after another (used by
 * region-queries.ts at 300,000 rows and national.ts at 3,000,000): each role signs in and times sequential
 * requests of GET /review/queue (its default queue and status=all) and GET /stats — p50, p95, p99 — and the
 * township supervisor also the whole roster, GET /export.xlsx.
 */
import { connect } from '../server/src/db/connect'
import { addWorker, findWorker } from '../server/src/db/users'
import { hashPassword } from '../server/src/passwords'
import { client, type Client } from '../tests/drills/support/http'
import type { ServerProcess } from '../tests/drills/support/server-process'

export const ROLES = [
  { role: 'village_worker', region: '441422101200', label: 'village 茅坪' },
  { role: 'township_supervisor', region: '441422101', label: 'township 茶阳镇' },
  { role: 'county_admin', region: '441422', label: 'county 大埔县' },
] as const

const percentile = (sorted: number[], p: number) =>
  Number(sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)].toFixed(1))

export type Timing = Awaited<ReturnType<typeof timed>>
export interface ScopeResult {
  scope: string
  region: string
  queue: Timing
  queueAll: Timing
  stats: Timing
  exportSeconds?: { p50: number; max: number }
}

export async function timed(http: Client, token: string, path: string, n: number) {
  const times: number[] = []
  let total: number | undefined
  for (let i = 0; i < n; i++) {
    const t = performance.now()
    const res = await http.send({ method: 'GET', path, headers: { authorization: `Bearer ${token}` } })
    times.push(performance.now() - t)
    if (res.status !== 200) throw new Error(`${path}: ${res.status} ${res.text.slice(0, 200)}`)
    if (i === 0 && res.headers['content-type']?.includes('json')) total = JSON.parse(res.text).total
  }
  times.sort((a, b) => a - b)
  return { rows: total, p50: percentile(times, 50), p95: percentile(times, 95), p99: percentile(times, 99) }
}

/** The three bench workers, added once (a resumed database keeps them). */
export async function addBenchWorkers(opts: { dataDir: string; databaseUrl?: string }) {
  const handle = connect(opts)
  const passwordHash = await hashPassword('bench-password')
  for (const r of ROLES) {
    if (!(await findWorker(handle.db, `bench-${r.role}`))) {
      await addWorker(handle.db, { username: `bench-${r.role}`, passwordHash, role: r.role, regionCode: r.region })
    }
  }
  await handle.db.destroy()
}

export async function signIn(http: Client, role: (typeof ROLES)[number]['role']): Promise<string> {
  const login = await http.json('POST', '/api/v1/auth/worker-login', undefined, { username: `bench-${role}`, password: 'bench-password' })
  return JSON.parse(login.text).token as string
}

export async function measureRoles(url: string, requests: number, exportRuns = 3): Promise<ScopeResult[]> {
  const http = client(url, 4)
  const results: ScopeResult[] = []
  for (const r of ROLES) {
    const token = await signIn(http, r.role)
    await timed(http, token, '/api/v1/review/queue', 10) // warm-up: statements prepared, pages cached
    const queue = await timed(http, token, '/api/v1/review/queue', requests)
    const queueAll = await timed(http, token, '/api/v1/review/queue?status=all', requests)
    const stats = await timed(http, token, '/api/v1/stats', requests)
    const exportRun = r.role === 'township_supervisor' ? await timed(http, token, '/api/v1/export.xlsx', exportRuns) : undefined
    results.push({
      scope: r.label,
      region: r.region,
      queue,
      queueAll,
      stats,
      ...(exportRun ? { exportSeconds: { p50: exportRun.p50 / 1000, max: exportRun.p99 / 1000 } } : {}),
    })
  }
  http.close()
  return results
}

/**
 * The server starts its daily re-check (待复核) at start-up: a read of every confirmed record, a million at
 * 3,000,000 registrations. The village worker's queue is timed while it runs (what a worker feels during the
 * daily job); the caller times the roles once it is done, so that their figures are the queue's own.
 */
export async function duringDailyRun(server: ServerProcess) {
  // Watched as it is written: the process keeps only its last few KB, and request logs would push the line out.
  let finished = server.stdout().includes('daily re-check done')
  server.proc.stdout!.on('data', (chunk: Buffer) => {
    if (chunk.toString().includes('daily re-check done')) finished = true
  })
  const done = () => finished
  const http = client(server.url, 4)
  const token = await signIn(http, 'village_worker')
  const started = Date.now()
  const queue = done() ? undefined : await timed(http, token, '/api/v1/review/queue', 100)
  http.close()
  while (!done()) await new Promise((r) => setTimeout(r, 1000))
  return { queueWhileRunning: queue, secondsUntilDone: Math.round((Date.now() - started) / 1000) }
}
