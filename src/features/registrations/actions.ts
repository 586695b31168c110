/**
 * What a guardian can do with a registration or a draft, in one place: correct a returned or refused
 * registration, withdraw one, keep or delete a draft, take a withdrawn registration off the phone, register a brother
 * or sister. Whatever would lose something is asked first; the stores save each change themselves.
 * Light code, in the main package (the home page and 我的登记); the conflict's choice and submitting,
 * which need the subpackage's code, are in conflict.ts and submit.ts.
 */
import type { DraftRecord } from '@/domain/record'
import { openWizard } from '@/platform/navigation'
import { RequestError } from '@/platform/request'
import { confirm, toast } from '@/platform/system'
import { startFix } from '@/services/fix'
import { serverStateOf, withdrawRegistration } from '@/services/registrations'
import { refreshMine } from '@/services/sync'
import { draftsStore, type Draft } from '@/store/drafts'
import { outboxStore, type RegistrationItem } from '@/store/outbox'
import { DRAFT_TEXT, MINE_TEXT } from './strings'

/** A draft as the lists name it: the child's name, or a note that it has none yet. */
export const draftName = (draft: Draft) => (draft.record.child.name as string | undefined) ?? DRAFT_TEXT.unnamed

/** Opens the correction of a returned or refused registration in the wizard. */
export async function fixItem(item: RegistrationItem): Promise<void> {
  const started = await startFix(item)
  if (started.ok) openWizard(item.id)
  else toast(started.why === 'offline' ? MINE_TEXT.fixOffline : MINE_TEXT.fixNothing)
}

/** Deletes a draft once the guardian confirms: what was typed into it is gone. */
export async function deleteDraft(draft: Draft): Promise<void> {
  if (!(await confirm(DRAFT_TEXT.removeTitle, DRAFT_TEXT.removeBody(draftName(draft)), MINE_TEXT.removeConfirm, MINE_TEXT.removeCancel)))
    return
  draftsStore.getState().removeDraft(draft.id)
}

/** "保留" an untouched draft: it counts as touched now, and is not asked about for another 30 days. */
export function keepDraft(draft: Draft): void {
  draftsStore.getState().touch(draft.id)
}

/** Takes a registration the server no longer accepts (withdrawn) off the phone, once the guardian confirms. */
export async function removeRegistration(item: RegistrationItem): Promise<void> {
  if (
    !(await confirm(MINE_TEXT.removeTitle, MINE_TEXT.removeBody(item.record.child.name), MINE_TEXT.removeConfirm, MINE_TEXT.removeCancel))
  )
    return
  outboxStore.getState().remove(item.id)
}

/** The server takes a withdrawal while nobody has started on the registration, or after a return. */
export const canWithdraw = (item: RegistrationItem) => item.status === 'synced' && !!item.server?.allowedActions?.includes('withdraw')

/**
 * 撤回登记, once the guardian confirms in plain words: the server marks it withdrawn (nothing is deleted
 * there), the phone shows it so, and a correction in progress for it is closed. Returns whether it happened.
 */
export async function withdrawItem(item: RegistrationItem): Promise<boolean> {
  const name = item.record.child.name
  const text = MINE_TEXT
  if (!(await confirm(text.withdrawTitle, text.withdrawBody(name), text.withdrawConfirm, text.withdrawCancel))) return false
  try {
    const view = await withdrawRegistration(item.id)
    outboxStore.getState().mergeServer([{ id: item.id, childName: name, createdAt: item.queuedAt, server: serverStateOf(view) }])
    if (draftsStore.getState().drafts[item.id]) draftsStore.getState().removeDraft(item.id)
    toast(text.withdrawn)
    return true
  } catch (error) {
    const offline = error instanceof RequestError && error.kind === 'offline'
    toast(offline ? text.withdrawOffline : text.withdrawRefused)
    // Refused: review has started meanwhile; the list shows where it stands now.
    if (!offline) await refreshMine().catch(() => undefined)
    return false
  }
}

/**
 * "再登记一个孩子": a new draft with the parents, guardianship and family of `from` (a draft or a full
 * registration); returns its id, for the page to open in the wizard.
 */
export function siblingDraft(from: { id: string; record: Partial<DraftRecord> }): string {
  return draftsStore.getState().createDraft({ id: from.id, record: from.record })
}
