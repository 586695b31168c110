/**
 * The H5 page as a phone first gets it, in Chromium against the real server and the build
 * (`npm run build:h5`, which writes the compressed copies): every script and style arrives brotli-compressed
 * with its year-long immutable caching, index.html revalidated; the home page's chunk is preloaded by
 * index.html; the wizard's script comes down while home is idle, so that tapping 开始登记一个孩子 opens step 1
 * without fetching any script; and the wizard works on the compressed build (step 1 filled, step 2 reached).
 * Timings are for bench/h5-first-load.ts, not here.
 */
import type { Response } from 'playwright-core'
import { launchBrowser, startServer, type TestBrowser, type TestServer } from './harness'
import { expectStep, fillChild, next } from './by-label'

jest.setTimeout(180_000)

let server: TestServer
let browser: TestBrowser
beforeAll(async () => {
  server = await startServer()
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
  await server?.dispose()
})

test('compressed, cached and preloaded: the wizard opens without a download and works', async () => {
  const page = await browser.newPage()
  const start = page.getByRole('button', { name: '开始登记一个孩子', exact: true })
  const responses: Response[] = []
  page.on('response', (r) => responses.push(r))
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(e.message))

  await page.goto(`${server.url}/`)
  await start.waitFor()
  const html = responses.find((r) => new URL(r.url()).pathname === '/')!
  expect((await html.allHeaders())['cache-control']).toBe('no-cache')
  const preloads = await page.locator('link[rel="preload"]').evaluateAll((links) => links.map((l) => l.getAttribute('href')))
  expect(preloads.some((href) => /^\/js\/.+\.js$/.test(href ?? ''))).toBe(true)

  // The wizard's script arrives while home is idle, before any tap: more is fetched than index.html names.
  const scripts = () => responses.filter((r) => /\.(js|css)$/.test(new URL(r.url()).pathname))
  const named = ((await html.text()).match(/ (src|href)="\/(js|css)\//g) ?? []).length
  await page.waitForLoadState('networkidle')
  for (const r of scripts()) {
    const headers = await r.allHeaders()
    expect([r.url(), headers['content-encoding']]).toEqual([r.url(), 'br'])
    expect(headers['cache-control']).toBe('public, max-age=31536000, immutable')
    expect(headers.vary?.toLowerCase()).toContain('accept-encoding')
  }
  for (const href of preloads) expect(scripts().some((r) => new URL(r.url()).pathname === href)).toBe(true)
  expect(scripts().length).toBeGreaterThan(named)

  const fetched = scripts().length
  await start.click()
  await expectStep(page, 1, '儿童信息')
  expect(scripts().length).toBe(fetched)

  await fillChild(page, { name: '陈小明', id: '441422201503081230', address: '茅坪村上屋12号' })
  await next(page)
  await expectStep(page, 2, '父母情况')
  expect(errors).toEqual([])
})
