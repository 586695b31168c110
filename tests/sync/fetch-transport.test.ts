/**
 * The H5 page's transport (src/platform/fetch-transport.ts) against a real HTTP server on loopback: what
 * request() builds on must come back as Taro.request gives it — the status and the JSON body, errors with
 * their body, the text of a body that is not JSON — and no answer (refused, too slow) must reject, so that
 * request() reports the phone as offline and the outbox keeps the item.
 */
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { fetchTransport } from '../../src/platform/fetch-transport'
import { request, RequestError, setTransport } from '../../src/platform/request'

let server: Server
let base: string
const seen: { method?: string; type?: string; body: string }[] = []

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = ''
    req.on('data', (c) => (body += c))
    req.on('end', () => {
      seen.push({ method: req.method, type: req.headers['content-type'], body })
      if (req.url === '/slow') return setTimeout(() => res.end('{}'), 2000)
      if (req.url === '/text') return res.end('不是 JSON')
      if (req.url === '/conflict') {
        res.writeHead(409, { 'content-type': 'application/json' })
        return res.end(JSON.stringify({ error: { code: 'stale_version', message: '这条登记已有更新的版本' } }))
      }
      res.writeHead(200, { 'content-type': 'application/json' })
      res.end(JSON.stringify({ echo: body ? JSON.parse(body) : null, method: req.method }))
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(() => new Promise((resolve) => server.close(resolve)))

const send = (path: string, extra: Partial<Parameters<typeof fetchTransport>[0]> = {}) =>
  fetchTransport({ url: `${base}${path}`, method: 'GET', header: { 'content-type': 'application/json' }, timeout: 1000, ...extra })

test('a JSON body goes as JSON and the answer comes back parsed, with its status', async () => {
  const answer = await send('/echo', { method: 'PUT', data: { record: { child: { name: '陈小明' } }, baseVersion: 2 } })
  expect(answer).toEqual({ statusCode: 200, data: { echo: { record: { child: { name: '陈小明' } }, baseVersion: 2 }, method: 'PUT' } })
  expect(seen.at(-1)).toMatchObject({ method: 'PUT', type: 'application/json' })
})

test('an error status is an answer (with its body), not a failure; a body that is not JSON comes as text', async () => {
  expect(await send('/conflict', { method: 'POST', data: {} })).toEqual({
    statusCode: 409,
    data: { error: { code: 'stale_version', message: '这条登记已有更新的版本' } },
  })
  expect(await send('/text')).toEqual({ statusCode: 200, data: '不是 JSON' })
})

test('a GET sends no body', async () => {
  await send('/echo', { data: { ignored: true } })
  expect(seen.at(-1)).toMatchObject({ method: 'GET', body: '' })
})

test('no answer in time, or no server at all, is "offline" to request()', async () => {
  await expect(send('/slow', { timeout: 200 })).rejects.toThrow('request:fail timeout 200 ms')
  // A port that was just closed: nothing listens there.
  const closed = createServer()
  await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve))
  const { port } = closed.address() as AddressInfo
  await new Promise((resolve) => closed.close(resolve))
  const restore = setTransport(fetchTransport)
  const api = process.env.TARO_APP_API
  process.env.TARO_APP_API = `http://127.0.0.1:${port}`
  try {
    const refused = request('/api/v1/registrations', { timeout: 1000 })
    await expect(refused).rejects.toBeInstanceOf(RequestError)
    await expect(refused).rejects.toMatchObject({ kind: 'offline' })
  } finally {
    process.env.TARO_APP_API = api
    restore()
  }
})
