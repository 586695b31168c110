/**
 * Sign-in. Guardians with a wx.login code (see ../wechat.ts), workers with a username and password made by
 * the CLI. Both are rate-limited per IP; every success and every failure is audited.
 */
import type { FastifyInstance } from 'fastify'
import { audit } from '../db/audit'
import { findWorker, upsertGuardian, type UserRow } from '../db/users'
import { HttpError, unauthorized } from '../errors'
import { dummyHash, verifyPassword } from '../passwords'
import { loginResponse, responses } from '../schemas'
import { WechatLoginError, type WechatExchange } from '../wechat'

const wxBody = {
  type: 'object', required: ['code'], additionalProperties: false,
  properties: { code: { type: 'string', minLength: 1, maxLength: 128 } },
} as const
const workerBody = {
  type: 'object', required: ['username', 'password'], additionalProperties: false,
  properties: { username: { type: 'string', minLength: 1, maxLength: 64 }, password: { type: 'string', minLength: 1, maxLength: 256 } },
} as const

export default async function authRoutes(app: FastifyInstance, opts: { exchange: WechatExchange; loginRateMax: number }) {
  const rateLimit = { max: opts.loginRateMax, timeWindow: 60_000 }
  const userView = (u: UserRow) => ({
    id: u.id, role: u.role, regionCode: u.region_code, regionName: u.region_code ? app.regions.fullName(u.region_code) ?? null : null,
    username: u.username, displayName: u.display_name,
  })
  const session = async (u: UserRow) => ({ ...(await app.issueToken(u)), user: userView(u) })

  app.post<{ Body: { code: string } }>('/auth/wx-login', {
    config: { rateLimit },
    schema: { body: wxBody, response: responses({ 200: loginResponse }) },
  }, async (req) => {
    let openid: string
    try {
      openid = (await opts.exchange(req.body.code)).openid
    } catch (err) {
      if (!(err instanceof WechatLoginError)) throw err
      await audit(app.db, { action: 'login_failed', ip: req.ip, detail: { kind: 'guardian' } })
      throw unauthorized('微信登录失败，请重试')
    }
    // The first sign-in creates the guardian; the user row and its audit row are written together.
    const user = await app.db.transaction().execute(async (trx) => {
      const u = await upsertGuardian(trx, openid)
      await audit(trx, { actor: u, action: u.disabled ? 'login_failed' : 'login', targetType: 'user', targetId: u.id, ip: req.ip, detail: u.disabled ? { kind: 'guardian', why: 'disabled' } : undefined })
      return u
    })
    if (user.disabled) throw unauthorized('账号已停用')
    return session(user)
  })

  app.post<{ Body: { username: string; password: string } }>('/auth/worker-login', {
    config: { rateLimit },
    schema: { body: workerBody, response: responses({ 200: loginResponse }) },
  }, async (req) => {
    const { username, password } = req.body
    const user = await findWorker(app.db, username)
    // Hash even when there is no such user, so the answer time does not tell which usernames exist.
    const ok = await verifyPassword(password, user?.password_hash ?? (await dummyHash()))
    if (!user || !ok || user.disabled) {
      const why = !user ? 'unknown_user' : !ok ? 'bad_password' : 'disabled'
      await audit(app.db, { actor: user ?? null, action: 'login_failed', targetType: 'user', targetId: user?.id, ip: req.ip, detail: { kind: 'worker', username, why } })
      throw new HttpError(401, 'invalid_credentials', '用户名或密码不正确，或账号已停用')
    }
    await audit(app.db, { actor: user, action: 'login', targetType: 'user', targetId: user.id, regionCode: user.region_code, ip: req.ip })
    return session(user)
  })

  app.get('/auth/me', {
    onRequest: app.allow('guardian', 'village_worker', 'township_supervisor', 'county_admin'),
    schema: { response: responses({ 200: { type: 'object', properties: { user: loginResponse.properties.user } } }) },
  }, async (req) => {
    const a = req.actor!
    return { user: { id: a.id, role: a.role, regionCode: a.regionCode, regionName: a.regionCode ? app.regions.fullName(a.regionCode) ?? null : null, username: a.username, displayName: a.displayName } }
  })
}
