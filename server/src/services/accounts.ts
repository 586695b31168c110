/**
 * Account administration (docs/accounts.md): an administrator manages the accounts of the roles below
 * their own (src/domain/accounts.ts `MANAGES`) inside their own region. An account outside that reach
 * answers 404, as a record does. Every change is audited in the transaction that makes it; a change of
 * password, role, region or the disabling of an account ends its sessions (db/users.ts `updateWorker`).
 */
import type { FastifyInstance } from 'fastify'
import type { AccountList, AccountView, AccountWithPassword, WorkerRole } from '../../../src/domain/api'
import { canManage, LEVEL_LABELS, LEVEL_OF_ROLE, MANAGES, PHONE_PATTERN, isStaffRole, type StaffRole } from '../../../src/domain/accounts'
import { parseRegionCode } from '../../../src/domain/regions'
import { ROLE_LABELS } from '../../../src/domain/status'
import type { Actor } from '../actor'
import { audit } from '../db/audit'
import { addWorker, findByPhones, findByUsernames, findUser, updateWorker, workersIn, type AccountPatch, type UserRow } from '../db/users'
import { badRequest, conflict, forbidden, notFound } from '../errors'
import { hashPassword, oneTimePassword } from '../passwords'
import { regionRange, regionWithin, type RegionRange } from '../scope'

export function accountView(app: FastifyInstance, u: UserRow): AccountView {
  return {
    id: u.id,
    username: u.username ?? '',
    displayName: u.display_name,
    phone: u.phone ?? null,
    role: u.role as WorkerRole,
    roleLabel: ROLE_LABELS[u.role] ?? u.role,
    regionCode: u.region_code,
    regionName: u.region_code ? (app.regions.fullName(u.region_code) ?? null) : null,
    disabled: u.disabled === 1,
    mustChangePassword: u.must_change_password === 1,
    createdAt: u.created_at,
    updatedAt: u.updated_at,
  }
}

/** The administrator's own region; an administrator without one manages nothing. */
export function adminRange(actor: Actor): RegionRange {
  const range = regionRange(actor.regionCode)
  if (!range || !isStaffRole(actor.role) || MANAGES[actor.role].length === 0) throw forbidden('没有管理账号的权限')
  return range
}

/**
 * Why this role cannot have this region under this administrator, in Chinese; undefined when it can.
 * Returns the canonical region code through `out`.
 */
export function placementProblem(app: FastifyInstance, actor: Actor, role: string, region: string): { problem?: string; code?: string } {
  if (!isStaffRole(role)) return { problem: '不认识这个角色' }
  if (!canManage(actor.role, role)) return { problem: `无权管理“${ROLE_LABELS[role]}”账号` }
  const parsed = parseRegionCode(region)
  if (!parsed.ok || !app.regions.name(parsed.prefix)) return { problem: `没有这个区划代码：${region}` }
  if (parsed.level !== LEVEL_OF_ROLE[role]) return { problem: `${ROLE_LABELS[role]}的辖区应为${LEVEL_LABELS[LEVEL_OF_ROLE[role]]}` }
  if (!regionWithin(actor.regionCode, parsed.prefix)) return { problem: '辖区不在您管理的地区内' }
  return { code: parsed.prefix }
}

function placeOrThrow(app: FastifyInstance, actor: Actor, role: string, region: string): string {
  const { problem, code } = placementProblem(app, actor, role, region)
  if (problem) throw badRequest(problem, [{ path: ['regionCode'], message: problem }])
  return code!
}

/** The account, if this administrator manages it; otherwise 404. */
async function managed(app: FastifyInstance, actor: Actor, id: string): Promise<UserRow> {
  adminRange(actor)
  const u = await findUser(app.db, id)
  const ok = u && u.kind === 'worker' && canManage(actor.role, u.role) && u.region_code && regionWithin(actor.regionCode, u.region_code)
  if (!ok) throw notFound('找不到这个账号')
  return u
}

export async function listAccounts(app: FastifyInstance, actor: Actor): Promise<AccountList> {
  const range = adminRange(actor)
  const manages = MANAGES[actor.role as StaffRole]
  const rows = await workersIn(app.db, range, manages)
  return { items: rows.map((u) => accountView(app, u)), manages: [...manages] }
}

