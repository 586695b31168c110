/**
 * End-to-end harness: the real server (`tsx server/src/main.ts`) as a child process on a free loopback
 * port with its own temporary DATA_DIR, serving the H5 build (dist/h5: build it first); Debian's chromium
 * driven by playwright-core. The server can be stopped (SIGTERM, or SIGKILL as a crash) and started again
 * on the same port and data. Screenshots go to test-results/screenshots/. Used by every e2e test:
 *
 *   const server = await startServer({ demo: true })        // demo workers, password 'demo-password-e2e'
 *   const browser = await launchBrowser()                   // a fresh profile = a fresh phone
 *   const page = await browser.newPage(); await page.goto(`${server.url}/#/worker/login/index`)
 *   await screenshot(page, 'worker-login')
 *   await server.addWorker({ username: 'w1', password: 'password-1', role: 'village_worker', region: '441422101200' })
 *   const token = await server.workerToken('w1', 'password-1') // then server.api('GET', '/api/v1/review/queue', { token })
 *   await server.stop('SIGKILL'); await server.start()       // a crash and a restart, same port and data
 *   await server.stop(); await server.start({ HUTONG_TEST_NOW: '2031-03-08T02:00:00Z' }) // the clock moved
 *   await server.runDaily()                                   // `npm run server:daily` on the same data and clock
 *   await browser.close(); await server.dispose()
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { chromium, type BrowserContext, type Page } from 'playwright-core'

export const ROOT = resolve(__dirname, '..', '..')
export const SCREENSHOTS = join(ROOT, 'test-results', 'screenshots')
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx')
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer()
    probe.once('error', fail)
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number }
      probe.close(() => done(port))
    })
  })
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

export interface ServerOptions {
  /** Demo mode: the four demo worker accounts (password `demoPassword`) and the demo guardian's records. */
  demo?: boolean
  demoPassword?: string
  env?: Record<string, string>
}

export interface TestServer {
  url: string
  port: number
  dataDir: string
  /**
   * Starts (or restarts, same port and data) and waits until /healthz answers. `env` is added to the
   * server's environment from now on (e.g. a new `HUTONG_TEST_NOW`: the clock moved between two runs).
   */
  start(env?: Record<string, string>): Promise<void>
  /** SIGTERM: a clean shutdown; SIGKILL: a crash. Resolves when the process group is gone. */
  stop(signal?: 'SIGTERM' | 'SIGKILL'): Promise<void>
  running(): boolean
  /** Everything the server printed (for failure messages). */
  output(): string
  /** A JSON call to the API (no browser). */
  api<T = any>(method: string, path: string, opts?: { token?: string; body?: unknown }): Promise<{ status: number; body: T }>
  /** `npm run server:daily` (the daily re-check, once) against the same data, with the server's environment; its output. */
  runDaily(): Promise<string>
  /** Adds a worker account through the CLI (the same program an administrator runs). */
  addWorker(w: { username: string; password: string; role: string; region: string; name?: string }): Promise<void>
  /** Signs a worker in through the API; returns the token. */
  workerToken(username: string, password: string): Promise<string>
  /** Stops the server and deletes its data directory. */
  dispose(): Promise<void>
}

