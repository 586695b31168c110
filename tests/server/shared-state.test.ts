/**
 * The shared state (server/src/shared/): the same behaviour from the memory implementation and from Redis —
 * counters with a window, values with a lifetime, and locks that one holder at a time gets, across two
 * Redis connections standing for two server instances. Redis runs only with TEST_REDIS_URL (CI sets it).
 */
import { redisState } from '../../server/src/shared/redis'
import { memoryState, sleep, type SharedState } from '../../server/src/shared/state'
import { REDIS_URL, redisPrefix } from './helpers'

type Make = () => Promise<{ a: SharedState; b: SharedState; close(): Promise<void> }>
const memory: Make = async () => {
  const a = memoryState()
  return { a, b: a, close: () => a.close() }
}
const redis: Make = async () => {
  const prefix = redisPrefix()
  const a = await redisState(REDIS_URL!, prefix)
  const b = await redisState(REDIS_URL!, prefix)
  return {
    a,
    b,
    async close() {
      const keys = await a.client.keys(`${prefix}*`)
      if (keys.length) await a.client.del(...keys.map((k) => k.slice(prefix.length)))
      await a.close()
      await b.close()
    },
  }
}
const KINDS: [string, Make][] = [
  ['memory', memory],
  ...(REDIS_URL ? [['redis (two connections = two instances)', redis] as [string, Make]] : []),
]

describe.each(KINDS)('shared state: %s', (_kind, make) => {
  let s: Awaited<ReturnType<Make>>
  beforeEach(async () => {
    s = await make()
  })
  afterEach(async () => {
    await s.close()
  })

  test('a counter counts within its window, seen from both instances, and starts again after it', async () => {
    expect(await s.a.increment('c', 600)).toEqual({ count: 1, ttlMs: 600 })
    const second = await s.b.increment('c', 600)
    expect(second.count).toBe(2)
    expect(second.ttlMs).toBeGreaterThan(0)
    expect(second.ttlMs).toBeLessThanOrEqual(600)
    expect((await s.a.increment('c', 600)).count).toBe(3)
    expect((await s.a.increment('other', 600)).count).toBe(1)
    await sleep(700)
    expect((await s.b.increment('c', 600)).count).toBe(1)
  })

  test('values expire; setIfAbsent sets once; delete removes', async () => {
    await s.a.set('token', 'abc', 600)
    expect(await s.b.get('token')).toBe('abc')
    expect(await s.b.setIfAbsent('token', 'other', 1000)).toBe(false)
    expect(await s.a.get('token')).toBe('abc')
    await sleep(700)
    expect(await s.a.get('token')).toBeUndefined()
    expect(await s.b.setIfAbsent('token', 'new', 1000)).toBe(true)
    expect(await s.a.get('token')).toBe('new')
    await s.a.delete('token')
    expect(await s.b.get('token')).toBeUndefined()
  })

  test('a lock has one holder at a time across instances; a waiter gets it once it is released', async () => {
    const order: string[] = []
    const hold = (who: string, ms: number) => async () => {
      order.push(`${who} in`)
      await sleep(ms)
      order.push(`${who} out`)
      return who
    }
    const first = s.a.withLock('daily-job', { ttlMs: 5000 }, hold('a', 300))
    await sleep(50)
    expect(await s.b.withLock('daily-job', { ttlMs: 1000 }, hold('b', 10))).toEqual({ acquired: false })
    const waiter = s.b.withLock('daily-job', { ttlMs: 5000, waitMs: 5000 }, hold('c', 10))
    expect(await first).toEqual({ acquired: true, value: 'a' })
    expect(await waiter).toEqual({ acquired: true, value: 'c' })
    expect(order).toEqual(['a in', 'a out', 'c in', 'c out'])
  })

  test('a lock is renewed while its holder works past the lifetime, and released when the work throws', async () => {
    // Margins wide enough for a loaded machine: renewed every 200 ms, checked over twice the lifetime.
    const long = s.a.withLock('renewed', { ttlMs: 600 }, async () => {
      await sleep(1500)
      return 'done'
    })
    for (let i = 0; i < 4; i++) {
      await sleep(300)
      expect(await s.b.withLock('renewed', { ttlMs: 600 }, async () => 'stolen')).toEqual({ acquired: false })
    }
    expect(await long).toEqual({ acquired: true, value: 'done' })
    await expect(
      s.a.withLock('thrower', { ttlMs: 5000 }, async () => {
        throw new Error('job failed')
      }),
    ).rejects.toThrow('job failed')
    expect(await s.b.withLock('thrower', { ttlMs: 5000 }, async () => 'next')).toEqual({ acquired: true, value: 'next' })
  })

  test('a lock whose holder died (never released) ends by itself after its lifetime', async () => {
    // What a holder leaves behind when its process is killed: the lock's key, with no one to release it.
    await s.a.set('lock:orphaned', 'killed-holder', 500)
    expect(await s.b.withLock('orphaned', { ttlMs: 1000 }, async () => 'x')).toEqual({ acquired: false })
    expect(await s.b.withLock('orphaned', { ttlMs: 1000, waitMs: 3000 }, async () => 'after expiry')).toEqual({
      acquired: true,
      value: 'after expiry',
    })
  })
})

test('Redis that does not answer stops the start with a message', async () => {
  await expect(redisState('redis://127.0.0.1:1', 'x:')).rejects.toThrow(/无法连接 Redis/)
})

;(REDIS_URL ? test : test.skip)('Redis keys carry the deployment prefix (skipped without TEST_REDIS_URL)', async () => {
  const prefix = redisPrefix()
  const s = await redisState(REDIS_URL!, prefix)
  try {
    await s.increment('lockout:u1', 1000)
    await s.set('wechat:token', 't', 1000)
    expect((await s.client.keys(`${prefix}*`)).sort()).toEqual([`${prefix}lockout:u1`, `${prefix}wechat:token`])
    await s.client.del('lockout:u1', 'wechat:token')
  } finally {
    await s.close()
  }
})
