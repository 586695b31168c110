/**
 * Two app instances on one Redis share the login limit: ten attempts in a minute from one address in all,
 * wherever they land; the eleventh is refused by either instance. Without Redis each instance counts alone
 * (one process is then the only right set-up: docs/operations.md). Redis runs only with TEST_REDIS_URL.
 */
import { execSync } from 'node:child_process'
import { createServer } from 'node:net'
import { sleep } from '../../server/src/shared/state'
import { REDIS_URL, redisPrefix, startApp, type TestApp } from './helpers'

async function attempts(apps: TestApp[], n: number): Promise<number[]> {
  const codes: number[] = []
  for (let i = 0; i < n; i++) {
    const res = await apps[i % apps.length].req('POST', '/api/v1/auth/worker-login', {
      // A name per attempt: the per-address limit alone (one name's failures lock that name: lockout below).
      body: { username: `nobody-${i}`, password: `wrong-${i}` },
    })
    codes.push(res.statusCode)
  }
  return codes
}

describe('login limit across two instances', () => {
  let apps: TestApp[] = []
  afterEach(async () => {
    for (const a of apps) await a.close()
    apps = []
  })

  ;(REDIS_URL ? test : test.skip)(
    'with Redis: 10 wrong passwords spread over both, then the 11th is refused on either (skipped without TEST_REDIS_URL)',
    async () => {
      const shared = { redisUrl: REDIS_URL, redisPrefix: redisPrefix(), loginRateMax: 10 }
      apps = [await startApp('sqlite', shared), await startApp('sqlite', shared)]
      expect(apps.map((a) => a.app.sharedState.kind)).toEqual(['redis', 'redis'])
      expect(await attempts(apps, 10)).toEqual(Array(10).fill(401))
      const eleventh = await apps[0].req('POST', '/api/v1/auth/worker-login', { body: { username: 'nobody-x', password: 'x' } })
      expect(eleventh.statusCode).toBe(429)
      expect(eleventh.json().error.message).toBe('操作太频繁，请稍后再试')
      expect((await apps[1].req('POST', '/api/v1/auth/worker-login', { body: { username: 'nobody-x', password: 'x' } })).statusCode).toBe(
        429,
      )
    },
  )

  ;(REDIS_URL ? test : test.skip)(
    "with Redis: one account's failures counted across both, locked on either, the right password included (skipped without TEST_REDIS_URL)",
    async () => {
      const shared = { redisUrl: REDIS_URL, redisPrefix: redisPrefix(), loginRateMax: 1000 }
      apps = [await startApp('sqlite', shared), await startApp('sqlite', shared)]
      await apps[0].worker('village_worker', '441422101200', 'shared-lock')
      const login = (i: number, password: string) =>
        apps[i % 2].req('POST', '/api/v1/auth/worker-login', { body: { username: 'shared-lock', password } })
      const codes: number[] = []
      for (let i = 0; i < 5; i++) codes.push((await login(i, `wrong-${i}`)).statusCode)
      expect(codes).toEqual([401, 401, 401, 401, 429])
      for (const i of [0, 1]) {
        const res = await login(i, 'correct horse battery')
        expect(res.statusCode).toBe(429)
        expect(res.json().error.code).toBe('account_locked')
      }
    },
  )

  test('in memory: each instance counts alone (the doubled limit that Redis removes)', async () => {
    apps = [await startApp('sqlite', { loginRateMax: 10 }), await startApp('sqlite', { loginRateMax: 10 })]
    expect(apps.map((a) => a.app.sharedState.kind)).toEqual(['memory', 'memory'])
    expect(await attempts(apps, 20)).toEqual(Array(20).fill(401))
    expect(await attempts(apps, 2)).toEqual([429, 429])
  })
})

/** A Redis of the test's own on a free port, to stop and start again (needs the redis-server program, as CI has). */
function ownRedis(port: number) {
  const run = (cmd: string) => execSync(cmd, { stdio: 'ignore' })
  return {
    url: `redis://127.0.0.1:${port}`,
    start: () => run(`redis-server --daemonize yes --bind 127.0.0.1 --port ${port} --save "" --appendonly no`),
    stop: () => run(`redis-cli -p ${port} shutdown nosave || true`),
  }
}
const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number }
      probe.close(() => resolve(port))
    })
  })
const hasRedisServer = (() => {
  try {
    execSync('command -v redis-server', { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
})()

;(REDIS_URL && hasRedisServer ? test : test.skip)(
  'Redis lost while running: logins fail (500) rather than go unlimited, and are limited again once it is back (skipped without TEST_REDIS_URL)',
  async () => {
    const redis = ownRedis(await freePort())
    redis.start()
    const login = async (t: TestApp) =>
      (await t.req('POST', '/api/v1/auth/worker-login', { body: { username: 'nobody-x', password: 'x' } })).statusCode
    let t: TestApp | undefined
    try {
      for (let i = 0; i < 50 && !t; i++) {
        try {
          t = await startApp('sqlite', { redisUrl: redis.url, redisPrefix: redisPrefix(), loginRateMax: 3 })
        } catch {
          await sleep(100)
        }
      }
      expect(await login(t!)).toBe(401)
      redis.stop()
      expect([await login(t!), await login(t!), await login(t!), await login(t!)]).toEqual([500, 500, 500, 500])
      redis.start()
      let status = 0
      for (let i = 0; i < 50 && status !== 401; i++) {
        status = await login(t!)
        if (status !== 401) await sleep(200)
      }
      expect(status).toBe(401)
      // A new Redis has no counters: the limit of three starts again, and holds.
      const after = [await login(t!), await login(t!), await login(t!)]
      expect(after[after.length - 1]).toBe(429)
    } finally {
      await t?.close()
      redis.stop()
    }
  },
)
