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
  targetType?: 'registration' | 'user' | 'region'
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
