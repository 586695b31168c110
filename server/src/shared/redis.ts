/**
 * The shared state in Redis (ioredis), for several server instances. Every key gets the deployment's prefix
 * (HUTONG_REDIS_PREFIX); each read-modify-write is one Lua script, so two instances never interleave inside
 * one. Nothing here must survive a Redis restart: counters and locks start over, a cached token is fetched
 * again.
 */
import { randomUUID } from 'node:crypto'
import { Redis } from 'ioredis'
import { lockLoop, type Counter, type SharedState } from './state'

// INCR, and on the first increment PEXPIRE: the window starts with the first event, as the rate limiter's does.
const INCREMENT = `
local n = redis.call('INCR', KEYS[1])
if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]); ttl = tonumber(ARGV[1]) end
return {n, ttl}`
// Renew or release a lock only while this holder's token is still the value (it may have expired and been taken).
const RENEW = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) else return 0 end`
const RELEASE = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) else return 0 end`

interface Scripts {
  hutongIncrement(key: string, windowMs: number): Promise<[number, number]>
  hutongRenew(key: string, token: string, ttlMs: number): Promise<number>
  hutongRelease(key: string, token: string): Promise<number>
}

export type RedisState = SharedState & { readonly client: Redis }

/** The Redis connection behind a shared state, for libraries with a Redis store of their own (the rate limiter). */
export function redisClientOf(state: SharedState | undefined): Redis | undefined {
  return state?.kind === 'redis' ? (state as RedisState).client : undefined
}

/**
 * Connects and checks the connection before the server starts: a REDIS_URL that does not answer stops the
 * start with a message, rather than a server that fails every limited request later.
 */
export async function redisState(
  url: string,
  prefix: string,
  log: { warn(msg: string): void; info(msg: string): void } = console,
): Promise<RedisState> {
  const client = new Redis(url, {
    keyPrefix: prefix,
    lazyConnect: true,
    connectTimeout: 5_000,
    // A command during an outage fails after one reconnection attempt instead of queueing for ever: the
    // request it serves gets an error answer, the next one tries again.
    maxRetriesPerRequest: 1,
    commandTimeout: 5_000,
    // Reconnect within a second of Redis being back, however long it was gone.
    retryStrategy: (attempt: number) => Math.min(attempt * 100, 1000),
  })
  try {
    await client.connect()
    await client.ping()
  } catch (err) {
    client.disconnect()
    throw new Error(`无法连接 Redis（REDIS_URL）：${(err as Error).message}`)
  }
  // One line when the connection is lost and one when it is back, not one per reconnection attempt.
  let down = false
  client.on('error', (err: Error) => {
    if (!down) log.warn(`Redis 连接中断：${err.message}（限流的请求暂时失败，恢复后自动重连）`)
    down = true
  })
  client.on('ready', () => {
    if (down) log.info('Redis 已重新连接')
    down = false
  })
  client.defineCommand('hutongIncrement', { numberOfKeys: 1, lua: INCREMENT })
  client.defineCommand('hutongRenew', { numberOfKeys: 1, lua: RENEW })
  client.defineCommand('hutongRelease', { numberOfKeys: 1, lua: RELEASE })
  const scripts = client as unknown as Scripts

  const state: RedisState = {
    kind: 'redis',
    client,
    async increment(key, windowMs): Promise<Counter> {
      const [count, ttlMs] = await scripts.hutongIncrement(key, windowMs)
      return { count: Number(count), ttlMs: Number(ttlMs) }
    },
    async get(key) {
      return (await client.get(key)) ?? undefined
    },
    async set(key, value, ttlMs) {
      await client.set(key, value, 'PX', ttlMs)
    },
    async setIfAbsent(key, value, ttlMs) {
      return (await client.set(key, value, 'PX', ttlMs, 'NX')) === 'OK'
    },
    async delete(key) {
      await client.del(key)
    },
    withLock(name, opts, fn) {
      const key = `lock:${name}`
      const token = randomUUID()
      return lockLoop(
        {
          acquire: () => state.setIfAbsent(key, token, opts.ttlMs),
          renew: async () => (await scripts.hutongRenew(key, token, opts.ttlMs)) === 1,
          release: async () => {
            await scripts.hutongRelease(key, token)
          },
        },
        opts,
        fn,
      )
    },
    async close() {
      await client.quit().catch(() => client.disconnect())
    },
  }
  return state
}
