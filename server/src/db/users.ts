/** Users: guardians (created on first WeChat login) and workers (created by the CLI). */
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
    .set({ disabled: disabled ? 1 : 0, updated_at: now() })
    .where('username', '=', username)
    .where('kind', '=', 'worker')
    .executeTakeFirst()
  return Number(res.numUpdatedRows) === 1
}
