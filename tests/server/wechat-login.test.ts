/**
 * Sign-in through WeChat's code2session, against the fake WeChat of server/src/wechat-fake: a bad or reused
 * code is 401, two codes of one WeChat user are one guardian who sees their registrations, WeChat out of
 * reach is 503, the session_key goes nowhere; production without WeChat's settings does not start.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { keyEnv } from '../drills/support/cli'
import { startServer } from '../drills/support/server-process'
import { loadConfig } from '../../server/src/config'
import { startFakeWechat, type FakeWechat } from '../../server/src/wechat-fake/fake'
import { BACKENDS, fixture, startApp, uuid, type TestApp } from './helpers'

describe.each(BACKENDS)('WeChat sign-in (%s)', (backend) => {
  let fake: FakeWechat
  let t: TestApp
  beforeAll(async () => {
    fake = await startFakeWechat()
    t = await startApp(backend, {
      wechat: { appid: fake.appid, secret: fake.secret, apiBase: fake.url, miniprogramState: 'formal', sendIntervalMs: 0 },
    })
  })
  afterAll(async () => {
    await t.close()
    await fake.close()
  })
  const wx = (code: string) => t.req('POST', '/api/v1/auth/wx-login', { body: { code } })

  test('a code WeChat refuses is 401 with a message, audited; the same code is never sent twice', async () => {
    const before = fake.calls.jscode2session ?? 0
    const res = await wx('bad-code-from-an-attacker')
    expect(res.statusCode).toBe(401)
    expect(res.json()).toMatchObject({ error: { code: 'unauthorized', message: '微信登录失败，请重试' } })
    expect(fake.calls.jscode2session).toBe(before + 1)
    const failed = await t.app.db.selectFrom('audit_log').select('detail').where('action', '=', 'login_failed').execute()
    expect(failed.map((r) => JSON.parse(r.detail!))).toContainEqual({ kind: 'guardian', why: 'code2session errcode 40029' })
  })

  test('a string the stand-in would have accepted is no identity: only WeChat names the user', async () => {
    const first = await wx('openid:grandma-attacked:1')
    expect(first.statusCode).toBe(200)
    // The same code again (an attacker replaying it) is refused: codes are single-use.
    expect((await wx('openid:grandma-attacked:1')).statusCode).toBe(401)
    const row = await t.app.db.selectFrom('users').select('openid').where('id', '=', first.json().user.id).executeTakeFirstOrThrow()
    expect(row.openid).toBe('grandma-attacked')
  })

  test('two codes of one WeChat user are one guardian, who sees their registrations from the new phone', async () => {
    const a = await wx('openid:grandma-li:phone-1')
    expect(a.statusCode).toBe(200)
    const id = uuid()
    expect((await t.put(a.json().token, id, fixture())).statusCode).toBe(201)
    const b = await wx('openid:grandma-li:phone-2')
    expect(b.statusCode).toBe(200)
    expect(b.json().user.id).toBe(a.json().user.id)
    const list = await t.req('GET', '/api/v1/registrations', { token: b.json().token })
    expect(list.statusCode).toBe(200)
    expect(JSON.stringify(list.json())).toContain(id)
    const other = await wx('openid:someone-else:1')
    expect(other.json().user.id).not.toBe(a.json().user.id)
    expect(JSON.stringify((await t.req('GET', '/api/v1/registrations', { token: other.json().token })).json())).not.toContain(id)
  })

  test('WeChat out of reach: 503 "try again", no guardian made', async () => {
    const users = await t.count('users')
    fake.down = true
    try {
      const res = await wx('openid:grandma-wang:1')
      expect(res.statusCode).toBe(503)
      expect(res.json()).toMatchObject({ error: { code: 'wechat_unavailable', message: '暂时连不上微信，请稍后再试' } })
    } finally {
      fake.down = false
    }
    expect(await t.count('users')).toBe(users)
  })

  test('the session_key is neither answered nor stored', async () => {
    const res = await wx('openid:grandma-zhao:1')
    const key = fake.sessionKeys.at(-1)!
    expect(res.body).not.toContain(key)
    const tables = ['users', 'audit_log'] as const
    for (const table of tables) expect(JSON.stringify(await t.app.db.selectFrom(table).selectAll().execute())).not.toContain(key)
  })
})

const env = (vars: Record<string, string>) => vars as unknown as NodeJS.ProcessEnv

describe('production without WeChat', () => {
  test('loadConfig refuses, naming the variables and the reason', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'hutong-wx-'))
    try {
      expect(() => loadConfig(env({ ...keyEnv(), NODE_ENV: 'production', DATA_DIR: dataDir }))).toThrow(
        /WECHAT_APPID 和 WECHAT_SECRET.*冒充/,
      )
      expect(() => loadConfig(env({ ...keyEnv(), NODE_ENV: 'production', DATA_DIR: dataDir, WECHAT_APPID: 'wx1' }))).toThrow(/WECHAT_APPID/)
      const ok = loadConfig(env({ ...keyEnv(), NODE_ENV: 'production', DATA_DIR: dataDir, WECHAT_APPID: 'wx1', WECHAT_SECRET: 's' }))
      expect(ok.wechat).toMatchObject({ appid: 'wx1', apiBase: 'https://api.weixin.qq.com', miniprogramState: 'formal' })
      // Outside production the stand-in stays (tests, demo, devtools' test account).
      expect(loadConfig(env({ NODE_ENV: 'development', DATA_DIR: dataDir })).wechat).toBeUndefined()
    } finally {
      rmSync(dataDir, { recursive: true, force: true })
    }
  })

  test('the real process exits before listening and says why', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'hutong-wx-'))
    try {
      await expect(startServer({ dataDir, env: { ...keyEnv(), NODE_ENV: 'production' } })).rejects.toThrow(
        /exited \(1\) before listening:[\s\S]*生产环境必须设置 WECHAT_APPID 和 WECHAT_SECRET/,
      )
    } finally {
      rmSync(dataDir, { recursive: true, force: true })
    }
  })
})
