/**
 * Local storage for drafts, the outbox and settings: the only module that calls Taro's storage API.
 *
 * Writes are buffered and written at most every THROTTLE_MS, because setStorageSync blocks the JS thread
 * and a guardian's every committed answer would otherwise cost one synchronous write. Reads see the buffer
 * first, so nothing written is ever invisible. `flush()` writes the buffer at once: the stores call it after
 * every structural change (a draft created or removed, an item queued…), and it runs when the app goes to
 * the background (WeChat may kill a background mini-program without another callback). Only typing waits
 * for the throttle.
 */
import Taro from '@tarojs/taro'

/** zustand's StateStorage contract, plus what the split stores need. */
export interface KeyValueStorage {
  getItem(key: string): string | null
  setItem(key: string, value: string): void
  removeItem(key: string): void
  /** Every stored key (written or still buffered). */
  keys(): string[]
}

/** What the stores persist through: a storage they can ask to write now (a no-op where writes go through at once). */
export interface FlushableStorage extends KeyValueStorage {
  flush(): void
}

export const THROTTLE_MS = 500

/** Taro's synchronous storage. A missing key reads as '' there; zustand expects null. */
const taroBackend: KeyValueStorage = {
  getItem(key) {
    const value = Taro.getStorageSync(key)
    return typeof value === 'string' && value !== '' ? value : null
  },
  setItem(key, value) {
    Taro.setStorageSync(key, value)
  },
  removeItem(key) {
    Taro.removeStorageSync(key)
  },
  keys() {
    return Taro.getStorageInfoSync().keys
  },
}

export interface ThrottledStorage extends FlushableStorage {
  /** Number of values waiting to be written (for tests and diagnostics). */
  pending(): number
}

export function createThrottledStorage(backend: KeyValueStorage = taroBackend, delayMs = THROTTLE_MS): ThrottledStorage {
  const buffer = new Map<string, string>()
  let timer: ReturnType<typeof setTimeout> | undefined

  const flush = () => {
    if (timer !== undefined) clearTimeout(timer)
    timer = undefined
    for (const [key, value] of buffer) {
      try {
        backend.setItem(key, value)
        buffer.delete(key)
      } catch (error) {
        // Storage full or failing: keep the value buffered (still readable) and try again later.
        console.error('storage write failed', key, error)
        schedule()
        return
      }
    }
  }
  const schedule = () => {
    if (timer === undefined) timer = setTimeout(flush, delayMs)
  }

  return {
    getItem: (key) => (buffer.has(key) ? (buffer.get(key) as string) : backend.getItem(key)),
    setItem(key, value) {
      buffer.set(key, value)
      schedule()
    },
    removeItem(key) {
      buffer.delete(key)
      backend.removeItem(key)
    },
    keys: () => [...new Set([...backend.keys(), ...buffer.keys()])],
    flush,
    pending: () => buffer.size,
  }
}

/** The app's one storage: every store persists through it, so one flush covers them all. */
export const storage: ThrottledStorage = createThrottledStorage()

/** Reads a JSON value written by `writeJson`; undefined when absent or unreadable. */
export function readJson<T>(key: string): T | undefined {
  const raw = storage.getItem(key)
  if (raw === null) return undefined
  try {
    return JSON.parse(raw) as T
  } catch {
    return undefined
  }
}

export function writeJson(key: string, value: unknown): void {
  storage.setItem(key, JSON.stringify(value))
}

/** writeJson, then on the phone at once: for what must not wait in the buffer (a device's identity, a sign-in). */
export function saveJson(key: string, value: unknown): void {
  writeJson(key, value)
  storage.flush()
}

/** WeChat allows 10 MB of storage per mini-program and user; past WARN_BYTES the home page warns. */
export const STORAGE_LIMIT_BYTES = 10 * 1024 * 1024
export const STORAGE_WARN_BYTES = 8 * 1024 * 1024

/** UTF-8 length without TextEncoder (the mini-program's JS engine may not have it). */
function utf8Bytes(text: string): number {
  let n = 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c < 0x80) n += 1
    else if (c < 0x800) n += 2
    else if (c >= 0xd800 && c < 0xdc00) {
      n += 4
      i += 1
    } else n += 3
  }
  return n
}

/**
 * Bytes of storage in use. WeChat reports it (currentSize, in KB); the H5 build reports NaN, so there the
 * keys and values are counted.
 */
export function storageUsage(): { usedBytes: number; limitBytes: number } {
  const info = Taro.getStorageInfoSync()
  const limitBytes = Number.isFinite(info.limitSize) && info.limitSize > 0 ? info.limitSize * 1024 : STORAGE_LIMIT_BYTES
  if (Number.isFinite(info.currentSize)) return { usedBytes: info.currentSize * 1024, limitBytes }
  let usedBytes = 0
  for (const key of storage.keys()) usedBytes += utf8Bytes(key) + utf8Bytes(storage.getItem(key) ?? '')
  return { usedBytes, limitBytes }
}

/** The amount to warn about in MB (one decimal), or undefined while there is room. */
export function storageWarning(usage = storageUsage()): string | undefined {
  if (usage.usedBytes < Math.min(STORAGE_WARN_BYTES, usage.limitBytes * 0.8)) return undefined
  return (usage.usedBytes / (1024 * 1024)).toFixed(1)
}
