/**
 * State that every server instance must see the same: counters with a time window (rate limits, lockouts),
 * short-lived values (a cached access token) and locks held by one instance of the cluster at a time (a job
 * that must run once). In Redis when REDIS_URL is set (./redis.ts), else in this process's memory (below):
 * right for one process, wrong for several — docs/operations.md says when Redis is needed.
 *
 * Keys are plain strings chosen by the caller ("lockout:<user id>", "wechat:access-token"); never put a
 * name, phone or ID number in a key (keys show up in Redis tools and logs). In a route: `app.sharedState`.
 *
 *   // failures per account within 15 minutes, from any address and any instance
 *   const { count, ttlMs } = await app.sharedState.increment(`login-failures:${user.id}`, 15 * 60_000)
 *   // a value every instance reuses until shortly before it expires; one instance refreshes it
 *   const token = await state.get('wechat:access-token')
 *     ?? (await state.withLock('wechat:refresh', { ttlMs: 10_000, waitMs: 10_000 }, fetchAndSet)).value
 *   // a job that must run once per cluster: the other instances get { acquired: false } and skip it
 *   await state.withLock('daily-digest', { ttlMs: 60_000 }, runDigest)
 */

export interface Counter {
  /** The count after this increment. */
  count: number
  /** Milliseconds until the window ends and the count starts again from 0. */
  ttlMs: number
}

export interface LockOptions {
  /** The lock ends by itself after this long if the holder dies; while `fn` runs it is renewed. */
  ttlMs: number
  /** Wait up to this long for another holder to let go (default 0: give up at once). */
  waitMs?: number
}

export type LockResult<T> = { acquired: true; value: T } | { acquired: false }

export interface SharedState {
  readonly kind: 'memory' | 'redis'
  /** Adds 1 to a counter; the first increment opens a window of `windowMs` after which the counter is gone. */
  increment(key: string, windowMs: number): Promise<Counter>
  /** A value, or undefined when absent or expired. */
  get(key: string): Promise<string | undefined>
  /** Sets a value that expires after `ttlMs`. */
  set(key: string, value: string, ttlMs: number): Promise<void>
  /** Sets a value only if the key is absent: true when this call set it. */
  setIfAbsent(key: string, value: string, ttlMs: number): Promise<boolean>
  delete(key: string): Promise<void>
  /**
   * Runs `fn` while holding `name` across every instance: at most one holder at a time. `{ acquired: false }`
   * when another instance holds it (after waiting up to `waitMs`); `fn` is then not run. The lock is
   * renewed every ttlMs/3 while `fn` runs and released when it settles (also when it throws).
   */
  withLock<T>(name: string, opts: LockOptions, fn: () => Promise<T>): Promise<LockResult<T>>
  close(): Promise<void>
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/** A timer that does not keep the process alive (where timers are Node's: the app also runs in jsdom tests). */
function background<T>(timer: T): T {
  const node = timer as { unref?: () => void }
  node.unref?.()
  return timer
}

/** What both implementations share: the lock loop on top of try-acquire, renew and release. */
export async function lockLoop<T>(
  ops: { acquire(): Promise<boolean>; renew(): Promise<boolean>; release(): Promise<void> },
  opts: LockOptions,
  fn: () => Promise<T>,
): Promise<LockResult<T>> {
  const deadline = Date.now() + (opts.waitMs ?? 0)
  while (!(await ops.acquire())) {
    if (Date.now() >= deadline) return { acquired: false }
    await sleep(Math.min(50, Math.max(1, deadline - Date.now())))
  }
  const renewal = background(
    setInterval(
      () => {
        ops.renew().catch(() => undefined)
      },
      Math.max(10, Math.floor(opts.ttlMs / 3)),
    ),
  )
  try {
    return { acquired: true, value: await fn() }
  } finally {
    clearInterval(renewal)
    // A release that fails (Redis gone) leaves the lock to expire by itself after ttlMs.
    await ops.release().catch(() => undefined)
  }
}

/** One process: a Map with expiry times. Expired entries are dropped when read and swept once a minute. */
export function memoryState(now: () => number = Date.now): SharedState {
  const values = new Map<string, { value: string; expires: number }>()
  const live = (key: string) => {
    const e = values.get(key)
    if (e && e.expires <= now()) values.delete(key)
    return e && e.expires > now() ? e : undefined
  }
  const sweep = background(
    setInterval(() => {
      for (const key of values.keys()) live(key)
    }, 60_000),
  )
  let tokens = 0

  const state: SharedState = {
    kind: 'memory',
    async increment(key, windowMs) {
      const e = live(key)
      if (!e) {
        values.set(key, { value: '1', expires: now() + windowMs })
        return { count: 1, ttlMs: windowMs }
      }
      e.value = String(Number(e.value) + 1)
      return { count: Number(e.value), ttlMs: e.expires - now() }
    },
    async get(key) {
      return live(key)?.value
    },
    async set(key, value, ttlMs) {
      values.set(key, { value, expires: now() + ttlMs })
    },
    async setIfAbsent(key, value, ttlMs) {
      if (live(key)) return false
      values.set(key, { value, expires: now() + ttlMs })
      return true
    },
    async delete(key) {
      values.delete(key)
    },
    withLock(name, opts, fn) {
      const key = `lock:${name}`
      const token = `memory-${++tokens}`
      return lockLoop(
        {
          acquire: () => state.setIfAbsent(key, token, opts.ttlMs),
          async renew() {
            const e = live(key)
            if (e?.value !== token) return false
            e.expires = now() + opts.ttlMs
            return true
          },
          async release() {
            if (live(key)?.value === token) values.delete(key)
          },
        },
        opts,
        fn,
      )
    },
    async close() {
      clearInterval(sweep)
      values.clear()
    },
  }
  return state
}
