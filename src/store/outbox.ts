/**
 * The outbox: submitted registrations waiting to reach the server ("待提交"). One key per item,
 * `hutong:outbox:<id>`, plus the index `hutong:outbox`. Today items only wait (status 'queued');
 * sending, retrying and the server's answer belong to the sync layer, which extends `OutboxStatus`.
 */
import { createStore, useStore } from 'zustand'
import { persist } from 'zustand/middleware'
import type { Registration } from '@/domain/schema'
import { storage as appStorage, type KeyValueStorage } from '@/services/storage'
import { createSplitStorage } from './split-storage'

export const OUTBOX_PREFIX = 'hutong:outbox:'
export const OUTBOX_INDEX_KEY = 'hutong:outbox'
export const OUTBOX_VERSION = 1

export type OutboxStatus = 'queued'

export interface OutboxItem {
  /** The draft's UUID v4: the server's idempotency key. */
  id: string
  /** Validated by validateRegistration before it was queued. */
  record: Registration
  queuedAt: string
  status: OutboxStatus
}

export interface OutboxState {
  items: Record<string, OutboxItem>
  enqueue(item: OutboxItem): void
  remove(id: string): void
}

type Persisted = Pick<OutboxState, 'items'>

function isItem(value: unknown, id: string): value is OutboxItem {
  const item = value as OutboxItem
  return !!item && typeof item === 'object' && item.id === id && !!item.record && typeof item.queuedAt === 'string' &&
    typeof item.status === 'string'
}

export function createOutboxStore(storage: KeyValueStorage = appStorage) {
  return createStore<OutboxState>()(
    persist(
      (set, get) => ({
        items: {},
        enqueue(item) {
          set({ items: { ...get().items, [item.id]: item } })
        },
        remove(id) {
          if (!get().items[id]) return
          const { [id]: _removed, ...items } = get().items
          set({ items })
        },
      }),
      {
        name: OUTBOX_INDEX_KEY,
        version: OUTBOX_VERSION,
        partialize: (s): Persisted => ({ items: s.items }),
        storage: createSplitStorage<Persisted, OutboxItem>({
          storage,
          indexKey: OUTBOX_INDEX_KEY,
          itemPrefix: OUTBOX_PREFIX,
          items: (s) => s.items,
          assemble: (items) => ({ items }),
          isItem,
        }),
      },
    ),
  )
}

export type OutboxStore = ReturnType<typeof createOutboxStore>

export const outboxStore: OutboxStore = createOutboxStore()

export function useOutbox<T>(selector: (state: OutboxState) => T): T {
  return useStore(outboxStore, selector)
}

export function sortedOutbox(items: Record<string, OutboxItem>): OutboxItem[] {
  return Object.values(items).sort((a, b) => b.queuedAt.localeCompare(a.queuedAt))
}
