/**
 * The small services under the sync layer, as the H5 build runs them: the device secret and the session,
 * renewal before expiry, one sign-in for many requests; the network-back event; storage use; how an
 * error becomes an outbox state.
 */
import { accessToken, adoptDeviceFromUrl, authRequest, DEVICE_KEY, forgetSession, SECRET_KEY, SESSION_KEY } from '@/services/auth'
import { onNetworkBack } from '@/platform/network'
import { RequestError, setTransport, type HttpRequest } from '@/platform/request'
import { readJson, storage, storageUsage, storageWarning } from '@/platform/storage'
import { classify } from '@/services/sync'

let calls: HttpRequest[] = []
let restore: () => void
let expiresAt = '2099-01-01T00:00:00.000Z'
let tokens = 0
beforeEach(() => {
  storage.flush()
  localStorage.clear()
  forgetSession()
  calls = []
  tokens = 0
  restore = setTransport(async (req) => {
    calls.push(req)
    if (req.url.endsWith('/auth/wx-login')) {
      await new Promise((r) => setTimeout(r, 5))
      if ((req.data as any).code === 'refused-outside-demo') return { statusCode: 401, data: { error: { code: 'unauthorized' } } }
      return { statusCode: 200, data: { token: `token-${++tokens}`, expiresAt, user: { id: 'g1' } } }
    }
    if (req.url.endsWith('/auth/device-login')) {
      await new Promise((r) => setTimeout(r, 5))
      const issued = (req.data as any).secret ? {} : { secret: `secret-${tokens + 1}` }
      return { statusCode: 200, data: { token: `token-${++tokens}`, expiresAt, user: { id: 'g1' }, ...issued } }
    }
    if (req.header?.authorization === 'Bearer token-1' && req.url.endsWith('/expired'))
      return { statusCode: 401, data: { error: { code: 'unauthorized' } } }
    return { statusCode: 200, data: { ok: true, auth: req.header?.authorization } }
  })
})
afterEach(() => restore())

test('H5: the server issues the device secret once; it is kept and signs in again; the session is kept too', async () => {
  await accessToken()
  expect(calls[0].url).toMatch(/\/auth\/device-login$/)
  expect(calls[0].data).toEqual({})
  expect(readJson(SECRET_KEY)).toBe('secret-1')
  expect(JSON.parse(localStorage.getItem(SECRET_KEY)!).data).toContain('secret-1') // written at once, not buffered
  expect(readJson(DEVICE_KEY)).toBeUndefined() // no client-made code
  forgetSession()
  await accessToken()
  expect(calls[1].url).toMatch(/\/auth\/device-login$/)
  expect(calls[1].data).toEqual({ secret: 'secret-1' })
  expect(readJson(SECRET_KEY)).toBe('secret-1')
  expect(readJson(SESSION_KEY)).toMatchObject({ token: 'token-2', userId: 'g1' })
})

test('H5: a ?device= code the server refuses (not the demo) is dropped; the device secret serves instead', async () => {
  await accessToken()
  expect(adoptDeviceFromUrl('?device=refused-outside-demo')).toBe(true)
  await accessToken()
  expect(calls.map((c) => [c.url.replace(/^.*\/api\/v1/, ''), c.data])).toEqual([
    ['/auth/device-login', {}],
    ['/auth/wx-login', { code: 'refused-outside-demo' }],
    ['/auth/device-login', { secret: 'secret-1' }],
  ])
  expect(readJson(DEVICE_KEY)).toBeUndefined()
})

test('H5: /?device=<code> adopts that code (the demo guardian) and forgets the old session', async () => {
  await accessToken()
  expect(adoptDeviceFromUrl('?device=demo-guardian')).toBe(true)
  expect(readJson(DEVICE_KEY)).toBe('demo-guardian')
  expect(readJson(SESSION_KEY)).toBeUndefined()
  await accessToken()
  expect(calls.at(-1)!.data).toEqual({ code: 'demo-guardian' })
  expect(adoptDeviceFromUrl('?device=demo-guardian')).toBe(false)
  expect(adoptDeviceFromUrl('?device=short')).toBe(false)
})

