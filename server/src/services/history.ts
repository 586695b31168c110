/**
 * A record's history as its reader may see it. Guardians see which level acted, not which person, and
 * never the visit record (the worker's assessment of the family); workers see their colleagues' names,
 * the visit records, and a changed ID number or phone masked, as in the record itself.
 */
import type { FastifyInstance } from 'fastify'
import type { HistoryEvent, HistoryPage } from '../../../src/domain/api'
import { terminationReasonLabel } from '../../../src/domain/lifecycle'
import { maskField, sensitiveKind } from '../../../src/domain/mask'
import { isTransferEvent, transferEventLabel } from '../../../src/domain/transfer'
import { ROLE_LABELS, actionLabel, statusLabel, type Status } from '../../../src/domain/status'
import type { Actor } from '../actor'
import { listEvents } from '../db/events'
import type { FieldChange } from './diff'
import { auditRead, reachable } from './records'
import type { EventDetail } from './views'

const maskChange = (c: FieldChange): FieldChange =>
  !sensitiveKind(c.path)
    ? c
    : {
        path: c.path,
        ...('from' in c ? { from: maskField(c.path, c.from) } : {}),
        ...('to' in c ? { to: maskField(c.path, c.to) } : {}),
      }

/** A termination step's part of an event: the proposal's reason (the words for workers only), the decision's month. */
function terminationOf(d: EventDetail, isGuardian: boolean): HistoryEvent['termination'] {
  const t = d.termination
  if (!t && !d.supportStopsFrom) return undefined
  return {
    ...(t ? { reason: t.reason, reasonLabel: terminationReasonLabel(t.reason) } : {}),
    ...(t?.note && !isGuardian ? { note: t.note } : {}),
    ...(d.supportStopsFrom ? { supportStopsFrom: d.supportStopsFrom } : {}),
  }
}

const place = (app: FastifyInstance, code: string) => ({ code, name: app.regions.fullName(code) ?? code })

export async function history(app: FastifyInstance, actor: Actor, id: string, ip: string): Promise<HistoryPage> {
  const row = await reachable(app, actor, id)
  const isGuardian = actor.role === 'guardian'
  await auditRead(app, actor, row, 'view_history', ip)
  const events = await listEvents(app.db, row.id)
  return {
    items: events.map((e) => {
      const d: EventDetail = e.detail ? app.vault.openJson<EventDetail>(e.detail, `${row.id}#${e.version}`) : {}
      return {
        version: e.version,
        at: e.at,
        action: e.action,
        actionLabel:
          e.action === 'edit' ? '修改后重新提交' : isTransferEvent(e.action) ? transferEventLabel(e.action) : actionLabel(e.action),
        from: e.from_status,
        to: e.to_status,
        fromLabel: e.from_status ? statusLabel(e.from_status as Status) : null,
        toLabel: statusLabel(e.to_status as Status),
        actor: {
          role: e.actor_role,
          roleLabel: ROLE_LABELS[e.actor_role],
          name: isGuardian ? null : (e.actor_name ?? e.actor_username ?? null),
        },
        reason: d.reason,
        fields: d.fields,
        diff: isGuardian || !d.diff ? d.diff : (d.diff as FieldChange[]).map(maskChange),
        visit: isGuardian ? undefined : d.visit,
        termination: terminationOf(d, isGuardian),
        ...(d.transfer ? { transfer: { from: place(app, d.transfer.from), to: place(app, d.transfer.to) } } : {}),
      }
    }),
  }
}
