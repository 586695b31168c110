/**
 * 动态更新 on the guardian's side (docs/guardian-app.md, "Quarterly updates"): the quarter's "没有变化", opening a
 * confirmed record in the wizard to update it, and sending the update. The answer is the record's new state on
 * the server, kept in the outbox item like every other answer. Sent at once, not queued: the guardian taps
 * while looking at the record, and what they typed stays a draft on the phone until the server has it.
 */
import type { QuarterlyResult } from '@/domain/api'
import { draftRecordOf } from '@/domain/record'
import { draftsStore } from '@/store/drafts'
import { outboxStore } from '@/store/outbox'
import { authRequest } from './auth'
import { fetchRegistration, serverStateOf } from './registrations'

const path = (id: string) => `/api/v1/registrations/${encodeURIComponent(id)}/quarterly`

function keep(result: QuarterlyResult): QuarterlyResult {
  outboxStore.getState().update(result.registration.id, (item) => ({ ...item, server: serverStateOf(result.registration) }))
  return result
}

/** 没有变化: one tap; a repeat the same quarter answers what was stored. */
export async function answerUnchanged(id: string): Promise<QuarterlyResult> {
  return keep(await authRequest<QuarterlyResult>(path(id), { method: 'POST', data: { unchanged: true } }))
}

/** The update itself: the whole record, on the version it was made on. */
export async function sendUpdate(id: string, record: unknown, baseVersion: number): Promise<QuarterlyResult> {
  return keep(await authRequest<QuarterlyResult>(path(id), { method: 'POST', data: { record, baseVersion } }))
}

/** 有变化: the record as the server holds it, opened as a draft to update (unless one is open already). */
export async function startUpdate(id: string): Promise<void> {
  if (draftsStore.getState().drafts[id]) return
  const view = await fetchRegistration(id)
  draftsStore.getState().openFix(id, draftRecordOf(view.record), { source: 'quarterly', reason: '', fields: [], baseVersion: view.version })
}
