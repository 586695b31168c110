/**
 * The public region endpoints (next level, a county's villages, ETag caching), health, the H5 build served
 * at `/` under a CSP that allows exactly its inline script, and CORS for the H5 dev origin only.
 */
import { createHash } from 'node:crypto'
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startApp, type TestApp } from './helpers'

const INLINE = '!function(n){n.document.documentElement.style.fontSize="20px"}(window);'

describe('regions, health, static files and headers', () => {
  let t: TestApp
  beforeAll(async () => {
    const h5 = mkdtempSync(join(tmpdir(), 'hutong-h5-'))
    mkdirSync(join(h5, 'js'))
    writeFileSync(
      join(h5, 'index.html'),
      `<!doctype html><html><head><script>${INLINE}</script><script defer src="/js/app.js"></script></head><body><div id="app"></div></body></html>`,
    )
    writeFileSync(join(h5, 'js', 'app.js'), 'console.log(1)')
    t = await startApp('sqlite', { staticDir: h5, corsOrigins: ['http://localhost:10086'] })
  })
  afterAll(() => t.close())

  test('next level: county → townships, township → villages', async () => {
    const county = await t.req('GET', '/api/v1/regions/441422/children')
    expect(county.statusCode).toBe(200)
    expect(county.json()).toMatchObject({ code: '441422', name: '大埔县', fullName: '广东省梅州市大埔县' })
    expect(county.json().items).toContainEqual({ code: '441422101', name: '茶阳镇' })
    const town = (await t.req('GET', '/api/v1/regions/441422101/children')).json()
    expect(town.items.slice(1, 4)).toEqual([
      { code: '441422101200', name: '茅坪村委会' },
      { code: '441422101201', name: '左弼村委会' },
      { code: '441422101202', name: '大觉村委会' },
    ])
    expect((await t.req('GET', '/api/v1/regions/441422101200/children')).json().items).toEqual([])
    expect((await t.req('GET', '/api/v1/regions/441422999/children')).statusCode).toBe(404)
    expect((await t.req('GET', '/api/v1/regions/abc/children')).statusCode).toBe(400)
  })

  test("a county's villages by township, with ETag and Cache-Control; 304 on a match", async () => {
    const res = await t.req('GET', '/api/v1/regions/441422/villages')
    expect(res.statusCode).toBe(200)
    const body = res.json()
    expect(body.townships['441422101']).toContainEqual(['200', '茅坪村委会'])
    expect(res.headers['cache-control']).toBe('public, max-age=86400')
    const etag = res.headers.etag as string
    expect(etag).toMatch(/^"[\w-]+"$/)
    const again = await t.req('GET', '/api/v1/regions/441422/villages', { headers: { 'if-none-match': etag } })
    expect(again.statusCode).toBe(304)
    expect(again.body).toBe('')
    // 东莞 has no county level: its placeholder county code works.
    expect(Object.keys((await t.req('GET', '/api/v1/regions/441900/villages')).json().townships).length).toBeGreaterThan(20)
    expect((await t.req('GET', '/api/v1/regions/441422101/villages')).statusCode).toBe(404)
  })

  test('healthz answers with the database kind', async () => {
    expect((await t.req('GET', '/healthz')).json()).toEqual({ ok: true, database: 'sqlite' })
  })

  test('the H5 build is served at / with a CSP allowing exactly its inline script', async () => {
    const page = await t.req('GET', '/')
    expect(page.statusCode).toBe(200)
    expect(page.headers['content-type']).toContain('text/html')
    const csp = page.headers['content-security-policy'] as string
    const hash = createHash('sha256').update(INLINE).digest('base64')
    expect(csp).toContain(`script-src 'self' 'sha256-${hash}'`)
    expect(csp).not.toContain("'unsafe-inline' 'sha256")
    expect(csp).toContain("frame-ancestors 'none'")
    expect((await t.req('GET', '/js/app.js')).body).toBe('console.log(1)')
    expect((await t.req('GET', '/favicon.ico')).statusCode).toBe(204)
    expect(page.headers['x-content-type-options']).toBe('nosniff')
    const api = await t.req('GET', '/api/v1/regions/441422/children')
    expect(api.headers['strict-transport-security']).toBeDefined()
  })

  test('CORS: the H5 dev origin may call the API, another origin may not', async () => {
    const ok = await t.app.inject({
      method: 'OPTIONS',
      url: '/api/v1/registrations',
      headers: {
        origin: 'http://localhost:10086',
        'access-control-request-method': 'PUT',
        'access-control-request-headers': 'authorization,content-type',
      },
    })
    expect(ok.statusCode).toBe(204)
    expect(ok.headers['access-control-allow-origin']).toBe('http://localhost:10086')
    const evil = await t.app.inject({ method: 'GET', url: '/api/v1/regions/441422/children', headers: { origin: 'https://evil.example' } })
    expect(evil.headers['access-control-allow-origin']).toBeUndefined()
  })
})
