/**
 * Sending the wizard's update of a confirmed record (动态更新): validated by the same schema as a registration,
 * posted to the quarterly endpoint, and the draft removed only once the server has it. Every refusal (no
 * network, a move that needs a transfer, a change already under review) keeps the draft and says why.
 */
import type { Issue } from '@/domain/schema'
import { validateRegistration } from '@/domain/schema'
import { buildRegistration, chinaNowIso } from '@/features/registrations/submit'
import { RequestError } from '@/platform/request'
import { sendUpdate } from '@/services/quarterly'
import { draftsStore } from '@/store/drafts'
import { QUARTERLY_TEXT } from '../strings'

/** `moved`: the update was a move, a transfer was started instead (the server's words in `message`). */
export type UpdateOutcome =
  { ok: true; id: string; unchanged: boolean; moved?: { message: string } } | { ok: false; message: string; issues?: Issue[] }

/** The server's reason in its own words (a 409 or 400 carries Chinese), else ours. */
function messageOf(error: unknown): string {
  if (error instanceof RequestError && error.kind === 'offline') return QUARTERLY_TEXT.offline
  const body = error instanceof RequestError ? (error.data as { error?: { message?: string } } | undefined) : undefined
  return body?.error?.message || QUARTERLY_TEXT.failed
}

export async function submitQuarterlyDraft(draftId: string, now: Date = new Date()): Promise<UpdateOutcome> {
  const draft = draftsStore.getState().drafts[draftId]
  if (!draft?.fix || draft.fix.baseVersion === undefined) return { ok: false, message: QUARTERLY_TEXT.failed }
  const checked = validateRegistration(buildRegistration(draft.record, chinaNowIso(now)))
  if (!checked.ok) return { ok: false, message: '', issues: checked.issues }
  try {
    const result = await sendUpdate(draft.id, checked.value, draft.fix.baseVersion)
    if (result.answer === 'transfer') {
      // The move is with the receiving village now; other changes typed in the same update stay on the phone,
      // on the version the transfer's start made (sending them again before the accept says the move waits).
      if (!result.transfer?.otherChanges) draftsStore.getState().removeDraft(draft.id)
      else draftsStore.getState().setBaseVersion(draft.id, result.registration.version)
      return { ok: true, id: draft.id, unchanged: false, moved: { message: result.message ?? QUARTERLY_TEXT.moved } }
    }
    draftsStore.getState().removeDraft(draft.id)
    return { ok: true, id: draft.id, unchanged: result.answer === 'unchanged' }
  } catch (error) {
    return { ok: false, message: messageOf(error) }
  }
}
