/**
 * A worker changing their own password (docs/accounts.md, "Passwords"): the current one is checked, the
 * new one must pass the rules of src/domain/accounts.ts, and the change ends every other session of the
 * account. The caller gets a fresh token, so the phone they changed it on stays signed in.
 */
import type { FastifyInstance } from 'fastify'
import { passwordProblem } from '../../../src/domain/accounts'
import type { Actor } from '../actor'
import { audit } from '../db/audit'
import { findUser, updateWorker } from '../db/users'
import { badRequest, HttpError } from '../errors'
import { hashPassword, verifyPassword } from '../passwords'
import { session } from './sessions'

export async function changeOwnPassword(app: FastifyInstance, actor: Actor, current: string, next: string, ip: string) {
  const user = await findUser(app.db, actor.id)
  if (!user?.password_hash || !(await verifyPassword(current, user.password_hash))) {
    await audit(app.db, { actor, action: 'password_change_failed', targetType: 'user', targetId: actor.id, ip })
    throw new HttpError(400, 'wrong_password', '当前密码不正确', { issues: [{ path: ['currentPassword'], message: '当前密码不正确' }] })
  }
  const problem = passwordProblem(next, user.username) ?? (next === current ? '新密码不能和当前密码相同' : undefined)
  if (problem) throw badRequest(problem, [{ path: ['newPassword'], message: problem }])
  const hash = await hashPassword(next)
  const changed = await app.db.transaction().execute(async (trx) => {
    const u = await updateWorker(trx, actor.id, { password_hash: hash, must_change_password: 0 }, true)
    await audit(trx, {
      actor,
      action: 'password_change',
      targetType: 'user',
      targetId: actor.id,
      regionCode: actor.regionCode,
      ip,
      detail: user.must_change_password ? { firstSignIn: true } : undefined,
    })
    return u!
  })
  return session(app, changed)
}