test('many requests at once sign in once; a token about to expire is renewed first', async () => {
  const answers = await Promise.all([1, 2, 3].map(() => authRequest<any>('/api/v1/x')))
  expect(answers.map((a) => a.auth)).toEqual(['Bearer token-1', 'Bearer token-1', 'Bearer token-1'])
  expect(calls.filter((c) => c.url.endsWith('device-login'))).toHaveLength(1)
  forgetSession()
  expiresAt = new Date(Date.now() + 5 * 60_000).toISOString() // inside the 10-minute margin
  await accessToken()
  await accessToken()
  expect(calls.filter((c) => c.url.endsWith('device-login'))).toHaveLength(3)
  expiresAt = '2099-01-01T00:00:00.000Z'
})

test('a 401 signs in again and the request goes once more, once', async () => {
  const answer = await authRequest<any>('/api/v1/expired')
  expect(answer.auth).toBe('Bearer token-2')
  expect(calls.map((c) => c.url.replace(/^.*\/api\/v1/, ''))).toEqual(['/auth/device-login', '/expired', '/auth/device-login', '/expired'])
})

test("network back: the browser's online event counts (navigator.connection rarely fires)", () => {
  const back = jest.fn()
  const off = onNetworkBack(back)
  window.dispatchEvent(new Event('online'))
  expect(back).toHaveBeenCalledTimes(1)
  off()
  window.dispatchEvent(new Event('online'))
  expect(back).toHaveBeenCalledTimes(1)
})

test('storage use: counted from the keys in H5, warned about from 8 MB', () => {
  storage.setItem('hutong:x', '陈'.repeat(1000))
  expect(storageUsage().usedBytes).toBeGreaterThanOrEqual(3000)
  expect(storageUsage().limitBytes).toBe(10 * 1024 * 1024)
  expect(storageWarning({ usedBytes: 7.9 * 1024 * 1024, limitBytes: 10 * 1024 * 1024 })).toBeUndefined()
  expect(storageWarning({ usedBytes: 8.25 * 1024 * 1024, limitBytes: 10 * 1024 * 1024 })).toBe('8.3')
})

test('which answers are retried, set aside or held as a conflict', () => {
  const http = (status: number, error?: object) => new RequestError('http', `HTTP ${status}`, status, error ? { error } : '<html>')
  expect(classify(new RequestError('offline', 'request:fail timeout')).to).toBe('failed')
  expect(classify(new TypeError('Failed to fetch')).to).toBe('failed')
  for (const status of [500, 502, 503, 504, 408, 429, 401]) expect(classify(http(status)).to).toBe('failed')
  // The server's per-guardian limit on new registrations: retried later with the draft kept, its message shown.
  const limited = {
    code: 'too_many_registrations',
    message: '一小时内最多提交10份新登记。填好的内容已保存在手机上，约42分钟后手机会自动再次提交',
  }
  expect(classify(http(429, limited))).toEqual({ to: 'failed', error: { kind: 'http', status: 429, ...limited } })
  expect(classify(http(400, { code: 'validation', message: 'm', issues: [{ path: ['child'], message: 'x' }] }))).toEqual({
    to: 'rejected',
    error: { kind: 'http', status: 400, code: 'validation', message: 'm', issues: [{ path: ['child'], message: 'x' }] },
  })
  expect(classify(http(410, { code: 'gone', message: '已撤回' })).to).toBe('rejected')
  expect(classify(http(409, { code: 'id_taken', message: '占用' })).to).toBe('rejected')
  expect(classify(http(409, { code: 'stale_version', message: 'm', current: { version: 3 } }))).toMatchObject({
    to: 'conflict',
    current: { version: 3 },
  })
})
