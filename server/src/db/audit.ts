/**
 * The audit log: who did what to which record, when and from where. Written in the same transaction as
 * the change it describes; never holds a child's personal data (the target id points to the record).
 */
import { randomUUID } from 'node:crypto'
import type { Kysely } from 'kysely'
import { now } from '../clock'
import type { Database } from './types'

export interface AuditEntry {
  actor?: { id: string; role: string } | null
  action: string
  targetType?: 'registration' | 'user' | 'region' | 'report'
  targetId?: string
  regionCode?: string | null
  ip?: string
  detail?: Record<string, unknown>
}

export async function audit(ex: Kysely<Database>, e: AuditEntry): Promise<void> {
  await ex
    .insertInto('audit_log')
    .values({
      id: randomUUID(),
      at: now(),
      actor_id: e.actor?.id ?? null,
      actor_role: e.actor?.role ?? null,
      action: e.action,
      target_type: e.targetType ?? null,
      target_id: e.targetId ?? null,
      region_code: e.regionCode ?? null,
      ip: e.ip ?? null,
      detail: e.detail ? JSON.stringify(e.detail) : null,
    })
    .execute()
}

/** Reads of a record, and exports of a region holding it: what the access-transparency view lists. */
export const READ_ACTIONS = ['view', 'view_history', 'reveal', 'print'] as const

export interface AccessRow {
  at: string
  action: string
  actor_role: string | null
  detail: string | null
  username: string | null
  display_name: string | null
}

/**
 * Every read of one registration, and every roster export of a region containing its village made since
 * the registration existed (a roster holds every record of its region), newest first, with the worker's
 * account. `villagePrefixes`: the village code's prefixes of each level (a region export names its prefix).
 */
export function accessesOf(ex: Kysely<Database>, id: string, villagePrefixes: string[], since: string): Promise<AccessRow[]> {
  return ex
    .selectFrom('audit_log')
    .leftJoin('users', 'users.id', 'audit_log.actor_id')
    .select(['audit_log.at', 'audit_log.action', 'audit_log.actor_role', 'audit_log.detail', 'users.username', 'users.display_name'])
    .where((eb) =>
      eb.or([
        eb.and([
          eb('audit_log.target_type', '=', 'registration'),
          eb('audit_log.target_id', '=', id),
          eb('audit_log.action', 'in', READ_ACTIONS),
        ]),
        eb.and([
          eb('audit_log.target_type', '=', 'region'),
          eb('audit_log.target_id', 'in', villagePrefixes),
          eb('audit_log.action', '=', 'export'),
          eb('audit_log.at', '>=', since),
        ]),
      ]),
    )
    .orderBy('audit_log.at', 'desc')
    .limit(1000)
    .execute()
}
