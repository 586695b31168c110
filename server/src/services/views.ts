/**
 * What a client receives about a registration. A full record goes only to its owner or to a worker of its
 * region (and the worker's view is audited by records.ts); list items for workers are masked, so a list on
 * a screen never shows a whole ID number, phone number or name.
 */
import type { FastifyInstance } from 'fastify'
import type { Kysely } from 'kysely'
import { ageOn } from '../../../src/domain/dates'
import { classify } from '../../../src/domain/eligibility'
import { maskIdNumber, maskName, maskPhone, maskRecord } from '../../../src/domain/mask'
import type { FieldChange, OwnListItem, QueueItem, RegistrationBase, RegistrationView, ReturnedNote } from '../../../src/domain/api'
import type { Termination } from '../../../src/domain/lifecycle'
import type { Visit } from '../../../src/domain/review'
import type { Registration } from '../../../src/domain/schema'
import { allowedActions, statusLabel, type Role } from '../../../src/domain/status'
import type { Actor } from '../actor'
import { today } from '../clock'
import { latestEvent } from '../db/events'
import { categoriesOf, duplicatesOf, type RegistrationRow } from '../db/registrations'
import type { Database } from '../db/types'
import { canSee } from '../scope'
import { contextOf } from './findings'
import { quarterlyPrompt } from './quarterly-progress'
import { recheckNote, withoutUnflagged } from './recheck'
import { terminationInfo } from './termination'

/** What an event stores encrypted beside its status change. */
export interface EventDetail {
  reason?: string
  fields?: string[]
  visit?: Visit
  diff?: FieldChange[]
  /** 提请终止: the reason and the words written with it. */
  termination?: Termination
  /** 决定终止: 'YYYY-MM', the first month without support. */
  supportStopsFrom?: string
  /** 提交变更 (动态更新): the record as approved before the change, restored if the change is returned; never shown. */
  approved?: Registration
  /** A transfer's step: which transfer, from and to which village. */
  transfer?: { id: string; from: string; to: string }
}

export function openRecord(app: FastifyInstance, row: RegistrationRow): Registration {
  return app.vault.openJson<Registration>(row.payload, row.id)
}

function base(row: RegistrationRow, role: Role): RegistrationBase {
  return {
    id: row.id,
    status: row.status,
    statusLabel: statusLabel(row.status),
    version: row.version,
    categories: categoriesOf(row),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    allowedActions: allowedActions(row.status, role),
  }
}

/** Why and where a returned record must be fixed (shown to the guardian). */
async function returnInfo(app: FastifyInstance, ex: Kysely<Database>, row: RegistrationRow): Promise<ReturnedNote | null> {
  if (row.status !== 'returned') return null
  const e = await latestEvent(ex, row.id, 'return')
  if (!e) return null
  const d = e.detail ? app.vault.openJson<EventDetail>(e.detail, `${row.id}#${e.version}`) : {}
  return { reason: d.reason ?? '', fields: d.fields ?? [], at: e.at, byRole: e.actor_role }
}

/**
 * The full record, for its owner or a worker of its region. Workers get ID numbers and phone numbers
 * masked (`masked` lists the paths; each is revealed through POST /registrations/:id/reveal, which is
 * audited field by field), and the possible duplicates.
 * `record`: the plaintext of `row.payload` when the caller has just sealed it (a submission): decrypting what
 * was encrypted a moment ago took 2 % of the server's time under a PUT load (docs/quality.md, "Where a PUT spends its time").
 */
export async function fullView(
  app: FastifyInstance,
  row: RegistrationRow,
  actor: Actor,
  ex: Kysely<Database> = app.db,
  record: Registration = openRecord(app, row),
): Promise<RegistrationView> {
  // What workers found on their visits stays with the workers: the guardian's page reads their own answers only.
  const context = actor.role === 'guardian' ? {} : await contextOf(app, row.id, ex)
  const { findings, missing, notes } = classify(record, today(), context)
  const view = {
    ...base(row, actor.role),
    record,
    classification: { findings, missing, notes },
    returned: await returnInfo(app, ex, row),
    termination: await terminationInfo(app, ex, row, actor.role),
    village: { code: row.village_code, name: app.regions.fullName(row.village_code) ?? '' },
  }
  if (actor.role === 'guardian') return { ...view, quarterly: await quarterlyPrompt(ex, row) }
  const recheck = await recheckNote(app, ex, row)
  const dups = await duplicatesOf(ex, row)
  const { record: shown, masked } = maskRecord(record)
  return {
    ...view,
    allowedActions: withoutUnflagged(view.allowedActions, !!recheck),
    recheck,
    record: shown,
    masked,
    possibleDuplicates: dups.map((d) => ({
      id: d.id,
      status: d.status,
      reason: row.id_hmac && d.id_hmac === row.id_hmac ? 'same_id_number' : 'same_name_birth_village',
      // The link is shown either way; it opens only inside the worker's own region.
      accessible: canSee(actor.regionCode, d.village_code),
    })),
  }
}

/**
 * The guardian's own list: their own children's names, unmasked, and for a returned record the reviewer's
 * reason and the fields to fix, so the phone can show them without opening each record.
 */
export async function ownListItem(app: FastifyInstance, row: RegistrationRow): Promise<OwnListItem> {
  const record = openRecord(app, row)
  return {
    ...base(row, 'guardian'),
    childName: record.child.name,
    returned: await returnInfo(app, app.db, row),
    termination: await terminationInfo(app, app.db, row, 'guardian'),
    quarterly: await quarterlyPrompt(app.db, row),
  }
}

/** A worker's queue item: masked name, ID number and phone; age rather than birth date. */
export function queueItem(app: FastifyInstance, row: RegistrationRow, role: Role, duplicate: boolean): QueueItem {
  const { child, guardianship } = openRecord(app, row)
  return {
    ...base(row, role),
    child: {
      name: maskName(child.name),
      idNumber: maskIdNumber(child.idNumber),
      sex: child.sex,
      age: ageOn(child.birthDate, today()),
    },
    contact: { name: maskName(guardianship.contact.name), phone: maskPhone(guardianship.contact.phone) },
    village: { code: row.village_code, name: app.regions.name(row.village_code) ?? '' },
    possibleDuplicate: duplicate,
  }
}
