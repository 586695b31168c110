/**
 * `npm run bench:api`: PUT /api/v1/registrations/:id (a fresh UUID per request, the left-behind fixture as
 * the body) against the real app (group commit), the same app committing each submission on its own (as it
 * did before), and the same request against a bare Fastify + better-sqlite3 insert, in one run on this
 * machine. Writes bench/results/put-registration-<date>.json and a row in bench/results/README.md with req/s,
 * p99 and the ratios app/bare for both.
 */
import { spawn } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { totalmem } from 'node:os'
import { join } from 'node:path'
import autocannon from 'autocannon'
import { addResultRow, machine as machineInfo, today, writeResult } from './results'

const ROOT = join(__dirname, '..')
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50)
const DURATION = Number(process.env.BENCH_SECONDS ?? 15)
const WARMUP = 3
const body = readFileSync(join(ROOT, 'tests/fixtures/registrations/left-behind.json'), 'utf8')

function startServers(): Promise<{ app: string; perWrite: string; perWriteToken: string; bare: string; token: string; stop: () => void }> {
  const proc = spawn(process.execPath, ['--import', 'tsx', join(__dirname, 'servers.ts')], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  return new Promise((resolve, reject) => {
    let out = ''
    proc.stdout.on('data', (c: Buffer) => {
      out += c.toString()
      const line = out.split('\n').find((l) => l.startsWith('{'))
      if (line) resolve({ ...JSON.parse(line), stop: () => proc.kill('SIGTERM') })
    })
    proc.on('exit', (code) => reject(new Error(`servers exited with ${code}`)))
  })
}

async function run(url: string, pathOf: () => string, headers: Record<string, string>, duration: number) {
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    duration,
    requests: [
      {
        method: 'PUT',
        headers: { 'content-type': 'application/json', ...headers },
        body,
        setupRequest: (req) => ({ ...req, path: pathOf() }),
      },
    ],
  })
  return {
    requestsPerSecond: Math.round(result.requests.average),
    latencyMs: { p50: result.latency.p50, p99: result.latency.p99, max: result.latency.max },
    total: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
  }
}

async function main() {
  const s = await startServers()
  try {
    const auth = { authorization: `Bearer ${s.token}` }
    const appPath = () => `/api/v1/registrations/${randomUUID()}`
    const barePath = () => `/r/${randomUUID()}`
    const perWriteAuth = { authorization: `Bearer ${s.perWriteToken}` }
    await run(s.app, appPath, auth, WARMUP)
    await run(s.perWrite, appPath, perWriteAuth, WARMUP)
    await run(s.bare, barePath, {}, WARMUP)
    const app = await run(s.app, appPath, auth, DURATION)
    const perWrite = await run(s.perWrite, appPath, perWriteAuth, DURATION)
    const bare = await run(s.bare, barePath, {}, DURATION)
    const date = today()
    const machine = { ...machineInfo(), memoryGB: Math.round(totalmem() / 2 ** 30) }
    const ratio = Number((app.requestsPerSecond / bare.requestsPerSecond).toFixed(3))
    const ratioPerWrite = Number((perWrite.requestsPerSecond / bare.requestsPerSecond).toFixed(3))
    const report = {
      date,
      machine,
      connections: CONNECTIONS,
      durationSeconds: DURATION,
      bodyBytes: Buffer.byteLength(body),
      sqlite: 'WAL, synchronous=FULL (all three servers)',
      app,
      appCommitPerWrite: perWrite,
      bare,
      ratio,
      ratioCommitPerWrite: ratioPerWrite,
    }
    writeResult('put-registration', report)
    addResultRow('put', [
      date,
      `PUT /registrations/:id (${CONNECTIONS} conn, ${DURATION} s)`,
      `${machine.cpu}, ${machine.cores} cores, Node ${machine.node}`,
      app.requestsPerSecond,
      app.latencyMs.p99,
      bare.requestsPerSecond,
      bare.latencyMs.p99,
      ratio,
      `${perWrite.requestsPerSecond} / ${perWrite.latencyMs.p99} / ${ratioPerWrite}`,
    ])
    console.log(JSON.stringify(report, null, 2))
    if ([app, perWrite, bare].some((r) => r.non2xx || r.errors)) {
      console.error('non-2xx answers or errors during the run: see the report')
      process.exitCode = 1
    }
  } finally {
    s.stop()
  }
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})
