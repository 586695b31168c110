/**
 * GET /metrics: absent without HUTONG_METRICS_TOKEN, refused without the right bearer token, and with it the
 * Prometheus text with per-route request counts and durations by status, database query times and the
 * process metrics — route patterns only, never a record's id.
 */
import { BACKENDS, fixture, startApp, uuid, type TestApp } from './helpers'

const TOKEN = 'metrics-token-for-the-tests-0123'

describe.each(BACKENDS)('metrics (%s)', (backend) => {
  let t: TestApp
  beforeAll(async () => {
    t = await startApp(backend, { metricsToken: TOKEN })
  })
  afterAll(async () => {
    await t.close()
  })

  test('refused without the token or with another one', async () => {
    expect((await t.req('GET', '/metrics')).statusCode).toBe(401)
    expect((await t.req('GET', '/metrics', { headers: { authorization: `Bearer ${TOKEN}x` } })).statusCode).toBe(401)
    expect((await t.req('GET', '/metrics', { headers: { authorization: TOKEN } })).statusCode).toBe(401)
    const res = await t.req('GET', '/metrics', { token: 'x'.repeat(TOKEN.length) })
    expect(res.statusCode).toBe(401)
    expect(res.json().error.message).toBe('需要监控令牌')
  })

  test('requests by route and status, database time and process metrics', async () => {
    const guardian = await t.guardian()
    const id = uuid()
    expect((await t.put(guardian, id, fixture('orphan'))).statusCode).toBe(201)
    expect((await t.put(guardian, id, fixture('orphan'))).statusCode).toBe(200)
    expect((await t.req('GET', `/api/v1/registrations/${uuid()}`, { token: guardian })).statusCode).toBe(404)
    await t.req('GET', '/no/such/path')
    const res = await t.req('GET', '/metrics', { token: TOKEN })
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toMatch(/^text\/plain/)
    const text = res.body
    const count = (labels: string) => Number(new RegExp(`^http_request_duration_seconds_count\\{${labels}\\} (\\d+)$`, 'm').exec(text)?.[1])
    expect(count('method="PUT",route="/api/v1/registrations/:id",status_code="201"')).toBe(1)
    expect(count('method="PUT",route="/api/v1/registrations/:id",status_code="200"')).toBe(1)
    expect(count('method="GET",route="/api/v1/registrations/:id",status_code="404"')).toBe(1)
    expect(count('method="POST",route="/api/v1/auth/wx-login",status_code="200"')).toBe(1)
    expect(count('method="GET",route="__unknown__",status_code="404"')).toBe(1)
    // Histogram buckets (the last one holds every request, whatever the machine's speed).
    expect(text).toMatch(
      /^http_request_duration_seconds_bucket\{le="0\.1",method="PUT",route="\/api\/v1\/registrations\/:id",status_code="201"\} [01]$/m,
    )
    expect(text).toMatch(
      /^http_request_duration_seconds_bucket\{le="\+Inf",method="PUT",route="\/api\/v1\/registrations\/:id",status_code="201"\} 1$/m,
    )
    expect(text).not.toContain(id)
    expect(text).toMatch(/^hutong_db_query_duration_seconds_count\{operation="insert",table="registrations"\} [1-9]/m)
    expect(text).toMatch(/^hutong_db_query_duration_seconds_count\{operation="select",table="registrations"\} [1-9]/m)
    for (const name of [
      'process_cpu_user_seconds_total',
      'process_resident_memory_bytes',
      'nodejs_eventloop_lag_seconds',
      'nodejs_heap_size_used_bytes',
    ]) {
      expect(text).toMatch(new RegExp(`^${name} `, 'm'))
    }
    // Scrapes themselves are not counted (they would be most of the traffic on a quiet server).
    expect(text).not.toContain('route="/metrics"')
  })
})

test('without HUTONG_METRICS_TOKEN there is no /metrics', async () => {
  const t = await startApp('sqlite')
  try {
    expect(t.app.metricsRegistry).toBeNull()
    expect((await t.req('GET', '/metrics', { token: TOKEN })).statusCode).toBe(404)
  } finally {
    await t.close()
  }
})
