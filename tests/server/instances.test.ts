/**
 * Two app instances on one Redis share the login limit: ten attempts in a minute from one address in all,
 * wherever they land; the eleventh is refused by either instance. Without Redis each instance counts alone
 * (one process is then the only right set-up: docs/operations.md). Redis runs only with TEST_REDIS_URL.
 */
import { REDIS_URL, redisPrefix, startApp, type TestApp } from './helpers'

async function attempts(apps: TestApp[], n: number): Promise<number[]> {
  const codes: number[] = []
  for (let i = 0; i < n; i++) {
    const res = await apps[i % apps.length].req('POST', '/api/v1/auth/worker-login', { body: { username: 'nobody', password: `wrong-${i}` } })
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

  ;(REDIS_URL ? test : test.skip)('with Redis: 10 wrong passwords spread over both, then the 11th is refused on either (skipped without TEST_REDIS_URL)', async () => {
    const shared = { redisUrl: REDIS_URL, redisPrefix: redisPrefix(), loginRateMax: 10 }
    apps = [await startApp('sqlite', shared), await startApp('sqlite', shared)]
    expect(apps.map((a) => a.app.sharedState.kind)).toEqual(['redis', 'redis'])
    expect(await attempts(apps, 10)).toEqual(Array(10).fill(401))
    const eleventh = await apps[0].req('POST', '/api/v1/auth/worker-login', { body: { username: 'nobody', password: 'x' } })
    expect(eleventh.statusCode).toBe(429)
    expect(eleventh.json().error.message).toBe('操作太频繁，请稍后再试')
    expect((await apps[1].req('POST', '/api/v1/auth/worker-login', { body: { username: 'nobody', password: 'x' } })).statusCode).toBe(429)
  })

  test('in memory: each instance counts alone (the doubled limit that Redis removes)', async () => {
    apps = [await startApp('sqlite', { loginRateMax: 10 }), await startApp('sqlite', { loginRateMax: 10 })]
    expect(apps.map((a) => a.app.sharedState.kind)).toEqual(['memory', 'memory'])
    expect(await attempts(apps, 20)).toEqual(Array(20).fill(401))
    expect((await attempts(apps, 2))).toEqual([429, 429])
  })
})
