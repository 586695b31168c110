/**
 * The real server (server/src/main.ts) as a child process on loopback, for the drills. It runs as node with
 * the tsx loader and no wrapper process, so a SIGKILL hits the server itself. PORT=0: the kernel picks a
 * free port, which the server prints in its "Server listening at" log line.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { join } from 'node:path'

const ROOT = join(__dirname, '..', '..', '..')

export interface ServerProcess {
  url: string
  proc: ChildProcess
  alive(): boolean
  /** Resolves when the process has ended: its exit code (or signal) and the time (Date.now()) it ended. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>
  /** SIGTERM and wait for the exit (the server closes its database on the way out). */
  stop(): Promise<void>
  /** SIGKILL: no handler runs, nothing is flushed by the process. */
  kill(): Promise<void>
  /** The last lines the process wrote, for a failure message. */
  tail(): string
  /** The last lines it wrote to stdout alone. */
  stdout(): string
}

export function startServer(opts: { dataDir: string; databaseUrl?: string; env?: Record<string, string> }): Promise<ServerProcess> {
  const proc = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'server/src/main.ts')], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'test',
      DATA_DIR: opts.dataDir,
      DATABASE_URL: opts.databaseUrl ?? '',
      PORT: '0',
      HOST: '127.0.0.1',
      HUTONG_LOG: '1',
      HUTONG_STATIC_DIR: join(opts.dataDir, 'no-h5'),
      // The load drills write hundreds of records per guardian; the hostile drill sets the real limit.
      HUTONG_GUARDIAN_NEW_PER_HOUR: '100000',
      ...opts.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  // Keep only the last few KB: a drill's request log runs to thousands of lines.
  let out = ''
  let stdout = ''
  const keep = (chunk: Buffer) => {
    out = (out + chunk.toString()).slice(-8000)
  }
  proc.stdout!.on('data', (chunk: Buffer) => {
    stdout = (stdout + chunk.toString()).slice(-8000)
  })
  proc.stderr!.on('data', keep)
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>((resolve) => {
    proc.once('exit', (code, signal) => resolve({ code, signal, at: Date.now() }))
  })
  const alive = () => proc.exitCode === null && proc.signalCode === null
  const end = (signal: NodeJS.Signals) => async () => {
    if (alive()) proc.kill(signal)
    await exited
  }
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      proc.kill('SIGKILL')
      reject(new Error(`server did not start within 30 s:\n${out}`))
    }, 30_000)
    let url = ''
    proc.once('exit', (code, signal) => {
      clearTimeout(timer)
      if (!url) reject(new Error(`server exited (${code ?? signal}) before listening:\n${out}`))
    })
    proc.stdout!.on('data', (chunk: Buffer) => {
      keep(chunk)
      if (url) return
      const m = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(out)
      if (!m) return
      url = m[1]
      clearTimeout(timer)
      resolve({ url, proc, alive, exited, stop: end('SIGTERM'), kill: end('SIGKILL'), tail: () => out, stdout: () => stdout })
    })
  })
}
