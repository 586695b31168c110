/**
 * A zustand PersistStorage that keeps a map of items under one storage key per item, plus a small index
 * key. A draft is ≈ 2–5 KB and a guardian may keep several: writing only the item that changed keeps each
 * write small, and no key ever nears WeChat's 1 MB per-key limit.
 *
 * Reading also scans for item keys the index does not list (an app killed between the item write and the
 * index write), and never deletes a key it cannot read: unreadable data is skipped, not destroyed.
 */
import type { PersistStorage, StorageValue } from 'zustand/middleware'
import type { KeyValueStorage } from '@/platform/storage'

export interface SplitStorageOptions<S, Item> {
  storage: KeyValueStorage
  /** The index: { v, ids, ...meta }. */
  indexKey: string
  /** Items live under itemPrefix + id. Must not be a prefix of indexKey. */
  itemPrefix: string
  items(state: S): Record<string, Item>
  /** Small extra facts kept in the index (e.g. which draft was edited last). */
  meta?(state: S): Record<string, unknown>
  assemble(items: Record<string, Item>, meta: Record<string, unknown>): S
  /** Shape check of what is read back (persisted data is never trusted blindly). */
  isItem(value: unknown, id: string): value is Item
}

interface Index {
  v: number
  ids: string[]
  [meta: string]: unknown
}

function parse(raw: string | null): unknown {
  if (raw === null) return undefined
  try {
    return JSON.parse(raw)
  } catch {
    return undefined
  }
}

export function createSplitStorage<S, Item>(options: SplitStorageOptions<S, Item>): PersistStorage<S> {
  const { storage, indexKey, itemPrefix } = options
  // What storage holds for each id, by reference: zustand updates immutably, so an unchanged item keeps
  // its reference and is not written again.
  const written = new Map<string, Item>()
  let writtenIndex: string | undefined

  return {
    getItem(): StorageValue<S> | null {
      const index = parse(storage.getItem(indexKey)) as Index | undefined
      const ids = new Set<string>(Array.isArray(index?.ids) ? index.ids.filter((id) => typeof id === 'string') : [])
      for (const key of storage.keys()) if (key.startsWith(itemPrefix)) ids.add(key.slice(itemPrefix.length))
      if (!index && ids.size === 0) return null
      const items: Record<string, Item> = {}
      written.clear()
      for (const id of ids) {
        const value = parse(storage.getItem(itemPrefix + id))
        if (value !== undefined && options.isItem(value, id)) {
          items[id] = value
          written.set(id, value)
        } else if (value !== undefined) {
          console.error('skipping unreadable stored item', itemPrefix + id)
        }
      }
      const { v, ids: _ids, ...meta } = index ?? { v: 0, ids: [] }
      writtenIndex = index ? JSON.stringify(index) : undefined
      return { state: options.assemble(items, meta), version: typeof v === 'number' ? v : 0 }
    },

    setItem(_name, value) {
      const items = options.items(value.state)
      for (const [id, item] of Object.entries(items)) {
        if (written.get(id) === item) continue
        storage.setItem(itemPrefix + id, JSON.stringify(item))
        written.set(id, item)
      }
      for (const id of [...written.keys()]) {
        if (id in items) continue
        storage.removeItem(itemPrefix + id)
        written.delete(id)
      }
      const index = JSON.stringify({ v: value.version ?? 0, ids: Object.keys(items), ...options.meta?.(value.state) })
      if (index !== writtenIndex) {
        storage.setItem(indexKey, index)
        writtenIndex = index
      }
    },

    removeItem() {
      for (const id of written.keys()) storage.removeItem(itemPrefix + id)
      written.clear()
      storage.removeItem(indexKey)
      writtenIndex = undefined
    },
  }
}
