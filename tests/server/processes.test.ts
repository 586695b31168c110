/**
 * SQLite under real concurrency: several server processes (the real entry point, server/src/main.ts) on
 * one data directory, receiving the same submission at once over HTTP; and a kill -9 right after
 * acknowledgements, after which every acknowledged registration must still be in the file.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import SQLite from 'better-sqlite3'
import { fixture } from './helpers'

const ROOT = join(__dirname, '..', '..')
jest.setTimeout(60_000)

interface Server {
  proc: ChildProcess
  url: string
}

/** One process: node with the tsx loader (no wrapper process, so a SIGKILL hits the server itself). */
function serve(dataDir: string): Promise<Server> {
  const proc = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'server/src/main.ts')], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      PORT: '0',
      HOST: '127.0.0.1',
      HUTONG_LOG: '1',
      DATABASE_URL: '',
      HUTONG_STATIC_DIR: join(dataDir, 'none'),
      // One guardian writes 50 new records here: the per-guardian limit is raised (the hostile drill tests it).
      HUTONG_GUARDIAN_NEW_PER_HOUR: '100000',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  return new Promise((resolve, reject) => {
    let out = ''
    const timer = setTimeout(() => reject(new Error(`server did not start: ${out}`)), 30_000)
    const onData = (chunk: Buffer) => {
      out += chunk.toString()
      const m = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(out)
      if (m) {
        clearTimeout(timer)
        resolve({ proc, url: m[1] })
      }
    }
    proc.stdout!.on('data', onData)
    proc.stderr!.on('data', (c: Buffer) => {
      out += c.toString()
    })
    proc.on('exit', (code) => reject(new Error(`server exited ${code}: ${out}`)))
  })
}

const stop = (s: Server) =>
  new Promise<void>((resolve) => {
    if (s.proc.exitCode !== null || s.proc.signalCode !== null) return resolve()
    s.proc.once('exit', () => resolve())
    s.proc.kill('SIGTERM')
  })

async function login(url: string): Promise<string> {
  const res = await fetch(`${url}/api/v1/auth/wx-login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code: 'device-processes' }),
  })
  return (await res.json()).token
}

const put = (url: string, token: string, id: string, body: unknown) =>
  fetch(`${url}/api/v1/registrations/${id}`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  })

function rows(dataDir: string, sql: string, ...params: unknown[]) {
  const db = new SQLite(join(dataDir, 'hutong.sqlite'), { readonly: true })
  try {
    return db.prepare(sql).all(...params)
  } finally {
    db.close()
  }
}

describe('SQLite with several processes', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'hutong-procs-'))
  const servers: Server[] = []
  beforeAll(async () => {
    servers.push(await serve(dataDir)) // the first one migrates and creates the development keys
    servers.push(...(await Promise.all([serve(dataDir), serve(dataDir), serve(dataDir)])))
  })
  afterAll(async () => {
    await Promise.all(servers.map(stop))
    rmSync(dataDir, { recursive: true, force: true })
  })

  test('50 identical PUTs spread over 4 processes at once → one record, 1 × 201 and 49 × 200', async () => {
    const token = await login(servers[0].url)
    const id = randomUUID()
    const body = fixture('de-facto-unsupported')
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => put(servers[i % 4].url, token, id, body)))
    const codes = results.map((r) => r.status)
    expect(codes.filter((c) => c === 201)).toHaveLength(1)
    expect(codes.filter((c) => c === 200)).toHaveLength(49)
    expect(rows(dataDir, 'select id from registrations where id = ?', id)).toHaveLength(1)
    expect(rows(dataDir, 'select version from registration_events where registration_id = ?', id)).toHaveLength(1)
  })

  test('50 different PUTs at once over 4 processes → 50 records, no busy errors', async () => {
    const token = await login(servers[1].url)
    const ids = Array.from({ length: 50 }, () => randomUUID())
    const results = await Promise.all(ids.map((id, i) => put(servers[i % 4].url, token, id, fixture('left-behind'))))
    expect(results.map((r) => r.status)).toEqual(ids.map(() => 201))
    const found = rows(dataDir, `select id from registrations where id in (${ids.map(() => '?').join(',')})`, ...ids)
    expect(found).toHaveLength(50)
  })

  test('kill -9 right after acknowledgements: every acknowledged registration is in the file', async () => {
    const victim = await serve(dataDir)
    const token = await login(victim.url)
    const ids = Array.from({ length: 40 }, () => randomUUID())
    const acknowledged: string[] = []
    await new Promise<void>((resolve) => {
      let settled = 0
      for (const id of ids) {
        put(victim.url, token, id, fixture('orphan'))
          .then((res) => {
            if (res.status === 201) acknowledged.push(id)
            // Kill the process the moment the tenth acknowledgement arrives, others still in flight.
            if (acknowledged.length === 10) victim.proc.kill('SIGKILL')
          })
          .catch(() => undefined)
          .finally(() => {
            if (++settled === ids.length) resolve()
          })
      }
    })
    await new Promise((r) => (victim.proc.exitCode !== null || victim.proc.signalCode !== null ? r(null) : victim.proc.once('exit', r)))
    expect(victim.proc.signalCode).toBe('SIGKILL')
    expect(acknowledged.length).toBeGreaterThanOrEqual(10)
    const found = new Set((rows(dataDir, 'select id from registrations') as { id: string }[]).map((r) => r.id))
    for (const id of acknowledged) expect(found.has(id)).toBe(true)
    const pragmas = new SQLite(join(dataDir, 'hutong.sqlite'))
    try {
      expect(pragmas.pragma('journal_mode', { simple: true })).toBe('wal')
    } finally {
      pragmas.close()
    }
  })
})
