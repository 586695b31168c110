/**
 * Behind nginx (HUTONG_TRUST_PROXY): the client's address is the one the proxy appended to X-Forwarded-For,
 * never one a client wrote there itself — so made-up addresses neither dodge the login limit nor end up in
 * the audit log. A hop count or the proxy's address; without the variable the header is ignored.
 */
import { parseTrustProxy } from '../../server/src/config'
import { startApp, type TestApp } from './helpers'

const attempt = (t: TestApp, i: number, forwarded: string) =>
  t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/worker-login',
    remoteAddress: '127.0.0.1',
    headers: { 'x-forwarded-for': forwarded },
    // A name per attempt: this is the per-address limit (the per-account lockout: hostile-requests drill).
    payload: { username: `nobody-${i}`, password: `wrong-${i}` },
  })

describe.each([
  ['1 (hop count)', 1],
  ["127.0.0.1 (the proxy's address)", ['127.0.0.1']],
] as const)('HUTONG_TRUST_PROXY=%s', (_label, trustProxy) => {
  let t: TestApp
  beforeAll(async () => {
    t = await startApp('sqlite', { trustProxy: trustProxy as number | string[], loginRateMax: 10 })
  })
  afterAll(() => t.close())

  test('15 wrong passwords from 15 made-up addresses: the client is the address nginx saw, limited after 10, audited as such', async () => {
    const codes: number[] = []
    for (let i = 0; i < 15; i++) codes.push((await attempt(t, i, `10.9.9.${i}, 203.0.113.7`)).statusCode)
    expect(codes).toEqual([...Array(10).fill(401), ...Array(5).fill(429)])
    const ips = await t.app.db.selectFrom('audit_log').select('ip').where('action', '=', 'login_failed').execute()
    expect(new Set(ips.map((r) => r.ip))).toEqual(new Set(['203.0.113.7']))
  })
})

test('without HUTONG_TRUST_PROXY, X-Forwarded-For is ignored', async () => {
  const t = await startApp('sqlite', { loginRateMax: 10 })
  try {
    await attempt(t, 0, '203.0.113.7')
    expect((await t.app.db.selectFrom('audit_log').select('ip').where('action', '=', 'login_failed').execute()).map((r) => r.ip)).toEqual([
      '127.0.0.1',
    ])
  } finally {
    await t.close()
  }
})

test('HUTONG_TRUST_PROXY: a hop count, addresses or networks; anything else refused in Chinese', () => {
  expect(parseTrustProxy(undefined)).toBe(false)
  expect(parseTrustProxy('0')).toBe(false)
  expect(parseTrustProxy('1')).toBe(1)
  expect(parseTrustProxy('127.0.0.1, 10.0.0.0/8,::1')).toEqual(['127.0.0.1', '10.0.0.0/8', '::1'])
  expect(() => parseTrustProxy('true')).toThrow('HUTONG_TRUST_PROXY 应为代理的层数')
  // "Trust everyone" in any spelling: a CIDR of every address, or more hops than any real proxy chain.
  for (const everyone of ['0.0.0.0/0', '::/0', '0.0.0.0/1', '1000']) expect(() => parseTrustProxy(everyone)).toThrow('HUTONG_TRUST_PROXY')
  expect(parseTrustProxy('3')).toBe(3)
})
