/** Users: guardians (created on first WeChat login) and workers (created by the CLI or an administrator). */
import { randomUUID } from 'node:crypto'
import type { Kysely, Selectable } from 'kysely'
import type { Role } from '../../../src/domain/status'
import { now } from '../clock'
import type { Database, UsersTable } from './types'

export type UserRow = Selectable<UsersTable>
type Ex = Kysely<Database>

export function findUser(ex: Ex, id: string): Promise<UserRow | undefined> {
  return ex.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst()
}

export function findWorker(ex: Ex, username: string): Promise<UserRow | undefined> {
  return ex.selectFrom('users').selectAll().where('username', '=', username).where('kind', '=', 'worker').executeTakeFirst()
}

/** The guardian for an openid, created on first sight; safe under concurrent first logins. */
export async function upsertGuardian(ex: Ex, openid: string): Promise<UserRow> {
  const at = now()
  await ex
    .insertInto('users')
    .values({
      id: randomUUID(),
      kind: 'guardian',
      username: null,
      openid,
      display_name: null,
      password_hash: null,
      role: 'guardian',
      region_code: null,
      disabled: 0,
      created_at: at,
      updated_at: at,
    })
    .onConflict((oc) => oc.column('openid').doNothing())
    .execute()
  return ex.selectFrom('users').selectAll().where('openid', '=', openid).executeTakeFirstOrThrow()
}

export interface NewWorker {
  username: string
  passwordHash: string
  role: Exclude<Role, 'guardian'>
  regionCode: string
  displayName?: string
  phone?: string | null
  /** A one-time password (import, admin): to be replaced at the first sign-in. */
  mustChangePassword?: boolean
  createdBy?: string | null
}

export async function addWorker(ex: Ex, w: NewWorker): Promise<UserRow> {
  const at = now()
  const row = {
    id: randomUUID(),
    kind: 'worker' as const,
    username: w.username,
    openid: null,
    display_name: w.displayName ?? null,
    password_hash: w.passwordHash,
    role: w.role,
    region_code: w.regionCode,
    disabled: 0,
    token_version: 0,
    must_change_password: w.mustChangePassword ? 1 : 0,
    phone: w.phone ?? null,
    created_by: w.createdBy ?? null,
    created_at: at,
    updated_at: at,
  }
  await ex.insertInto('users').values(row).execute()
  return row
}

export function listWorkers(ex: Ex): Promise<UserRow[]> {
  return ex.selectFrom('users').selectAll().where('kind', '=', 'worker').orderBy('username').execute()
}

export async function setDisabled(ex: Ex, username: string, disabled: boolean): Promise<boolean> {
  const res = await ex
    .updateTable('users')
    .set((eb) => ({ disabled: disabled ? 1 : 0, token_version: eb('token_version', '+', 1), updated_at: now() }))
    .where('username', '=', username)
    .where('kind', '=', 'worker')
    .executeTakeFirst()
  return Number(res.numUpdatedRows) === 1
}

/** The worker accounts of these roles whose region lies inside [lo, hi] (a region range, ../scope.ts). */
export function workersIn(ex: Ex, range: { lo: string; hi: string; prefix: string }, roles: readonly Role[]): Promise<UserRow[]> {
  if (roles.length === 0) return Promise.resolve([])
  // Region codes of every level are stored at their own length, so the range is on the code padded to 12.
  return ex
    .selectFrom('users')
    .selectAll()
    .where('kind', '=', 'worker')
    .where('role', 'in', roles)
    .where('region_code', '>=', range.prefix)
    .where('region_code', '<=', range.hi)
    .orderBy('region_code')
    .orderBy('username')
    .execute()
}

export function findByPhones(ex: Ex, phones: string[]): Promise<Pick<UserRow, 'phone' | 'username'>[]> {
  if (phones.length === 0) return Promise.resolve([])
  return ex.selectFrom('users').select(['phone', 'username']).where('phone', 'in', phones).execute()
}

export function findByUsernames(ex: Ex, usernames: string[]): Promise<Pick<UserRow, 'username'>[]> {
  if (usernames.length === 0) return Promise.resolve([])
  return ex.selectFrom('users').select(['username']).where('username', 'in', usernames).execute()
}

export type AccountPatch = Partial<
  Pick<UserRow, 'role' | 'region_code' | 'display_name' | 'disabled' | 'password_hash' | 'must_change_password'>
>

/**
 * Changes one worker account. `endSessions` adds one to its token version, so every token issued before
 * stops working at its next request (plugins/auth.ts).
 */
export async function updateWorker(ex: Ex, id: string, patch: AccountPatch, endSessions: boolean): Promise<UserRow | undefined> {
  await ex
    .updateTable('users')
    .set((eb) => ({ ...patch, ...(endSessions ? { token_version: eb('token_version', '+', 1) } : {}), updated_at: now() }))
    .where('id', '=', id)
    .where('kind', '=', 'worker')
    .execute()
  return findUser(ex, id)
}
