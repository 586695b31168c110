/**
 * Account administration and the password lifecycle (docs/accounts.md), in-process on each backend:
 * who manages whom, one-time passwords that must be replaced, and every change ending the account's
 * sessions at the next request.
 */
import { addWorker } from '../../server/src/db/users'
import { hashPassword } from '../../server/src/passwords'
import { BACKENDS, COUNTY, startApp, TOWNSHIP, VILLAGE_A, type TestApp } from './helpers'

jest.setTimeout(60_000)

describe.each(BACKENDS)('accounts (%s)', (backend) => {
  let t: TestApp
  let county: string
  let phoneSeq = 13800000000
  const phone = () => String(++phoneSeq)
  beforeAll(async () => {
    t = await startApp(backend)
    county = await t.worker('county_admin', COUNTY)
  })
  afterAll(() => t.close())

  const login = (username: string, password: string) => t.req('POST', '/api/v1/auth/worker-login', { body: { username, password } })
  const create = (token: string, body: object) => t.req('POST', '/api/v1/accounts', { token, body })
  async function villageWorker(name = '张主任') {
    const res = await create(county, { displayName: name, phone: phone(), role: 'village_worker', regionCode: VILLAGE_A })
    expect(res.statusCode).toBe(201)
    return res.json() as { account: { id: string; username: string }; initialPassword: string }
  }
  /** Signs in with the one-time password and sets a new one; answers the new session's token. */
  async function firstSignIn(username: string, initial: string, next = 'Chayang-2026-new') {
    const first = (await login(username, initial)).json()
    const res = await t.req('POST', '/api/v1/auth/password', { token: first.token, body: { currentPassword: initial, newPassword: next } })
    expect(res.statusCode).toBe(200)
    return res.json().token as string
  }
  const auditOf = (action: string, targetId: string) =>
    t.app.db.selectFrom('audit_log').selectAll().where('action', '=', action).where('target_id', '=', targetId).execute()

  test('a new account signs in with its one-time password, must set its own, and the one-time session ends', async () => {
    const { account, initialPassword } = await villageWorker()
    expect(initialPassword).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/)
    expect((await auditOf('account_create', account.id)).length).toBe(1)
    const first = await login(account.username, initialPassword)
    expect(first.statusCode).toBe(200)
    expect(first.json().user.mustChangePassword).toBe(true)
    const pending = first.json().token
    const blocked = await t.req('GET', '/api/v1/review/queue', { token: pending })
    expect(blocked.statusCode).toBe(403)
    expect(blocked.json().error).toMatchObject({ code: 'password_change_required', message: '请先设置新密码' })
    expect((await t.req('GET', '/api/v1/auth/me', { token: pending })).json().user.mustChangePassword).toBe(true)

    const change = (body: object) => t.req('POST', '/api/v1/auth/password', { token: pending, body })
    expect((await change({ currentPassword: 'wrong-password', newPassword: 'Good-pass-2026' })).json().error.message).toBe('当前密码不正确')
    expect((await change({ currentPassword: initialPassword, newPassword: 'short' })).json().error.message).toBe('密码至少8位')
    expect((await change({ currentPassword: initialPassword, newPassword: initialPassword })).json().error.message).toBe(
      '新密码不能和当前密码相同',
    )
    const changed = await change({ currentPassword: initialPassword, newPassword: 'Good-pass-2026' })
    expect(changed.statusCode).toBe(200)
    expect(changed.json().user.mustChangePassword).toBe(false)
    expect((await t.req('GET', '/api/v1/review/queue', { token: changed.json().token })).statusCode).toBe(200)
    // The session of the one-time password is over; the old password no longer signs in.
    expect((await t.req('GET', '/api/v1/auth/me', { token: pending })).statusCode).toBe(401)
    expect((await login(account.username, initialPassword)).statusCode).toBe(401)
    expect((await auditOf('password_change', account.id)).length).toBe(1)
  })

  test('disabling ends the open session at its next request; enabling lets the worker sign in again', async () => {
    const { account, initialPassword } = await villageWorker()
    const token = await firstSignIn(account.username, initialPassword)
    expect((await t.req('GET', '/api/v1/review/queue', { token })).statusCode).toBe(200)
    const off = await t.req('POST', `/api/v1/accounts/${account.id}/disable`, { token: county })
    expect(off.json().account.disabled).toBe(true)
    expect((await t.req('GET', '/api/v1/review/queue', { token })).statusCode).toBe(401)
    expect((await login(account.username, 'Chayang-2026-new')).statusCode).toBe(401)
    expect((await t.req('POST', `/api/v1/accounts/${account.id}/enable`, { token: county })).json().account.disabled).toBe(false)
    // The old token stays dead: enabling does not bring back a session that disabling ended.
    expect((await t.req('GET', '/api/v1/review/queue', { token })).statusCode).toBe(401)
    expect((await login(account.username, 'Chayang-2026-new')).statusCode).toBe(200)
    expect((await auditOf('account_disable', account.id)).length).toBe(1)
    expect((await auditOf('account_enable', account.id)).length).toBe(1)
  })

  test('a reset ends the sessions and hands back a new one-time password', async () => {
    const { account, initialPassword } = await villageWorker()
    const token = await firstSignIn(account.username, initialPassword)
    const reset = await t.req('POST', `/api/v1/accounts/${account.id}/reset-password`, { token: county })
    expect(reset.statusCode).toBe(200)
    const again = reset.json().initialPassword
    expect(again).not.toBe(initialPassword)
    expect((await t.req('GET', '/api/v1/review/queue', { token })).statusCode).toBe(401)
    expect((await login(account.username, 'Chayang-2026-new')).statusCode).toBe(401)
    expect((await login(account.username, again)).json().user.mustChangePassword).toBe(true)
  })

  test('moving an account to another village ends its sessions; a region outside the county is refused', async () => {
    const { account, initialPassword } = await villageWorker()
    const token = await firstSignIn(account.username, initialPassword)
    const edit = (body: object, by = county) => t.req('POST', `/api/v1/accounts/${account.id}/edit`, { token: by, body })
    const outside = await edit({ regionCode: '441403001001' })
    expect(outside.statusCode).toBe(400)
    expect((await t.req('GET', '/api/v1/review/queue', { token })).statusCode).toBe(200)
    // Renaming does not end the session; a new village does.
    expect((await edit({ displayName: '张三' })).json().account.displayName).toBe('张三')
    expect((await t.req('GET', '/api/v1/review/queue', { token })).statusCode).toBe(200)
    const moved = await edit({ regionCode: '441422101201' })
    expect(moved.json().account).toMatchObject({ regionCode: '441422101201', regionName: expect.stringContaining('左弼') })
    expect((await t.req('GET', '/api/v1/review/queue', { token })).statusCode).toBe(401)
    // A village worker's region must be a village: a township is refused (promote by changing the role too).
    expect((await edit({ regionCode: TOWNSHIP })).json().error.message).toBe('村(居)儿童主任的辖区应为村（社区）')
    expect((await edit({ role: 'township_supervisor', regionCode: TOWNSHIP })).json().account.role).toBe('township_supervisor')
    const audits = await auditOf('account_update', account.id)
    expect(audits.map((a) => JSON.parse(a.detail!))).toEqual(
      expect.arrayContaining([expect.objectContaining({ region: { from: VILLAGE_A, to: '441422101201' } })]),
    )
  })

  test('what a county administrator may create, and what is refused in Chinese', async () => {
    const body = (over: object) => ({ displayName: '李四', phone: phone(), role: 'village_worker', regionCode: VILLAGE_A, ...over })
    const cases: [object, number, string][] = [
      [{ role: 'county_admin', regionCode: COUNTY }, 400, '无权管理“县级民政”账号'],
      [{ regionCode: '441403001001' }, 400, '辖区不在您管理的地区内'],
      [{ regionCode: '441422101299' }, 400, '没有这个区划代码：441422101299'],
      [{ phone: '1380000' }, 400, '手机号格式不对'],
      [{ displayName: '  ' }, 400, '请填写姓名'],
    ]
    for (const [over, status, message] of cases) {
      const res = await create(county, body(over))
      expect([res.statusCode, res.json().error.message]).toEqual([status, message])
    }
    const taken = phone()
    expect((await create(county, body({ phone: taken }))).statusCode).toBe(201)
    expect((await create(county, body({ phone: taken }))).json().error).toMatchObject({ code: 'phone_taken' })
    const township = await create(county, body({ role: 'township_supervisor', regionCode: TOWNSHIP }))
    expect(township.statusCode).toBe(201)
  })

  test('each administrator lists and touches only the accounts below them in their own region', async () => {
    const mine = await villageWorker('本县')
    const other = await t.worker('county_admin', '441421')
    const city = await t.worker('city_admin', '4414')
    const otherCity = await t.worker('city_admin', '4401')
    const province = await t.worker('province_admin', '44')
    const village = await t.worker('village_worker', VILLAGE_A)
    const list = async (token: string) => {
      const res = await t.req('GET', '/api/v1/accounts', { token })
      return res.statusCode === 200 ? (res.json().items as { role: string; regionCode: string }[]) : res.statusCode
    }
    const countyList = (await list(county)) as { role: string; regionCode: string; username: string }[]
    expect(countyList.some((a) => a.username === mine.account.username)).toBe(true)
    expect(countyList.every((a) => ['village_worker', 'township_supervisor'].includes(a.role) && a.regionCode.startsWith(COUNTY))).toBe(
      true,
    )
    expect(((await list(other)) as unknown[]).length).toBe(0)
    const cityList = (await list(city)) as { role: string; regionCode: string }[]
    expect(cityList.map((a) => a.role)).toEqual(expect.arrayContaining(['county_admin']))
    expect(cityList.every((a) => a.role === 'county_admin' && a.regionCode.startsWith('4414'))).toBe(true)
    const provinceList = (await list(province)) as { role: string }[]
    expect(new Set(provinceList.map((a) => a.role))).toEqual(new Set(['county_admin', 'city_admin']))
    expect(await list(village)).toBe(403)

    // Another county's administrator, a city administrator (not the county's workers) and the other city: 404.
    for (const token of [other, city, otherCity]) {
      expect((await t.req('POST', `/api/v1/accounts/${mine.account.id}/disable`, { token })).statusCode).toBe(404)
    }
    // The city administrator makes a county administrator of their city, not of another city.
    const make = (regionCode: string) => create(city, { displayName: '王局', phone: phone(), role: 'county_admin', regionCode })
    expect((await make('441403')).statusCode).toBe(201)
    expect((await make('440103')).statusCode).toBe(400)
  })

  test('city and province administrators read counts and the roster of their region, and no single record', async () => {
    const guardian = await t.guardian()
    const { randomUUID } = await import('node:crypto')
    const { fixture } = await import('./helpers')
    const id = randomUUID()
    expect((await t.put(guardian, id, fixture())).statusCode).toBe(201)
    const city = await t.worker('city_admin', '4414')
    const stats = await t.req('GET', '/api/v1/stats', { token: city })
    expect(stats.statusCode).toBe(200)
    expect(stats.json().total).toBeGreaterThan(0)
    expect((await t.req('GET', '/api/v1/stats?region=4401', { token: city })).statusCode).toBe(403)
    for (const [method, url] of [
      ['GET', `/api/v1/registrations/${id}`],
      ['GET', '/api/v1/review/queue'],
      ['POST', `/api/v1/registrations/${id}/review`],
      ['GET', `/api/v1/registrations/${id}/form.pdf`],
    ]) {
      expect((await t.req(method, url, { token: city, body: method === 'POST' ? { action: 'start_review' } : undefined })).statusCode).toBe(
        403,
      )
    }
    const exp = await t.req('GET', '/api/v1/export.xlsx', { token: city })
    expect(exp.statusCode).toBe(200)
    const audit = await t.app.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'export')
      .where('target_id', '=', '4414')
      .execute()
    expect(JSON.parse(audit[0].detail!)).toMatchObject({ fullIdNumbers: false })
  })

  test('an operator-made account (as the command line makes them) needs no password change', async () => {
    await addWorker(t.app.db, {
      username: 'operator.made',
      passwordHash: await hashPassword('Operator-2026'),
      role: 'county_admin',
      regionCode: COUNTY,
    })
    const res = await login('operator.made', 'Operator-2026')
    expect(res.json().user.mustChangePassword).toBe(false)
    expect((await t.req('GET', '/api/v1/accounts', { token: res.json().token })).statusCode).toBe(200)
  })
})
