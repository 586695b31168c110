/**
 * The H5 build as the server sends it: the brotli or gzip copy that `npm run build:h5` writes
 * (scripts/compress-h5.mjs, run here on a small build) to a browser that accepts it, with Content-Encoding
 * and `Vary: accept-encoding`; a year of immutable caching for the hashed scripts and styles; index.html
 * asked for again on every open. HUTONG_STATIC_PRECOMPRESSED=0 sends the files as they are.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { loadConfig } from '../../server/src/config'
import { startApp, type TestApp } from './helpers'

const ROOT = join(__dirname, '..', '..')
const SCRIPT = `/* app */ ${Array.from({ length: 400 }, (_, i) => `function step${i}(){return "第${i}步，共5步"}`).join(';')}`
const STYLE = `.card{padding:12px}${'.line{color:#333}'.repeat(200)}`
const PAGE = `<!doctype html><html><head><script defer src="/js/app.0123abcd.js"></script><link href="/css/app.0123abcd4567ef89.css" rel="stylesheet"></head><body><div id="app"></div>${'<!-- 护童登记 -->'.repeat(40)}</body></html>`

function buildH5(): string {
  const dir = mkdtempSync(join(tmpdir(), 'hutong-h5-'))
  mkdirSync(join(dir, 'js'))
  mkdirSync(join(dir, 'css'))
  writeFileSync(join(dir, 'index.html'), PAGE)
  writeFileSync(join(dir, 'js', 'app.0123abcd.js'), SCRIPT)
  writeFileSync(join(dir, 'css', 'app.0123abcd4567ef89.css'), STYLE)
  // A stale copy from an earlier build goes away.
  writeFileSync(join(dir, 'js', 'old.99999999.js.br'), 'stale')
  execFileSync(process.execPath, [join(ROOT, 'scripts', 'compress-h5.mjs'), dir])
  return dir
}

const vary = (v: unknown) => String(v ?? '').toLowerCase()

describe('H5 build: precompressed files and cache headers', () => {
  let dir: string
  let t: TestApp
  let plain: TestApp
  beforeAll(async () => {
    dir = buildH5()
    t = await startApp('sqlite', { staticDir: dir })
    plain = await startApp('sqlite', { staticDir: dir, staticPrecompressed: false })
  })
  afterAll(async () => {
    await t?.close()
    await plain?.close()
  })

  test('the build script writes a brotli and a gzip copy of each text file and removes stale ones', () => {
    for (const file of ['index.html', 'js/app.0123abcd.js', 'css/app.0123abcd4567ef89.css']) {
      expect(existsSync(join(dir, `${file}.br`))).toBe(true)
      expect(existsSync(join(dir, `${file}.gz`))).toBe(true)
    }
    expect(existsSync(join(dir, 'js', 'old.99999999.js.br'))).toBe(false)
  })

  test('accept-encoding br gets the brotli copy; gzip the gzip copy; both say Vary: accept-encoding', async () => {
    const br = await t.req('GET', '/js/app.0123abcd.js', { headers: { 'accept-encoding': 'gzip, deflate, br, zstd' } })
    expect(br.statusCode).toBe(200)
    expect(br.headers['content-encoding']).toBe('br')
    expect(br.headers['content-type']).toContain('javascript')
    expect(vary(br.headers.vary)).toContain('accept-encoding')
    expect(br.rawPayload.length).toBeLessThan(SCRIPT.length / 4)
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(SCRIPT)

    const gz = await t.req('GET', '/js/app.0123abcd.js', { headers: { 'accept-encoding': 'gzip' } })
    expect(gz.headers['content-encoding']).toBe('gzip')
    expect(vary(gz.headers.vary)).toContain('accept-encoding')
    expect(gunzipSync(gz.rawPayload).toString()).toBe(SCRIPT)

    const css = await t.req('GET', '/css/app.0123abcd4567ef89.css', { headers: { 'accept-encoding': 'br' } })
    expect(css.headers['content-encoding']).toBe('br')
    expect(css.headers['content-type']).toContain('text/css')
    expect(brotliDecompressSync(css.rawPayload).toString()).toBe(STYLE)
  })

  test('a browser that accepts no compression gets the file as it is, still with Vary', async () => {
    const res = await t.req('GET', '/js/app.0123abcd.js', { headers: { 'accept-encoding': 'identity' } })
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-encoding']).toBeUndefined()
    expect(vary(res.headers.vary)).toContain('accept-encoding')
    expect(res.body).toBe(SCRIPT)
  })

  test('hashed scripts and styles are cached for a year as immutable, compressed or not', async () => {
    for (const encoding of ['br', 'gzip', 'identity']) {
      for (const url of ['/js/app.0123abcd.js', '/css/app.0123abcd4567ef89.css']) {
        const res = await t.req('GET', url, { headers: { 'accept-encoding': encoding } })
        expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable')
      }
    }
  })

  test('index.html, at / and by name, is compressed and revalidated on every open', async () => {
    for (const url of ['/', '/index.html']) {
      const res = await t.req('GET', url, { headers: { 'accept-encoding': 'gzip, deflate, br' } })
      expect(res.statusCode).toBe(200)
      expect(res.headers['content-type']).toContain('text/html')
      expect(res.headers['content-encoding']).toBe('br')
      expect(res.headers['cache-control']).toBe('no-cache')
      expect(brotliDecompressSync(res.rawPayload).toString()).toBe(PAGE)
      // A validator, so that the revalidation is a 304 without a body.
      const again = await t.req('GET', url, {
        headers: { 'accept-encoding': 'gzip, deflate, br', 'if-none-match': res.headers.etag as string },
      })
      expect(again.statusCode).toBe(304)
    }
  })

  test('HUTONG_STATIC_PRECOMPRESSED=0 sends every file as it is, with the same cache headers', async () => {
    expect(loadConfig({ DATA_DIR: dir, HUTONG_STATIC_PRECOMPRESSED: '0' } as unknown as NodeJS.ProcessEnv).staticPrecompressed).toBe(false)
    expect(loadConfig({ DATA_DIR: dir } as unknown as NodeJS.ProcessEnv).staticPrecompressed).toBe(true)
    const js = await plain.req('GET', '/js/app.0123abcd.js', { headers: { 'accept-encoding': 'gzip, deflate, br' } })
    expect(js.headers['content-encoding']).toBeUndefined()
    expect(js.body).toBe(SCRIPT)
    expect(js.headers['cache-control']).toBe('public, max-age=31536000, immutable')
    const page = await plain.req('GET', '/', { headers: { 'accept-encoding': 'gzip, deflate, br' } })
    expect(page.headers['content-encoding']).toBeUndefined()
    expect(page.body).toBe(PAGE)
    expect(page.headers['cache-control']).toBe('no-cache')
  })
})
