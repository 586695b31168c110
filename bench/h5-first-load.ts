/**
 * First load of the H5 page on a phone with a weak signal: headless Chromium (playwright-core) with
 * Chromium's own emulation through the DevTools protocol — Slow 4G (150 ms round trip, 1.6 Mbit/s down,
 * 750 kbit/s up), the CPU slowed 4×, the cache disabled — and a fresh profile for each visit (a phone
 * that has never opened the page). Two servers on the same build in the same run, visited in turn:
 *  - "before": HUTONG_STATIC_PRECOMPRESSED=0, every file as it is (how the server sent them until the
 *    build's brotli/gzip copies existed); with --before-dir <dir> that server serves another build instead
 *    (e.g. the build of an earlier commit, for the chunking and preloading as well); with --before-compressed
 *    it sends that build's brotli copies as the shipped server does, so that two builds compare alone;
 *  - "after": the server as shipped.
 * Per visit: the guardian's home visible (from the navigation's start) and the bytes on the wire by then;
 * everything fetched once the page is idle (the wizard's preloaded script included); the tap on
 * 开始登记一个孩子 until step 1 is visible, and the bytes that took. The worker's sign-in page visible, then
 * the tap on 登录 until the queue shows. Times are read in the page (performance.now() at the first
 * animation frame where the element has a box), so the driver's own polling does not count.
 * Median of the rounds (--rounds, default 3). Writes bench/results/h5-first-load-<date>.json and a row per
 * server in bench/results/README.md. Needs dist/h5 (`npm run build:h5`).
 */
import { loadavg } from 'node:os'
import { resolve } from 'node:path'
import type { CDPSession, Page } from 'playwright-core'
import { launchBrowser, startServer, type TestServer } from '../tests/e2e/harness'
import { addResultRow, machine, today, writeResult } from './results'

const PROFILE = { latencyMs: 150, downKbit: 1600, upKbit: 750, cpuSlowdown: 4 }
const PASSWORD = 'bench-password-1'
const WORKER = 'demo-maoping'

const args = process.argv.slice(2)
const option = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined)
const ROUNDS = Number(option('--rounds') ?? 3)
const BEFORE_DIR = option('--before-dir')
const BEFORE_COMPRESSED = args.includes('--before-compressed')

/** Marks: the first animation frame at which each selector has a box; `tap`: the first click after reset. */
const MARKS = { home: '#home-start', step1: '#field-child-name', login: '#login-submit', queue: '#queue-total, #queue-empty' }
// A string, not a function: tsx would wrap a function's inner functions in a helper the page does not have.
const INSTALL_MARKS = `(() => {
  const selectors = ${JSON.stringify(MARKS)}
  window.__marks = {}
  document.addEventListener('click', () => { if (window.__marks.tap === undefined) window.__marks.tap = performance.now() }, true)
  const check = () => {
    for (const [name, selector] of Object.entries(selectors)) {
      if (window.__marks[name] !== undefined) continue
      const el = document.querySelector(selector)
      if (el && el.getClientRects().length > 0) window.__marks[name] = performance.now()
    }
    requestAnimationFrame(check)
  }
  requestAnimationFrame(check)
})()`

interface File {
  url: string
  bytes: number
  encoding?: string
  startMs: number
  endMs: number
}

interface Wire {
  bytes(): number
  files(): File[]
  inFlight(): number
}

