/**
 * Who is calling. Tokens are HS256 JWTs (jose) carrying the user id, role and region; they expire (guardian
 * 7 days: a grandparent should not have to log in every visit; worker 12 hours: one working day). The token
 * alone is not trusted: every request re-reads the user, so a disabled account or a changed region takes
 * effect at once; each token also carries the account's token version (`tv`), and any change that must end
 * the account's sessions (password, disabled, region, role) adds one to it, so older tokens stop at once.
 * An account on a one-time password reaches only the routes opened with `allowPending` (the password
 * change and /auth/me) until it has set its own. Role checks run before any handler code (`app.allow(...)`).
 */
import fp from 'fastify-plugin'
import type { FastifyReply, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify'
import { SignJWT, jwtVerify } from 'jose'
import type { Role } from '../../../src/domain/status'
import { actorOf, type Actor } from '../actor'
import { nowMs } from '../clock'
import { findUser, type UserRow } from '../db/users'
import { forbidden, HttpError, unauthorized } from '../errors'

export const TOKEN_TTL_SECONDS: Record<'guardian' | 'worker', number> = { guardian: 7 * 24 * 3600, worker: 12 * 3600 }
const ISSUER = 'hutong'

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null
  }
  interface FastifyInstance {
    issueToken(user: UserRow): Promise<{ token: string; expiresAt: string }>
    /** preHandler: a valid token of one of these roles, else 401/403. */
    allow(...roles: Role[]): preHandlerAsyncHookHandler
    /** As `allow`, also for an account that must still replace its one-time password. */
    allowPending(...roles: Role[]): preHandlerAsyncHookHandler
  }
}

export default fp<{ jwtSecret: Buffer; now?: () => number }>(
  async (app, opts) => {
    // Imported once: handing jose raw bytes would re-import the key on every sign and verify.
    const key = await crypto.subtle.importKey('raw', new Uint8Array(opts.jwtSecret), { name: 'HMAC', hash: 'SHA-256' }, false, [
      'sign',
      'verify',
    ])
    // The server's clock unless this app was given its own for tokens (tests of expiry).
    const clock = opts.now ?? nowMs
    app.decorateRequest('actor', null)

    app.decorate('issueToken', async (user: UserRow) => {
      const ttl = TOKEN_TTL_SECONDS[user.kind]
      const iat = Math.floor(clock() / 1000)
      const token = await new SignJWT({ role: user.role, region: user.region_code, tv: user.token_version })
        .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
        .setSubject(user.id)
        .setIssuer(ISSUER)
        .setIssuedAt(iat)
        .setExpirationTime(iat + ttl)
        .sign(key)
      return { token, expiresAt: new Date((iat + ttl) * 1000).toISOString() }
    })

    async function authenticate(req: FastifyRequest): Promise<Actor> {
      const header = req.headers.authorization
      const token = header?.startsWith('Bearer ') ? header.slice(7).trim() : ''
      if (!token) throw unauthorized()
      let sub: string | undefined
      let role: unknown
      let version: unknown
      try {
        // `exp` is required: jose checks it only when present, and a token without one would never expire.
        const { payload } = await jwtVerify(token, key, {
          algorithms: ['HS256'],
          issuer: ISSUER,
          requiredClaims: ['exp', 'sub'],
          currentDate: new Date(clock()),
        })
        sub = payload.sub
        role = payload.role
        // Tokens issued before token versions existed carry none: they were issued under version 0.
        version = payload.tv ?? 0
      } catch {
        throw unauthorized('登录已过期，请重新登录')
      }
      const user = sub ? await findUser(app.db, sub) : undefined
      if (!user || user.disabled || user.role !== role) throw unauthorized('账号不可用，请重新登录')
      if (version !== user.token_version) throw unauthorized('账号信息已变更，请重新登录')
      return actorOf(user)
    }

    const allow =
      (pending: boolean) =>
      (...roles: Role[]) =>
      async (req: FastifyRequest, _reply: FastifyReply) => {
        const actor = await authenticate(req)
        if (!roles.includes(actor.role)) throw forbidden()
        if (actor.mustChangePassword && !pending) throw new HttpError(403, 'password_change_required', '请先设置新密码')
        req.actor = actor
      }
    app.decorate('allow', allow(false))
    app.decorate('allowPending', allow(true))
  },
  { name: 'auth', dependencies: ['db'] },
)
