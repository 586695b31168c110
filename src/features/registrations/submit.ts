/**
 * Submitting, and resubmitting a correction: the draft plus the guardian's consent becomes a registration,
 * is validated by the same schema the server uses, goes to the outbox and only then leaves the drafts. The
 * outbox is on the phone's storage before the draft is removed (each store saves its change at once), so
 * at no moment is the only copy in memory. The sync layer sees the new item in the outbox and sends it at
 * once when there is a network. Schema code: only the register subpackage imports this module.
 */
import { CONSENT_VERSION } from '@/domain/consent'
import type { DraftRecord } from '@/domain/record'
import { SCHEMA_VERSION, validateRegistration, type Issue } from '@/domain/schema'
import { draftsStore } from '@/store/drafts'
import { isSlimRecord, outboxStore } from '@/store/outbox'

/** Now in China time with its offset, as the consent schema wants it: 2026-11-20T09:30:00+08:00. */
export function chinaNowIso(now: Date = new Date()): string {
  return `${new Date(now.getTime() + 8 * 3600 * 1000).toISOString().slice(0, 19)}+08:00`
}

export function buildRegistration(record: DraftRecord, agreedAt: string): unknown {
  return {
    schemaVersion: SCHEMA_VERSION,
    child: record.child,
    parents: record.parents,
    guardianship: record.guardianship,
    family: record.family,
    consent: { agreed: true, version: CONSENT_VERSION, agreedAt },
  }
}

export type SubmitResult = { ok: true; id: string } | { ok: false; issues: Issue[]; unchanged?: boolean }

const answers = (record: object) => {
  const { consent: _c, ...rest } = record as Record<string, unknown>
  return JSON.stringify(rest)
}

export function submitDraft(draftId: string, now: Date = new Date()): SubmitResult {
  const draft = draftsStore.getState().drafts[draftId]
  if (!draft) return { ok: false, issues: [] }
  const result = validateRegistration(buildRegistration(draft.record, chinaNowIso(now)))
  if (!result.ok) return result
  // A returned registration sent back without any change would go back to the reviewer as it was.
  const sent = outboxStore.getState().items[draft.id]?.record
  if (draft.fix?.source === 'returned' && sent && !isSlimRecord(sent) && answers(sent as object) === answers(result.value)) {
    return { ok: false, issues: [], unchanged: true }
  }
  // A correction of a registration the server holds names the version it was made on (never overwrites).
  outboxStore.getState().enqueue({ id: draft.id, record: result.value, baseVersion: draft.fix?.baseVersion })
  draftsStore.getState().removeDraft(draft.id)
  return { ok: true, id: draft.id }
}