async function emulate(page: Page): Promise<Wire> {
  const cdp: CDPSession = await page.context().newCDPSession(page)
  await cdp.send('Network.enable')
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true })
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: PROFILE.latencyMs,
    downloadThroughput: (PROFILE.downKbit * 1000) / 8,
    uploadThroughput: (PROFILE.upKbit * 1000) / 8,
  })
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: PROFILE.cpuSlowdown })
  // When each request started and finished, in ms after the first one (to read the waterfall in the JSON).
  let t0: number | undefined
  const at = (timestamp: number) => Math.round((timestamp - (t0 ??= timestamp)) * 1000)
  const pending = new Map<string, { url: string; encoding?: string; startMs: number }>()
  const done: File[] = []
  cdp.on('Network.requestWillBeSent', (e) =>
    pending.set(e.requestId, { url: new URL(e.request.url).pathname + new URL(e.request.url).hash, startMs: at(e.timestamp) }),
  )
  cdp.on('Network.responseReceived', (e) => {
    const entry = pending.get(e.requestId)
    const headers = Object.fromEntries(Object.entries(e.response.headers).map(([k, v]) => [k.toLowerCase(), v]))
    if (entry) entry.encoding = headers['content-encoding'] as string | undefined
  })
  cdp.on('Network.loadingFinished', (e) => {
    const entry = pending.get(e.requestId)
    pending.delete(e.requestId)
    if (entry) done.push({ ...entry, bytes: e.encodedDataLength, endMs: at(e.timestamp) })
  })
  cdp.on('Network.loadingFailed', (e) => pending.delete(e.requestId))
  return { bytes: () => done.reduce((sum, f) => sum + f.bytes, 0), files: () => [...done], inFlight: () => pending.size }
}

const mark = (page: Page, name: string) =>
  page
    .waitForFunction((n) => (window as unknown as { __marks: Record<string, number> }).__marks?.[n], name, { timeout: 120_000 })
    .then((h) => h.jsonValue() as Promise<number>)

const resetTap = (page: Page) => page.evaluate(() => delete (window as unknown as { __marks: Record<string, number> }).__marks.tap)

async function networkIdle(wire: Wire, quietMs = 2000) {
  let quietSince = Date.now()
  while (Date.now() - quietSince < quietMs) {
    if (wire.inFlight() > 0) quietSince = Date.now()
    await new Promise((r) => setTimeout(r, 100))
  }
}

async function guardianVisit(server: TestServer) {
  const browser = await launchBrowser()
  try {
    const page = await browser.newPage()
    await page.addInitScript(INSTALL_MARKS)
    const wire = await emulate(page)
    await page.goto(`${server.url}/`, { waitUntil: 'commit' })
    const homeMs = await mark(page, 'home')
    const homeBytes = wire.bytes()
    const homeFiles = wire.files()
    await networkIdle(wire)
    const idleBytes = wire.bytes()
    const idleFiles = wire.files().slice(homeFiles.length)
    await resetTap(page)
    await page.locator('#home-start').click()
    const step1 = await mark(page, 'step1')
    const tap = await page.evaluate(() => (window as unknown as { __marks: Record<string, number> }).__marks.tap)
    await networkIdle(wire, 1000)
    return {
      homeMs: Math.round(homeMs),
      homeBytes,
      idleBytes,
      step1AfterTapMs: Math.round(step1 - tap),
      step1Bytes: wire.bytes() - idleBytes,
      homeFiles,
      idleFiles,
      step1Files: wire.files().slice(homeFiles.length + idleFiles.length),
    }
  } finally {
    await browser.close()
  }
}

