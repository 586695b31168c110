/**
 * Per-account lockout for the workers' sign-in. The per-address rate limit (routes/auth.ts) stops one
 * address guessing fast; it cannot stop many addresses (a botnet, or made-up X-Forwarded-For entries where
 * the port is reachable past the proxy) guessing one account's password. So failures are also counted per
 * account name, from any address and on every instance (app.sharedState): after LOCK_AFTER failures within
 * FAILURE_WINDOW the name is locked for LOCK_MS, the right password included, and the audit log gets one
 * `login_locked` row. Unknown names are counted and locked the same way, so a lock says nothing about
 * which names exist. A success clears the count.
 *
 * Keys hold a hash of the account name, not the name (shared/state.ts: no names in keys).
 */
import { createHash } from 'node:crypto'
import type { FastifyInstance } from 'fastify'
import { nowMs } from '../clock'
import { audit } from '../db/audit'
import type { UserRow } from '../db/users'
import { HttpError } from '../errors'

export const LOCK_AFTER = 5
export const FAILURE_WINDOW_MS = 15 * 60_000
export const LOCK_MS = 15 * 60_000

const keyOf = (kind: 'failures' | 'lock', username: string) =>
  `login-${kind}:${createHash('sha256').update(username).digest('hex').slice(0, 32)}`

/** The refusal while locked: 429, the minutes left in Chinese, and Retry-After. */
export function lockedError(remainingMs: number): HttpError {
  const minutes = Math.max(1, Math.ceil(remainingMs / 60_000))
  const err = new HttpError(429, 'account_locked', `密码连续输错${LOCK_AFTER}次，账号已暂时锁定，请${minutes}分钟后再试`)
  err.retryAfterSeconds = Math.max(1, Math.ceil(remainingMs / 1000))
  return err
}

/** Milliseconds left on this name's lock, or 0 when it is not locked. */
export async function lockRemaining(app: FastifyInstance, username: string): Promise<number> {
  const until = Number(await app.sharedState.get(keyOf('lock', username)))
  return Number.isFinite(until) ? Math.max(0, until - nowMs()) : 0
}

/**
 * Counts one failure. Returns the failures still allowed before the lock, or throws the lock's 429 when this
 * failure reached the limit (exactly one caller sees the count reach it, whichever instance: the lock and its
 * audit row are written once).
 */
export async function recordFailure(app: FastifyInstance, username: string, user: UserRow | undefined, ip: string): Promise<number> {
  const { count } = await app.sharedState.increment(keyOf('failures', username), FAILURE_WINDOW_MS)
  if (count < LOCK_AFTER) return LOCK_AFTER - count
  if (count === LOCK_AFTER) {
    await app.sharedState.set(keyOf('lock', username), String(nowMs() + LOCK_MS), LOCK_MS)
    await app.sharedState.delete(keyOf('failures', username))
    await audit(app.db, {
      actor: null,
      action: 'login_locked',
      targetType: 'user',
      targetId: user?.id,
      regionCode: user?.region_code,
      ip,
      detail: { kind: 'worker', username, failures: LOCK_AFTER, minutes: LOCK_MS / 60_000 },
    })
  }
  throw lockedError(LOCK_MS)
}

export async function clearFailures(app: FastifyInstance, username: string): Promise<void> {
  await app.sharedState.delete(keyOf('failures', username))
}
