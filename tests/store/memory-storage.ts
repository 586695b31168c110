/** An in-memory storage that records writes, standing in for the phone's storage (every write goes through at once). */
import type { FlushableStorage } from '@/platform/storage'

export function memoryStorage(initial: Record<string, string> = {}) {
  const data = new Map(Object.entries(initial))
  const writes: string[] = []
  const storage: FlushableStorage = {
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => {
      writes.push(key)
      data.set(key, value)
    },
    removeItem: (key) => {
      data.delete(key)
    },
    keys: () => [...data.keys()],
    flush: () => undefined,
  }
  return { storage, data, writes }
}
