/**
 * Opening a registration again in the wizard to correct it, under its own id: a return by a reviewer
 * (the server's current record, the fields named, and its version as the base of the edit) or a refusal
 * by the server (our record, the server's issues beside their fields). The drafts store writes the
 * correction to the phone at once (openFix). Light code: the home and 我的登记 pages in the main package use it.
 */
import { draftRecordOf } from '@/domain/record'
import { draftsStore, type DraftFix } from '@/store/drafts'
import { isSlimRecord, type RegistrationItem } from '@/store/outbox'
import { fetchRegistration } from './registrations'

export type FixStart = { ok: true } | { ok: false; why: 'offline' | 'gone' | 'nothing' }

function fromIssues(item: RegistrationItem): DraftFix {
  const issues = item.lastError?.issues ?? []
  const messages: Record<string, string> = {}
  for (const issue of issues) messages[issue.path.join('.')] ??= issue.message
  const unchanged = item.lastError?.code === 'unchanged'
  return {
    source: unchanged ? 'returned' : 'rejected',
    reason: unchanged ? (item.server?.returned?.reason ?? '') : (item.lastError?.message ?? ''),
    fields: unchanged ? (item.server?.returned?.fields ?? []) : Object.keys(messages),
    messages,
    ...(item.baseVersion !== undefined ? { baseVersion: item.baseVersion } : {}),
  }
}

/** Creates the correction draft (unless one is open already); then the page opens the wizard on it. */
export async function startFix(item: RegistrationItem): Promise<FixStart> {
  const drafts = draftsStore.getState()
  if (drafts.drafts[item.id]) return { ok: true }
  if (item.status === 'rejected') {
    if (item.lastError?.code === 'gone') return { ok: false, why: 'gone' }
    if (!isSlimRecord(item.record)) {
      drafts.openFix(item.id, draftRecordOf(item.record), fromIssues(item))
      return { ok: true }
    }
  }
  if (item.server?.status !== 'returned') return { ok: false, why: 'nothing' }
  try {
    const view = await fetchRegistration(item.id)
    if (view.status !== 'returned' || !view.record) return { ok: false, why: 'nothing' }
    drafts.openFix(item.id, draftRecordOf(view.record), {
      source: 'returned',
      reason: view.returned?.reason ?? '',
      fields: view.returned?.fields ?? [],
      baseVersion: view.version,
    })
  } catch {
    // No network: the phone's own full copy is the record the reviewer saw, if the versions agree.
    if (isSlimRecord(item.record) || !item.server) return { ok: false, why: 'offline' }
    const { reason = '', fields = [] } = item.server.returned ?? {}
    drafts.openFix(item.id, draftRecordOf(item.record), { source: 'returned', reason, fields, baseVersion: item.server.version })
  }
  return { ok: true }
}
