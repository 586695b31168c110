/**
 * Keeps an item in the outbox and waits a short while for its first answer, for a page that would rather say
 * "送达" or the server's reason than "kept on the phone" when the signal allows. The outbox saves the item
 * before anything else happens and goes on trying whatever the page does with the answer.
 * Resolves with the item once it is no longer queued or sending (undefined: sent and already dropped from the
 * phone), or as it stands when `waitMs` is over.
 */
import { outboxStore, type OutboxItem } from './outbox'

export function enqueueForFirstAnswer(
  item: { id: string; kind: string; record: unknown },
  waitMs: number,
): Promise<OutboxItem | undefined> {
  const settled = new Promise<OutboxItem | undefined>((resolve) => {
    const timer = setTimeout(() => finish(outboxStore.getState().items[item.id]), waitMs)
    // Subscribed before the item goes in, so that an answer faster than this line is not missed.
    const stop = outboxStore.subscribe((s) => {
      const current = s.items[item.id]
      if (!current || (current.status !== 'queued' && current.status !== 'sending')) finish(current)
    })
    function finish(current: OutboxItem | undefined) {
      clearTimeout(timer)
      stop()
      resolve(current)
    }
  })
  outboxStore.getState().enqueue(item)
  return settled
}
