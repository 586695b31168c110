/**
 * The outbox: what the guardian submitted, with where it stands (outbox-machine.ts), and what the server
 * last said about it. One key per item, `hutong:outbox:<id>`, plus the index `hutong:outbox` — far below
 * WeChat's 1 MB per key, and only the item that changed is written again. Items stay after they reach
 * the server: they are the phone's copy of 我的登记, reduced to the child's name once verified.
 * Sending belongs to services/sync.ts; this store only records. It saves itself: what is queued, removed or
 * chosen by the guardian is on the phone before the action returns; the sync layer's transitions and the
 * server's list wait for the storage's throttle (they can be asked again).
 */
import { createStore, useStore } from 'zustand'
import { persist } from 'zustand/middleware'
import { storage as appStorage, type FlushableStorage } from '@/platform/storage'
import {
  minimise,
  newItem,
  recoverInterrupted,
  REGISTRATION,
  type OutboxItem,
  type RegistrationItem,
  type ServerState,
} from './outbox-machine'
import { createSplitStorage } from './split-storage'

export * from './outbox-machine'

export const OUTBOX_PREFIX = 'hutong:outbox:'
export const OUTBOX_INDEX_KEY = 'hutong:outbox'
/** 1: waiting items only ({ id, record, queuedAt, status: 'queued' }). 2: the sync states. */
export const OUTBOX_VERSION = 2

/** One registration as the server lists it (GET /registrations). */
export interface ServerListItem {
  id: string
  childName: string
  createdAt: string
  server: ServerState
}

export interface OutboxState {
  items: Record<string, OutboxItem>
  /** Queues new content under an id (a first submission, or a fix); what the server said is kept. */
  enqueue(input: { id: string; kind?: string; record: unknown; baseVersion?: number }): void
  /** Replaces one item through a pure transition (used by the sync layer). */
  update(id: string, recipe: (item: OutboxItem) => OutboxItem): void
  /** Folds the server's list in: statuses of known items, and registrations this phone did not know. */
  mergeServer(list: readonly ServerListItem[]): void
  /** Conflict resolved in favour of the server's version: ours is dropped, by the guardian's choice. */
  acceptServerVersion(id: string): void
  remove(id: string): void
}

type Persisted = Pick<OutboxState, 'items'>

function isItem(value: unknown, id: string): value is OutboxItem {
  const item = value as OutboxItem
  return (
    !!item &&
    typeof item === 'object' &&
    item.id === id &&
    !!item.record &&
    typeof item.record === 'object' &&
    typeof item.queuedAt === 'string' &&
    typeof item.status === 'string'
  )
}

/** Version 1 items waited only; they become queued registration items with no attempts yet. */
export function migrateOutbox(state: unknown, version: number): Persisted {
  const items = ((state as Persisted | undefined)?.items ?? {}) as Record<string, OutboxItem>
  if (version >= 2) return { items }
  const out: Record<string, OutboxItem> = {}
  for (const [id, item] of Object.entries(items)) out[id] = { ...item, kind: REGISTRATION, status: 'queued', attempts: 0 }
  return { items: out }
}

export function createOutboxStore(storage: FlushableStorage = appStorage, now: () => number = Date.now) {
  return createStore<OutboxState>()(
    persist(
      (set, get) => {
        const put = (item: OutboxItem) => set({ items: { ...get().items, [item.id]: item } })
        /** A structural change: set, then on the phone at once. */
        const save = (item: OutboxItem) => {
          put(item)
          storage.flush()
        }
        return {
          items: {},
          enqueue(input) {
            const before = get().items[input.id]
            const item = newItem({ ...input, server: before?.server }, now())
            // A correction keeps the first submission's time (the list's order and 提交时间).
            save(before ? { ...item, queuedAt: before.queuedAt } : item)
          },
          update(id, recipe) {
            const item = get().items[id]
            if (!item) return
            const next = recipe(item)
            if (next !== item) put(next)
          },
          mergeServer(list) {
            const items = { ...get().items }
            let changed = false
            for (const entry of list) {
              const known = items[entry.id]
              const next: OutboxItem = known
                ? minimise({ ...known, server: entry.server })
                : minimise({
                    ...newItem({ id: entry.id, record: { child: { name: entry.childName } }, server: entry.server }, now()),
                    queuedAt: entry.createdAt,
                    status: 'synced',
                    slim: true,
                  })
              if (known && JSON.stringify(known.server) === JSON.stringify(next.server) && known.slim === next.slim) continue
              items[entry.id] = next
              changed = true
            }
            if (changed) set({ items })
          },
          acceptServerVersion(id) {
            const item = get().items[id]
            if (!item?.conflict) return
            const { conflict, lastError: _e, baseVersion: _b, nextRetryAt: _n, ...rest } = item
            save(minimise({ ...rest, record: conflict.record, server: conflict.server ?? item.server, status: 'synced', slim: false }))
          },
          remove(id) {
            if (!get().items[id]) return
            const { [id]: _removed, ...items } = get().items
            set({ items })
            storage.flush()
          },
        }
      },
      {
        name: OUTBOX_INDEX_KEY,
        version: OUTBOX_VERSION,
        migrate: migrateOutbox,
        partialize: (s): Persisted => ({ items: s.items }),
        // A store made from storage never holds an item that no sender is sending (see recoverInterrupted).
        merge: (persisted, current) => {
          const items = (persisted as Persisted | undefined)?.items ?? {}
          const recovered: Record<string, OutboxItem> = {}
          for (const [id, item] of Object.entries(items)) recovered[id] = recoverInterrupted(item)
          return { ...current, items: recovered }
        },
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

export const isRegistration = (item: OutboxItem | undefined): item is RegistrationItem => item?.kind === REGISTRATION

/** The guardian's registrations, newest first (other kinds of items are not listed in 我的登记). */
export function sortedOutbox(items: Record<string, OutboxItem>): RegistrationItem[] {
  return Object.values(items)
    .filter(isRegistration)
    .sort((a, b) => b.queuedAt.localeCompare(a.queuedAt))
}
