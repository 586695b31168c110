/** An in-memory KeyValueStorage that records writes, standing in for the phone's storage. */
import type { KeyValueStorage } from '@/platform/storage'

export function memoryStorage(initial: Record<string, string> = {}) {
  const data = new Map(Object.entries(initial))
  const writes: string[] = []
  const storage: KeyValueStorage = {
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => {
      writes.push(key)
      data.set(key, value)
    },
    removeItem: (key) => {
      data.delete(key)
    },
    keys: () => [...data.keys()],
  }
  return { storage, data, writes }
}
