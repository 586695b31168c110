/**
 * Status messages (docs/wechat.md): at each submission the guardian is asked, in WeChat's own dialog, whether
 * they want to hear when the registration is returned or approved; what they accept goes to the server
 * (`POST /api/v1/me/subscriptions`) through the outbox, as an item of kind `subscription` — kept on the phone
 * until the server has it, like a registration, and dropped once it has.
 * The template id comes from the server with the sign-in (services/auth.ts): unknown before the first sign-in.
 */
import { uuidV4 } from '@/platform/ids'
import { requestSubscriptions } from '@/platform/subscribe'
import { outboxStore, type OutboxItem } from '@/store/outbox'
import { authRequest, statusTemplates } from './auth'

export const SUBSCRIPTION = 'subscription'

export const subscriptionSender = {
  send: (item: OutboxItem) => authRequest<{ credits: number }>('/api/v1/me/subscriptions', { method: 'POST', data: item.record }),
}

/** Call first thing in the submit tap. Resolves when the dialog is answered (or at once when there is none). */
export async function askForStatusMessages(): Promise<void> {
  const accepted = await requestSubscriptions(statusTemplates())
  if (accepted.length > 0) outboxStore.getState().enqueue({ id: uuidV4(), kind: SUBSCRIPTION, record: { accepted } })
}

/** A reported subscription needs no copy on the phone. */
export function dropSentSubscriptions(): void {
  const items = Object.values(outboxStore.getState().items)
  for (const item of items) if (item.kind === SUBSCRIPTION && item.status === 'synced') outboxStore.getState().remove(item.id)
}
