/**
 * What an operator sees at start: one plain line saying where guardians and workers open the app; the log as
 * one JSON object per line in production (the plain line then on stderr, so stdout stays JSON), and
 * pino-pretty lines in a developer's terminal. The real entry point, as a process.
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { keyEnv } from '../drills/support/cli'
import { startServer } from '../drills/support/server-process'
import { startupLine } from '../../server/src/startup'

test('the start-up line names the guardian page and the worker sign-in, or says the H5 build is missing', () => {
  expect(startupLine('https://hutong.example.cn', true)).toBe(
    '护童登记已启动 — 监护人登记：https://hutong.example.cn/ · 工作人员登录：https://hutong.example.cn/#/worker/login/index',
  )
  expect(startupLine('http://127.0.0.1:8080', false)).toBe(
    '护童登记接口已启动：http://127.0.0.1:8080/api/v1（没有找到 H5 页面，先运行 npm run build:h5）',
  )
})

// Production needs WeChat's settings (tests/server/wechat-login.test.ts); nothing here calls WeChat.
const WECHAT_ENV = { WECHAT_APPID: 'wxstartuptest', WECHAT_SECRET: 'not-used', WECHAT_API_BASE: 'http://127.0.0.1:9' }

describe('log format of the real process', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'hutong-startup-'))
  const h5 = join(dataDir, 'h5')
  mkdirSync(h5)
  writeFileSync(join(h5, 'index.html'), '<!doctype html><title>护童登记</title>')
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }))

  test('production: stdout is JSON lines (with "Server listening at"), the plain line goes to stderr', async () => {
    const s = await startServer({ dataDir, env: { ...keyEnv(), ...WECHAT_ENV, NODE_ENV: 'production', HUTONG_STATIC_DIR: h5 } })
    try {
      await fetch(`${s.url}/healthz?secret=1`)
      await s.stop()
      const out = s.tail()
      const plain = out.split('\n').filter((l) => l.startsWith('护童登记已启动'))
      expect(plain).toEqual([`护童登记已启动 — 监护人登记：${s.url}/ · 工作人员登录：${s.url}/#/worker/login/index`])
      const lines = s
        .stdout()
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l))
      expect(lines.some((l) => l.msg?.startsWith('Server listening at http://127.0.0.1:'))).toBe(true)
      const health = lines.find((l) => l.req?.route === '/healthz')
      expect(health).toMatchObject({ req: { method: 'GET', path: '/healthz' }, reqId: expect.stringMatching(/^[0-9a-f-]{36}$/) })
      expect(lines.find((l) => l.msg === 'keys and shared state')).toMatchObject({ sharedState: 'memory', metrics: false })
      expect(lines.some((l) => /SIGTERM: closing/.test(l.msg))).toBe(true)
    } finally {
      await s.kill()
    }
  })

  test('development with HUTONG_LOG_FORMAT=pretty: readable lines, the plain line on stdout', async () => {
    const s = await startServer({ dataDir, env: { HUTONG_LOG_FORMAT: 'pretty', HUTONG_STATIC_DIR: h5 } })
    try {
      await s.stop()
      const out = s.tail()
      expect(s.stdout()).toContain(`护童登记已启动 — 监护人登记：${s.url}/`)
      expect(out).toMatch(/INFO.*Server listening at http:\/\/127\.0\.0\.1:\d+/)
      expect(out.split('\n').filter((l) => l.startsWith('{'))).toEqual([])
    } finally {
      await s.kill()
    }
  })
})