async function workerVisit(server: TestServer) {
  const browser = await launchBrowser()
  try {
    const page = await browser.newPage()
    await page.addInitScript(INSTALL_MARKS)
    const wire = await emulate(page)
    await page.goto(`${server.url}/#/worker/login/index`, { waitUntil: 'commit' })
    const loginMs = await mark(page, 'login')
    const loginBytes = wire.bytes()
    await page.locator('#login-username input').fill(WORKER)
    await page.locator('#login-password input').fill(PASSWORD)
    await resetTap(page)
    await page.locator('#login-submit').click()
    const queue = await mark(page, 'queue')
    const tap = await page.evaluate(() => (window as unknown as { __marks: Record<string, number> }).__marks.tap)
    await networkIdle(wire, 1000)
    return { loginMs: Math.round(loginMs), loginBytes, queueAfterTapMs: Math.round(queue - tap), queueBytes: wire.bytes() - loginBytes }
  } finally {
    await browser.close()
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
type Visit = Awaited<ReturnType<typeof guardianVisit>> & Awaited<ReturnType<typeof workerVisit>>
const NUMBERS = [
  'homeMs',
  'homeBytes',
  'idleBytes',
  'step1AfterTapMs',
  'step1Bytes',
  'loginMs',
  'loginBytes',
  'queueAfterTapMs',
  'queueBytes',
] as const

function summary(visits: Visit[]) {
  return Object.fromEntries(NUMBERS.map((k) => [k, { median: median(visits.map((v) => v[k])), all: visits.map((v) => v[k]) }]))
}

async function main() {
  const env = { HUTONG_LOG: '0', HUTONG_LOGIN_RATE_MAX: '1000' }
  const servers = {
    before: await startServer({
      demo: true,
      demoPassword: PASSWORD,
      env: {
        ...env,
        HUTONG_STATIC_PRECOMPRESSED: BEFORE_COMPRESSED ? '1' : '0',
        ...(BEFORE_DIR ? { HUTONG_STATIC_DIR: resolve(BEFORE_DIR) } : {}),
      },
    }),
    after: await startServer({ demo: true, demoPassword: PASSWORD, env }),
  }
  const visits: Record<keyof typeof servers, Visit[]> = { before: [], after: [] }
  // The machine may be shared: its load says how far the absolute times are to be trusted.
  const loadAtStart = loadavg()
  try {
    for (let round = 1; round <= ROUNDS; round++) {
      for (const name of ['before', 'after'] as const) {
        const visit = { ...(await guardianVisit(servers[name])), ...(await workerVisit(servers[name])) }
        visits[name].push(visit)
        console.log(
          `round ${round} ${name.padEnd(6)} home ${visit.homeMs} ms ${(visit.homeBytes / 1024).toFixed(0)} KB · idle ${(visit.idleBytes / 1024).toFixed(0)} KB · step 1 +${visit.step1AfterTapMs} ms +${(visit.step1Bytes / 1024).toFixed(0)} KB · sign-in ${visit.loginMs} ms · queue +${visit.queueAfterTapMs} ms`,
        )
      }
    }
  } finally {
    await servers.before.dispose()
    await servers.after.dispose()
  }
  const report = {
    date: new Date().toISOString(),
    machine: {
      ...machine(),
      loadAverage: { start: loadAtStart.map((l) => Number(l.toFixed(1))), end: loadavg().map((l) => Number(l.toFixed(1))) },
    },
    profile: PROFILE,
    rounds: ROUNDS,
    before: {
      served: `${BEFORE_DIR ?? 'dist/h5'}, ${BEFORE_COMPRESSED ? 'brotli' : 'uncompressed'}`,
      ...summary(visits.before),
    },
    after: { served: 'dist/h5, precompressed', ...summary(visits.after) },
    files: { before: visits.before[0], after: visits.after[0] },
  }
  const file = writeResult('h5-first-load', report)
  const m = report.machine
  for (const name of ['before', 'after'] as const) {
    const s = report[name] as unknown as Record<(typeof NUMBERS)[number], { median: number }>
    const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`
    addResultRow('h5', [
      today(),
      `${m.cpu.split(' ').slice(0, 2).join(' ')}, ${m.cores} cores, load ${m.loadAverage.start[0]}–${m.loadAverage.end[0]}`,
      `${name}: ${report[name].served}`,
      `${(s.homeMs.median / 1000).toFixed(2)} s / ${kb(s.homeBytes.median)}`,
      kb(s.idleBytes.median),
      `${(s.step1AfterTapMs.median / 1000).toFixed(2)} s / ${kb(s.step1Bytes.median)}`,
      `${(s.loginMs.median / 1000).toFixed(2)} s / ${kb(s.loginBytes.median)}`,
      `${(s.queueAfterTapMs.median / 1000).toFixed(2)} s`,
    ])
  }
  console.log(`written to ${file}`)
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
