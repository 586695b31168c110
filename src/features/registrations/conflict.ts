/**
 * The guardian's choice after a 409 (the record page shows the two versions side by side). Nothing is
 * overwritten without it: keeping ours sends it again on the server's current version (accepted only
 * while the server allows an edit); keeping the server's drops ours, once the guardian confirms.
 * Only the register subpackage imports this module.
 */
import { confirm } from '@/platform/system'
import { outboxStore, type RegistrationItem } from '@/store/outbox'
import { CONFLICT_TEXT } from './strings'

export function keepMine(item: RegistrationItem): void {
  outboxStore.getState().enqueue({ id: item.id, record: item.record, baseVersion: item.conflict?.server?.version })
}

export async function keepTheirs(item: RegistrationItem): Promise<void> {
  if (!(await confirm(CONFLICT_TEXT.keepTheirsTitle, CONFLICT_TEXT.keepTheirsBody, CONFLICT_TEXT.confirm, CONFLICT_TEXT.cancel))) return
  outboxStore.getState().acceptServerVersion(item.id)
}
