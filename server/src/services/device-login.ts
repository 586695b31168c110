/**
 * The H5 build's guardian identity: a credential the server issues, never a code the client makes up.
 * `POST /auth/device-login {}` creates a guardian and a random 256-bit secret, answered once and kept only
 * as its SHA-256 (a leaked table signs nobody in; the secret is random, so no salt or slow hash is needed).
 * `{secret}` signs in the guardian it belongs to. The guardian's openid is `device:<uuid>`: unique, never a
 * WeChat user, so no status message is ever sent to it (services/notifications.ts).
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto'
import type { FastifyInstance } from 'fastify'
import { audit } from '../db/audit'
import { findUser, upsertGuardian } from '../db/users'
import { addDeviceCredential, deviceUser } from '../db/wechat'
import { unauthorized } from '../errors'
import { session } from './sessions'

const hashOf = (secret: string) => createHash('sha256').update(secret).digest('hex')

export async function deviceLogin(app: FastifyInstance, secret: string | undefined, ip: string) {
  if (secret === undefined) {
    const fresh = randomBytes(32).toString('base64url')
    const user = await app.transact(async (trx) => {
      const u = await upsertGuardian(trx, `device:${randomUUID()}`)
      await addDeviceCredential(trx, hashOf(fresh), u.id)
      await audit(trx, { actor: u, action: 'login', targetType: 'user', targetId: u.id, ip, detail: { kind: 'device', new: true } })
      return u
    })
    return { ...(await session(app, user)), secret: fresh, subscribeTemplates: [] }
  }
  const userId = await deviceUser(app.db, hashOf(secret))
  const user = userId ? await findUser(app.db, userId) : undefined
  if (!user || user.disabled) {
    await audit(app.db, {
      actor: user ?? null,
      action: 'login_failed',
      ip,
      detail: { kind: 'device', why: user ? 'disabled' : 'unknown_secret' },
    })
    throw unauthorized(user ? '账号已停用' : '这台设备的登录凭证无效，请重新打开页面')
  }
  await audit(app.db, { actor: user, action: 'login', targetType: 'user', targetId: user.id, ip, detail: { kind: 'device' } })
  // Device guardians are no WeChat users: they are never asked to accept status messages.
  return { ...(await session(app, user)), subscribeTemplates: [] }
}