export interface NewAccount {
  username?: string
  displayName: string
  phone: string
  role: string
  regionCode: string
}

export const USERNAME_PATTERN = /^[A-Za-z0-9_.-]{3,64}$/

export async function createAccount(app: FastifyInstance, actor: Actor, body: NewAccount, ip: string): Promise<AccountWithPassword> {
  adminRange(actor)
  const regionCode = placeOrThrow(app, actor, body.role, body.regionCode)
  const displayName = body.displayName.trim()
  if (!displayName) throw badRequest('请填写姓名', [{ path: ['displayName'], message: '请填写姓名' }])
  if (!PHONE_PATTERN.test(body.phone)) throw badRequest('手机号格式不对', [{ path: ['phone'], message: '应为11位手机号' }])
  const username = body.username?.trim() || body.phone
  if (!USERNAME_PATTERN.test(username)) throw badRequest('用户名应为3到64位字母、数字、下划线、点或连字符')
  if ((await findByPhones(app.db, [body.phone])).length) throw conflict('phone_taken', '这个手机号已有账号')
  if ((await findByUsernames(app.db, [username])).length) throw conflict('username_taken', '这个用户名已被使用')
  const initialPassword = oneTimePassword()
  const passwordHash = await hashPassword(initialPassword)
  const user = await app.db.transaction().execute(async (trx) => {
    const u = await addWorker(trx, {
      username,
      passwordHash,
      role: body.role as StaffRole,
      regionCode,
      displayName,
      phone: body.phone,
      mustChangePassword: true,
      createdBy: actor.id,
    })
    await audit(trx, {
      actor,
      action: 'account_create',
      targetType: 'user',
      targetId: u.id,
      regionCode,
      ip,
      detail: { username, role: body.role },
    })
    return u
  })
  return { account: accountView(app, user), initialPassword }
}

type Change = 'disable' | 'enable' | 'reset_password'

/** Disable, enable or reset the password of a managed account. */
export async function changeAccount(app: FastifyInstance, actor: Actor, id: string, change: Change, ip: string) {
  const target = await managed(app, actor, id)
  const initialPassword = change === 'reset_password' ? oneTimePassword() : undefined
  const patch: AccountPatch =
    change === 'reset_password'
      ? { password_hash: await hashPassword(initialPassword!), must_change_password: 1 }
      : { disabled: change === 'disable' ? 1 : 0 }
  // Enabling ends no session (there is none that works); disabling and a reset end them all.
  const user = await app.db.transaction().execute(async (trx) => {
    const u = await updateWorker(trx, id, patch, change !== 'enable')
    await audit(trx, {
      actor,
      action: `account_${change}`,
      targetType: 'user',
      targetId: id,
      regionCode: target.region_code,
      ip,
      detail: { username: target.username },
    })
    return u!
  })
  return { account: accountView(app, user), ...(initialPassword ? { initialPassword } : {}) }
}

export interface AccountEdit {
  role?: string
  regionCode?: string
  displayName?: string
}

/** A new role, region or name for a managed account, within the administrator's own region. */
export async function editAccount(app: FastifyInstance, actor: Actor, id: string, edit: AccountEdit, ip: string) {
  const target = await managed(app, actor, id)
  const role = edit.role ?? target.role
  const regionCode = placeOrThrow(app, actor, role, edit.regionCode ?? target.region_code ?? '')
  const displayName = edit.displayName?.trim() || target.display_name
  const moved = role !== target.role || regionCode !== target.region_code
  const user = await app.db.transaction().execute(async (trx) => {
    const u = await updateWorker(trx, id, { role: role as StaffRole, region_code: regionCode, display_name: displayName }, moved)
    await audit(trx, {
      actor,
      action: 'account_update',
      targetType: 'user',
      targetId: id,
      regionCode,
      ip,
      detail: {
        username: target.username,
        ...(role !== target.role ? { role: { from: target.role, to: role } } : {}),
        ...(regionCode !== target.region_code ? { region: { from: target.region_code, to: regionCode } } : {}),
        ...(displayName !== target.display_name ? { displayName: true } : {}),
      },
    })
    return u!
  })
  return { account: accountView(app, user) }
}
