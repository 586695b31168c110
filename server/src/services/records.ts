/**
 * Opening registrations: who may reach one, and the audit row every worker read leaves. A guardian reaches
 * only their own records, a worker only those inside their region; anything else answers 404, so a record
 * outside one's reach "does not exist" rather than being "forbidden" (which would confirm it exists).
 */
import type { FastifyInstance } from 'fastify'
import type { OwnList, RegistrationView, RevealAnswer } from '../../../src/domain/api'
import { valueAt } from '../../../src/domain/mask'
import type { Actor } from '../actor'
import { audit } from '../db/audit'
import { findRegistration, listByOwner, type RegistrationRow } from '../db/registrations'
import { notFound } from '../errors'
import { canSee } from '../scope'
import { fullView, openRecord, ownListItem } from './views'

/** The row, if this actor may open it; otherwise 404. */
export async function reachable(app: FastifyInstance, actor: Actor, id: string): Promise<RegistrationRow> {
  const row = await findRegistration(app.db, id)
  const ok = row && (actor.role === 'guardian' ? row.owner_id === actor.id : canSee(actor.regionCode, row.village_code))
  if (!ok) throw notFound()
  return row
}

/** A worker's read of one record: what they opened (`view`, `view_history`) or which field they revealed. */
export type ReadAction = 'view' | 'view_history' | 'reveal'

/** Workers' reads are audited (they show a child's record to someone outside the family); a guardian's are not. */
export async function auditRead(
  app: FastifyInstance,
  actor: Actor,
  row: RegistrationRow,
  action: ReadAction,
  ip: string,
  detail?: Record<string, unknown>,
) {
  if (actor.role === 'guardian') return
  // Through the write queue: on SQLite the audit row shares a commit (one fsync) with concurrent writes.
  await app.transact((trx) =>
    audit(trx, { actor, action, targetType: 'registration', targetId: row.id, regionCode: row.village_code, ip, detail }),
  )
}

/** The guardian's own registrations, newest change first. */
export async function ownList(app: FastifyInstance, actor: Actor): Promise<OwnList> {
  const rows = await listByOwner(app.db, actor.id)
  return { items: await Promise.all(rows.map((r) => ownListItem(app, r))) }
}

/** One full record, as this actor may see it (services/views.ts), audited for workers. */
export async function openOne(app: FastifyInstance, actor: Actor, id: string, ip: string): Promise<RegistrationView> {
  const row = await reachable(app, actor, id)
  await auditRead(app, actor, row, 'view', ip)
  return fullView(app, row, actor)
}

/**
 * One masked field in full, for a worker of the record's region who tapped to see it. Each reveal is its
 * own audit row naming the field, so the log shows who saw which child's ID number or phone.
 */
export async function revealField(app: FastifyInstance, actor: Actor, id: string, field: string, ip: string): Promise<RevealAnswer> {
  const row = await reachable(app, actor, id)
  const value = valueAt(openRecord(app, row), field)
  await auditRead(app, actor, row, 'reveal', ip, { field })
  return { field, value: typeof value === 'string' ? value : null }
}
