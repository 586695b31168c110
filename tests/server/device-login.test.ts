/**
 * The H5 build's server-issued identity (POST /auth/device-login): `{}` makes a guardian and answers a
 * random secret once; the secret signs that guardian in again and sees their registrations; an unknown
 * secret is 401; the table holds only the secret's hash; it is rate-limited like the other logins; and it
 * works with WeChat configured, where a made-up `wx-login` code no longer names anyone.
 */
import { createHash } from 'node:crypto'
import { startFakeWechat, type FakeWechat } from '../../server/src/wechat-fake/fake'
import { BACKENDS, fixture, startApp, uuid, type TestApp } from './helpers'

describe.each(BACKENDS)('device sign-in (%s)', (backend) => {
  let fake: FakeWechat
  let t: TestApp
  beforeAll(async () => {
    fake = await startFakeWechat()
    // WeChat configured, as in production: the stand-in is off, so only the device credential serves H5.
    t = await startApp(backend, {
      wechat: { appid: fake.appid, secret: fake.secret, apiBase: fake.url, miniprogramState: 'formal', sendIntervalMs: 0 },
    })
  })
  afterAll(async () => {
    await t.close()
    await fake.close()
  })
  const device = (body: unknown) => t.req('POST', '/api/v1/auth/device-login', { body })

  test('issue → sign in with the secret → the same guardian sees their registration', async () => {
    const issued = await device({})
    expect(issued.statusCode).toBe(200)
    const first = issued.json()
    expect(first.secret).toMatch(/^[A-Za-z0-9_-]{43}$/) // 32 random bytes, base64url
    expect(first.user.role).toBe('guardian')
    const id = uuid()
    expect((await t.put(first.token, id, fixture())).statusCode).toBe(201)

    const again = await device({ secret: first.secret })
    expect(again.statusCode).toBe(200)
    expect(again.json().user.id).toBe(first.user.id)
    expect(again.json().secret).toBeUndefined() // answered once, at issue
    const list = await t.req('GET', '/api/v1/registrations', { token: again.json().token })
    expect(JSON.stringify(list.json())).toContain(id)

    // Another browser is another guardian, who sees nothing of the first.
    const other = (await device({})).json()
    expect(other.user.id).not.toBe(first.user.id)
    expect(other.secret).not.toBe(first.secret)
    expect(JSON.stringify((await t.req('GET', '/api/v1/registrations', { token: other.token })).json())).not.toContain(id)
  })

  test('an unknown secret is 401 with a message, audited, and makes no guardian', async () => {
    const users = await t.count('users')
    const res = await device({ secret: 'a-secret-nobody-was-given-000000000000000000' })
    expect(res.statusCode).toBe(401)
    expect(res.json()).toMatchObject({ error: { code: 'unauthorized', message: '这台设备的登录凭证无效，请重新打开页面' } })
    expect(await t.count('users')).toBe(users)
    const failed = await t.app.db.selectFrom('audit_log').select('detail').where('action', '=', 'login_failed').execute()
    expect(failed.map((r) => JSON.parse(r.detail!))).toContainEqual({ kind: 'device', why: 'unknown_secret' })
    expect((await device({ secret: '' })).statusCode).toBe(400)
  })

  test('the secret is stored only as its SHA-256, nowhere in plain text', async () => {
    const { secret, user } = (await device({})).json()
    const rows = await t.app.db.selectFrom('device_credentials').selectAll().execute()
    expect(JSON.stringify(rows)).not.toContain(secret)
    const mine = rows.find((r) => r.user_id === user.id)!
    expect(mine.secret_hash).toBe(createHash('sha256').update(secret).digest('hex'))
    const users = await t.app.db.selectFrom('users').selectAll().execute()
    const audits = await t.app.db.selectFrom('audit_log').selectAll().execute()
    expect(JSON.stringify([users, audits])).not.toContain(secret)
  })

  test('a device guardian is no WeChat user: a made-up code is still refused by WeChat', async () => {
    expect((await t.req('POST', '/api/v1/auth/wx-login', { body: { code: 'device-code-an-attacker-chose' } })).statusCode).toBe(401)
    const { user } = (await device({})).json()
    const row = await t.app.db.selectFrom('users').select('openid').where('id', '=', user.id).executeTakeFirstOrThrow()
    expect(row.openid).toMatch(/^device:/)
  })
})

test('device-login is rate-limited per IP like the other logins', async () => {
  const t = await startApp('sqlite', { loginRateMax: 3 })
  try {
    const codes: number[] = []
    for (let i = 0; i < 4; i++) codes.push((await t.req('POST', '/api/v1/auth/device-login', { body: {} })).statusCode)
    expect(codes).toEqual([200, 200, 200, 429])
  } finally {
    await t.close()
  }
})