export async function startServer(options: ServerOptions = {}): Promise<TestServer> {
  if (!existsSync(join(ROOT, 'dist', 'h5', 'index.html'))) throw new Error('dist/h5 is missing: run `npm run build:h5` first')
  const port = await freePort()
  const dataDir = mkdtempSync(join(tmpdir(), 'hutong-e2e-'))
  const url = `http://127.0.0.1:${port}`
  const env = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    HUTONG_STATIC_DIR: join(ROOT, 'dist', 'h5'),
    HUTONG_LOGIN_RATE_MAX: '1000',
    NODE_ENV: 'test',
    ...(options.demo ? { HUTONG_DEMO: '1', HUTONG_DEMO_PASSWORD: options.demoPassword ?? 'demo-password-e2e' } : {}),
    ...options.env,
  }
  let child: ChildProcess | undefined
  let exited: Promise<void> = Promise.resolve()
  let log = ''

  const server: TestServer = {
    url,
    port,
    dataDir,
    async start(more) {
      if (child) throw new Error('server already running')
      Object.assign(env, more)
      // Its own process group, so that a stop reaches tsx and the node process it starts.
      const proc = spawn(TSX, ['server/src/main.ts'], { cwd: ROOT, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] })
      child = proc
      proc.stdout!.on('data', (d) => (log += d))
      proc.stderr!.on('data', (d) => (log += d))
      exited = new Promise((done) =>
        proc.once('exit', () => {
          if (child === proc) child = undefined
          done()
        }),
      )
      const deadline = Date.now() + 60_000
      while (Date.now() < deadline) {
        if (!child) throw new Error(`server exited during start:\n${log}`)
        try {
          if ((await fetch(`${url}/healthz`)).ok) return
        } catch {
          // not listening yet
        }
        await sleep(100)
      }
      throw new Error(`server did not start within 60 s:\n${log}`)
    },
    async stop(signal = 'SIGTERM') {
      const proc = child
      if (!proc?.pid) return
      try {
        process.kill(-proc.pid, signal)
      } catch {
        // already gone
      }
      await exited
      // The port must be free again before a restart on it.
      for (let i = 0; i < 50; i++) {
        try {
          await fetch(`${url}/healthz`)
          await sleep(100)
        } catch {
          return
        }
      }
    },
    running: () => !!child,
    output: () => log,
    async api(method, path, opts = {}) {
      const res = await fetch(`${url}${path}`, {
        method,
        headers: {
          ...(opts.body !== undefined ? { 'content-type': 'application/json' } : {}),
          ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}),
        },
        body: opts.body !== undefined ? JSON.stringify(opts.body) : undefined,
      })
      const text = await res.text()
      return { status: res.status, body: text ? JSON.parse(text) : undefined }
    },
    async runDaily() {
      return new Promise<string>((done, fail) => {
        const job = spawn(TSX, ['server/src/ops/daily.ts'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] })
        let out = ''
        job.stdout.on('data', (d) => (out += d))
        job.stderr.on('data', (d) => (out += d))
        job.once('exit', (code) => (code === 0 ? done(out) : fail(new Error(`server:daily failed (${code}): ${out}`))))
      })
    },
    async addWorker(w) {
      const args = [
        'server/src/cli.ts',
        'add',
        w.username,
        '--password-stdin',
        '--role',
        w.role,
        '--region',
        w.region,
        ...(w.name ? ['--name', w.name] : []),
      ]
      await new Promise<void>((done, fail) => {
        // The password on stdin, as an operator should give it (docs/accounts.md, "The command line").
        const cli = spawn(TSX, args, { cwd: ROOT, env, stdio: ['pipe', 'pipe', 'pipe'] })
        cli.stdin.end(`${w.password}\n`)
        let out = ''
        cli.stdout.on('data', (d) => (out += d))
        cli.stderr.on('data', (d) => (out += d))
        cli.once('exit', (code) => (code === 0 ? done() : fail(new Error(`server:user add failed (${code}): ${out}`))))
      })
    },
    async workerToken(username, password) {
      const res = await server.api('POST', '/api/v1/auth/worker-login', { body: { username, password } })
      if (res.status !== 200) throw new Error(`worker-login ${res.status}: ${JSON.stringify(res.body)}`)
      return res.body.token
    },
    async dispose() {
      await server.stop('SIGKILL')
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
  await server.start()
  return server
}

export interface TestBrowser {
  context: BrowserContext
  newPage(): Promise<Page>
  close(): Promise<void>
}

/** Chromium with a fresh profile (a fresh phone: empty storage, so a new guardian). */
export async function launchBrowser(viewport = { width: 390, height: 844 }): Promise<TestBrowser> {
  const profile = mkdtempSync(join(tmpdir(), 'hutong-chromium-'))
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  })
  return {
    context,
    newPage: () => context.newPage(),
    async close() {
      await context.close()
      rmSync(profile, { recursive: true, force: true })
    },
  }
}

let shots = 0
/** Saves a full-page screenshot as test-results/screenshots/<nn>-<name>.png; returns the path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true })
  // Taro's page transition: a screenshot taken during it comes out blank.
  await page.waitForTimeout(600)
  const file = join(SCREENSHOTS, `${String(++shots).padStart(2, '0')}-${name}.png`)
  await page.screenshot({ path: file, fullPage: true })
  return file
}
