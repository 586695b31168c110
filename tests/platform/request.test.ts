import { apiUrl, request, RequestError, setTransport } from '@/platform/request'

test('paths are joined to TARO_APP_API', () => {
  const before = process.env.TARO_APP_API
  process.env.TARO_APP_API = 'http://127.0.0.1:8080/'
  expect(apiUrl('/api/v1/regions/441422/villages')).toBe('http://127.0.0.1:8080/api/v1/regions/441422/villages')
  process.env.TARO_APP_API = ''
  expect(apiUrl('api/v1/x')).toBe('/api/v1/x')
  process.env.TARO_APP_API = before
})

test('no answer is "offline", an error status is "http", a success returns the body', async () => {
  const restore = setTransport(async (req) => {
    if (req.url.endsWith('/down')) throw { errMsg: 'request:fail timeout' }
    if (req.url.endsWith('/500')) return { statusCode: 500, data: { error: 'x' } }
    return { statusCode: 200, data: { ok: req.method } }
  })
  await expect(request('/down')).rejects.toMatchObject({ kind: 'offline', message: 'request:fail timeout' })
  await expect(request('/500')).rejects.toMatchObject({ kind: 'http', statusCode: 500 })
  await expect(request('/500')).rejects.toBeInstanceOf(RequestError)
  await expect(request('/fine', { method: 'POST' })).resolves.toEqual({ ok: 'POST' })
  restore()
})
