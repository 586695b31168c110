import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'

// scripts/check-size.mjs against small fake builds (--no-build --dist): what it counts, and when it fails.
const script = join(__dirname, '..', '..', 'scripts', 'check-size.mjs')
let dir: string

function build(files: Record<string, string | number>) {
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, file)), { recursive: true })
    writeFileSync(join(dir, file), typeof content === 'number' ? 'x'.repeat(content) : content)
  }
}
const run = () => spawnSync(process.execPath, [script, '--no-build', '--dist', dir], { encoding: 'utf8' })
const appJson = JSON.stringify({ pages: ['pages/index/index'], subPackages: [{ root: 'register/', pages: ['a/index'] }] })

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'check-size-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

test('counts what WeChat uploads, per package, and passes within budget', () => {
  build({
    'app.json': appJson,
    'app.js': 1000,
    'pages/index/index.wxml': 24,
    'app.js.LICENSE.txt': 5000,
    'project.config.json': JSON.stringify({ description: 'x'.repeat(5000) }), // not uploaded
    'register/a/index.js': 2000,
    'register/a/index.wxss': 48,
  })
  const out = run()
  expect(out.status).toBe(0)
  const mainBytes = Buffer.byteLength(appJson) + 1000 + 24 // app.json, app.js, the wxml; not the .txt nor project.config.json
  expect(out.stdout).toMatch(new RegExp(`main package\\s+${mainBytes.toLocaleString('en-US')} B\\s+1\\.1 KB\\s+3 files`))
  expect(out.stdout).toMatch(/subpackage register\/\s+2,048 B\s+2\.0 KB\s+2 files/)
})

test('fails over the main-package budget (420 KB) and over a subpackage budget (500 KB)', () => {
  build({ 'app.json': appJson, 'vendors.js': 420 * 1024, 'register/a/index.js': 500 * 1024 + 1 })
  const out = run()
  expect(out.status).toBe(1)
  expect(out.stderr).toMatch(/FAIL main package is 420\.\d KB, over its 420\.0 KB budget/)
  expect(out.stderr).toMatch(/FAIL subpackage register\/ is 500\.0 KB, over its 500\.0 KB budget/)
})

test('fails when a village name reaches the main package, also as \\u escapes; a subpackage may hold them', () => {
  const escaped = [...'翠洲社区居民委员会'].map((c) => `\\u${c.charCodeAt(0).toString(16)}`).join('')
  build({ 'app.json': appJson, 'common.js': `var v="${escaped}"`, 'register/a/index.js': 'var v="翠洲社区居民委员会"' })
  const out = run()
  expect(out.status).toBe(1)
  expect(out.stderr).toContain('village names in main-package file common.js: 翠洲社区居民委员会')
  expect(out.stderr).not.toContain('register/a/index.js')
})

test('fails, never passes, when there is no build', () => {
  const out = run()
  expect(out.status).not.toBe(0)
  expect(out.stderr).toContain('No weapp build')
})

describe('the H5 home page on the wire (--h5)', () => {
  // Beside the weapp build, not in it (everything under --dist counts for the mini-program).
  const h5 = () => `${dir}-h5`
  afterEach(() => rmSync(h5(), { recursive: true, force: true }))
  const buildH5 = (files: Record<string, string | number>) => {
    for (const [file, content] of Object.entries(files)) {
      mkdirSync(dirname(join(h5(), file)), { recursive: true })
      writeFileSync(join(h5(), file), typeof content === 'number' ? 'x'.repeat(content) : content)
    }
  }
  const runH5 = () => spawnSync(process.execPath, [script, '--no-build', '--dist', dir, '--h5', h5()], { encoding: 'utf8' })
  const page = (names: string) =>
    `<!doctype html><html><head><script defer src="/js/app.1.js"></script>${names}<link href="/css/app.1.css" rel="stylesheet"></head></html>`

  test('counts index.html, its scripts, styles and preloads as brotli copies plus headers; passes within 200 KB', () => {
    build({ 'app.json': appJson, 'app.js': 10 })
    buildH5({
      'index.html': page('<link rel="preload" as="script" href="/js/home.1.js">'),
      'index.html.br': 300,
      'js/app.1.js': 400_000,
      'js/app.1.js.br': 100_000,
      'css/app.1.css': 900,
      'css/app.1.css.br': 200,
      'js/home.1.js': 60_000,
      'js/home.1.js.br': 15_000,
      'js/wizard.1.js': 200_000, // not named by index.html: not counted
    })
    const out = runH5()
    expect(out.status).toBe(0)
    const total = 300 + 100_000 + 200 + 15_000 + 4 * 1024
    expect(out.stdout).toMatch(new RegExp(`total with headers\\s+${total.toLocaleString('en-US')} B`))
  })

  test('fails over 200 KB, and when the build has no brotli copies', () => {
    build({ 'app.json': appJson, 'app.js': 10 })
    buildH5({ 'index.html': page(''), 'js/app.1.js': 300_000, 'css/app.1.css': 900 })
    const out = runH5()
    expect(out.status).toBe(1)
    expect(out.stderr).toMatch(/FAIL the H5 home page is \d+\.\d KB on the wire, over its 200\.0 KB budget/)
    expect(out.stderr).toContain('the H5 build has no brotli copies')
  })
})
