/**
 * Signing in: a guardian with a wx.login code (../wechat.ts), a worker with a username and password made
 * by the CLI. Every success and every failure is audited; a worker's failure says the same whatever went
 * wrong, and takes as long, so the answer never tells which usernames exist.
 */
import type { FastifyInstance } from 'fastify'
import { actorOf, type Actor } from '../actor'
import { audit } from '../db/audit'
import { findWorker, upsertGuardian, type UserRow } from '../db/users'
import { HttpError, unauthorized } from '../errors'
import { dummyHash, verifyPassword } from '../passwords'
import { WechatLoginError, type WechatExchange } from '../wechat'
import { LOCK_MS, clearFailures, lockRemaining, lockedError, recordFailure } from './lockout'

/** The signed-in user as clients see it, with the region's name for the worker's header. */
export function userView(app: FastifyInstance, a: Actor) {
  return {
    id: a.id,
    role: a.role,
    regionCode: a.regionCode,
    regionName: a.regionCode ? (app.regions.fullName(a.regionCode) ?? null) : null,
    username: a.username,
    displayName: a.displayName,
    // Guardians have no password.
    ...(a.role === 'guardian' ? {} : { mustChangePassword: a.mustChangePassword }),
  }
}

export async function session(app: FastifyInstance, u: UserRow) {
  return { ...(await app.issueToken(u)), user: userView(app, actorOf(u)) }
}

export async function guardianLogin(app: FastifyInstance, exchange: WechatExchange, code: string, ip: string) {
  let openid: string
  try {
    openid = (await exchange(code)).openid
  } catch (err) {
    if (!(err instanceof WechatLoginError)) throw err
    await audit(app.db, { action: 'login_failed', ip, detail: { kind: 'guardian' } })
    throw unauthorized('微信登录失败，请重试')
  }
  // The first sign-in creates the guardian; the user row and its audit row are written together.
  const user = await app.transact(async (trx) => {
    const u = await upsertGuardian(trx, openid)
    await audit(trx, {
      actor: u,
      action: u.disabled ? 'login_failed' : 'login',
      targetType: 'user',
      targetId: u.id,
      ip,
      detail: u.disabled ? { kind: 'guardian', why: 'disabled' } : undefined,
    })
    return u
  })
  if (user.disabled) throw unauthorized('账号已停用')
  return session(app, user)
}

export async function workerLogin(app: FastifyInstance, username: string, password: string, ip: string) {
  // A locked name is refused before its password is looked at (./lockout.ts).
  const locked = await lockRemaining(app, username)
  if (locked > 0) throw lockedError(locked)
  const user = await findWorker(app.db, username)
  // Hash even when there is no such user, so the answer time does not tell which usernames exist.
  const ok = await verifyPassword(password, user?.password_hash ?? (await dummyHash()))
  if (!user || !ok || user.disabled) {
    const why = !user ? 'unknown_user' : !ok ? 'bad_password' : 'disabled'
    await audit(app.db, {
      actor: user ?? null,
      action: 'login_failed',
      targetType: 'user',
      targetId: user?.id,
      ip,
      detail: { kind: 'worker', username, why },
    })
    const left = await recordFailure(app, username, user, ip)
    const warning = left <= 2 ? `（再输错${left}次，账号将锁定${LOCK_MS / 60_000}分钟）` : ''
    throw new HttpError(401, 'invalid_credentials', `用户名或密码不正确，或账号已停用${warning}`)
  }
  await clearFailures(app, username)
  await audit(app.db, { actor: user, action: 'login', targetType: 'user', targetId: user.id, regionCode: user.region_code, ip })
  return session(app, user)
}
