/**
 * Sign-in and tokens: the wx.login stand-in maps a code to a stable guardian; worker passwords are scrypt
 * hashes; tokens expire (guardian 7 days, worker 12 hours); failures are audited; logins are rate-limited.
 */
import { decodeJwt, SignJWT } from 'jose'
import { BACKENDS, TOWNSHIP, startApp, type TestApp } from './helpers'

describe.each(BACKENDS)('auth (%s)', (backend) => {
  let t: TestApp
  let clock = Date.now()
  beforeAll(async () => {
    t = await startApp(backend, {}, () => clock)
  })
  afterAll(() => t.close())

  const wx = (code: unknown) => t.req('POST', '/api/v1/auth/wx-login', { body: { code } })
  const login = (username: string, password: string) => t.req('POST', '/api/v1/auth/worker-login', { body: { username, password } })

  test('the same code is the same guardian; another code another one', async () => {
    const a = await wx('device-1')
    const b = await wx('device-1')
    const c = await wx('device-2')
    expect(a.statusCode).toBe(200)
    expect(a.json().user).toEqual({
      id: expect.any(String),
      role: 'guardian',
      regionCode: null,
      regionName: null,
      username: null,
      displayName: null,
    })
    expect(b.json().user.id).toBe(a.json().user.id)
    // Without WeChat's settings there are no status messages to subscribe to.
    expect(a.json().subscribeTemplates).toEqual([])
    expect(c.json().user.id).not.toBe(a.json().user.id)
    const me = await t.req('GET', '/api/v1/auth/me', { token: a.json().token })
    expect(me.json().user.id).toBe(a.json().user.id)
    expect((await wx('')).statusCode).toBe(400)
    expect((await wx({ nested: 1 })).statusCode).toBe(400)
    expect((await t.req('POST', '/api/v1/auth/wx-login', { body: {} })).statusCode).toBe(400)
    expect((await wx('x'.repeat(200))).statusCode).toBe(400)
  })

  test('worker login returns the role and region; the password is stored as scrypt', async () => {
    await t.worker('township_supervisor', TOWNSHIP, 'chayang')
    const res = await login('chayang', 'correct horse battery')
    expect(res.statusCode).toBe(200)
    expect(res.json().user).toMatchObject({
      role: 'township_supervisor',
      regionCode: TOWNSHIP,
      regionName: '广东省梅州市大埔县茶阳镇',
      username: 'chayang',
    })
    const row = await t.app.db.selectFrom('users').select('password_hash').where('username', '=', 'chayang').executeTakeFirstOrThrow()
    expect(row.password_hash).toMatch(/^scrypt\$16384\$8\$1\$/)
    expect(row.password_hash).not.toContain('correct horse')
  })

  test('tokens expire: worker after 12 hours, guardian after 7 days', async () => {
    await t.worker('village_worker', '441422101200', 'expiring')
    const worker = (await login('expiring', 'correct horse battery')).json()
    const guardian = (await wx('device-expiry')).json()
    const claims = decodeJwt(worker.token)
    expect(claims.exp! - claims.iat!).toBe(12 * 3600)
    expect(claims).toMatchObject({ role: 'village_worker', region: '441422101200', iss: 'hutong' })
    expect(decodeJwt(guardian.token).exp! - decodeJwt(guardian.token).iat!).toBe(7 * 24 * 3600)
    const start = clock
    try {
      clock = start + 13 * 3600 * 1000
      expect((await t.req('GET', '/api/v1/review/queue', { token: worker.token })).statusCode).toBe(401)
      expect((await t.req('GET', '/api/v1/registrations', { token: guardian.token })).statusCode).toBe(200)
      clock = start + 8 * 24 * 3600 * 1000
      const expired = await t.req('GET', '/api/v1/registrations', { token: guardian.token })
      expect(expired.statusCode).toBe(401)
      expect(expired.json().error).toEqual({ code: 'unauthorized', message: '登录已过期，请重新登录' })
    } finally {
      clock = start
    }
  })

  test('forged tokens are refused: wrong key, alg none, a role the user does not have', async () => {
    const guardian = (await wx('device-forge')).json()
    const wrongKey = await new SignJWT({ role: 'county_admin', region: '44' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(guardian.user.id)
      .setIssuer('hutong')
      .setExpirationTime('1h')
      .sign(new Uint8Array(32))
    expect((await t.req('GET', '/api/v1/review/queue', { token: wrongKey })).statusCode).toBe(401)
    const none = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from(JSON.stringify({ sub: guardian.user.id, role: 'county_admin', iss: 'hutong' })).toString('base64url')}.`
    expect((await t.req('GET', '/api/v1/review/queue', { token: none })).statusCode).toBe(401)
    // Signed with the real key but claiming a role the user does not have.
    const elevated = await new SignJWT({ role: 'county_admin', region: '44' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(guardian.user.id)
      .setIssuer('hutong')
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(new Uint8Array(t.config.jwtSecret))
    expect((await t.req('GET', '/api/v1/review/queue', { token: elevated })).statusCode).toBe(401)
    expect((await t.req('GET', '/api/v1/registrations', { headers: { authorization: 'Basic abc' } })).statusCode).toBe(401)
  })

  test('failed logins: one answer for every cause, each one audited with the cause', async () => {
    await t.worker('village_worker', '441422101200', 'victim')
    await t.worker('village_worker', '441422101200', 'retired')
    await t.app.db.updateTable('users').set({ disabled: 1 }).where('username', '=', 'retired').execute()
    const answers = [
      await login('victim', 'wrong password'),
      await login('nobody', 'whatever'),
      await login('retired', 'correct horse battery'),
    ]
    for (const res of answers) {
      expect(res.statusCode).toBe(401)
      expect(res.json().error).toEqual({ code: 'invalid_credentials', message: '用户名或密码不正确，或账号已停用' })
    }
    const failed = await t.app.db.selectFrom('audit_log').selectAll().where('action', '=', 'login_failed').execute()
    expect(failed.map((f) => JSON.parse(f.detail!)).filter((d) => d.kind === 'worker')).toEqual([
      { kind: 'worker', username: 'victim', why: 'bad_password' },
      { kind: 'worker', username: 'nobody', why: 'unknown_user' },
      { kind: 'worker', username: 'retired', why: 'disabled' },
    ])
    expect(failed.every((f) => f.ip)).toBe(true)
  })
})

describe('login rate limit', () => {
  test('the 4th attempt within a minute (limit 3) → 429 in the common error shape', async () => {
    const t = await startApp('sqlite', { loginRateMax: 3 })
    try {
      const codes: number[] = []
      for (let i = 0; i < 4; i++)
        codes.push((await t.req('POST', '/api/v1/auth/worker-login', { body: { username: 'x', password: 'y' } })).statusCode)
      expect(codes).toEqual([401, 401, 401, 429])
      const res = await t.req('POST', '/api/v1/auth/worker-login', { body: { username: 'x', password: 'y' } })
      expect(res.json().error).toEqual({ code: 'rate_limited', message: '操作太频繁，请稍后再试' })
      expect((await t.req('POST', '/api/v1/auth/wx-login', { body: { code: 'a' } })).statusCode).toBe(200)
    } finally {
      await t.close()
    }
  })
})
