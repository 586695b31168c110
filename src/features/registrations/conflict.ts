/**
 * The guardian's choice after a 409 (the record page shows the two versions side by side). Nothing is
 * overwritten without it: keeping ours sends it again on the server's current version (accepted only
 * while the server allows an edit); keeping the server's drops ours, once the guardian confirms — asked
 * in the record page's words, which stay in the register subpackage with it.
 * Only the register subpackage imports this module.
 */
import { confirm } from '@/platform/system'
import { outboxStore, type RegistrationItem } from '@/store/outbox'

/** A yes/no question before something is dropped. */
export interface Question {
  title: string
  body: string
  confirm: string
  cancel: string
}

export function keepMine(item: RegistrationItem): void {
  outboxStore.getState().enqueue({ id: item.id, record: item.record, baseVersion: item.conflict?.server?.version })
}

export async function keepTheirs(item: RegistrationItem, question: Question): Promise<void> {
  if (!(await confirm(question.title, question.body, question.confirm, question.cancel))) return
  outboxStore.getState().acceptServerVersion(item.id)
}
