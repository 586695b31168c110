/**
 * A plain HTTP/1.1 client over node:http for the drills: any method, any path as written (no URL
 * normalisation, so `..` and `%2e%2e` reach the server as sent), any header, a body of any bytes. Keep-alive
 * connections, a bounded pool, a timeout per request.
 */
import http from 'node:http'

export interface Request {
  method: string
  path: string
  headers?: Record<string, string>
  body?: string | Buffer
  /** Send the body with Transfer-Encoding: chunked (no Content-Length up front). */
  chunked?: boolean
}

export interface Response {
  status: number
  text: string
  raw: Buffer
  headers: http.IncomingHttpHeaders
}

/**
 * `reuse = false`: a new connection for every request. The server's HTTP parser ends the connection of a
 * request it refuses (a 27 KB URL, a byte it does not accept); with a pool of connections this was seen to
 * fail another queued request with "socket hang up", so hostile requests each get a connection of their own.
 */
export function client(baseUrl: string, maxSockets = 64, reuse = true) {
  const { hostname, port } = new URL(baseUrl)
  const agent = reuse ? new http.Agent({ keepAlive: true, maxSockets }) : false

  function send(req: Request, timeoutMs = 15_000): Promise<Response> {
    return new Promise((resolve, reject) => {
      const body = req.body === undefined ? undefined : Buffer.isBuffer(req.body) ? req.body : Buffer.from(req.body)
      const headers: Record<string, string | number> = { ...req.headers }
      if (body && !req.chunked) headers['content-length'] = body.length
      const r = http.request({ host: hostname, port, method: req.method, path: req.path, headers, agent, timeout: timeoutMs }, (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () => {
          const raw = Buffer.concat(chunks)
          resolve({ status: res.statusCode ?? 0, text: raw.toString('utf8'), raw, headers: res.headers })
        })
        res.on('error', reject)
      })
      r.on('timeout', () => r.destroy(new Error(`timeout after ${timeoutMs} ms: ${req.method} ${req.path.slice(0, 120)}`)))
      // A server that answers early (413) and closes may break the rest of our upload: the answer still counts.
      r.on('error', reject)
      if (body && req.chunked) {
        for (let at = 0; at < body.length; at += 64 * 1024) r.write(body.subarray(at, at + 64 * 1024))
      } else if (body) {
        r.write(body)
      }
      r.end()
    })
  }

  const json = (method: string, path: string, token?: string, body?: unknown) =>
    send({
      method,
      path,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    })

  return {
    send,
    json,
    close: () => {
      if (agent) agent.destroy()
    },
  }
}

export type Client = ReturnType<typeof client>

/** Signs a guardian in (wx-login with a device code) and returns the token. */
export async function guardianToken(c: Client, code: string): Promise<string> {
  const res = await c.json('POST', '/api/v1/auth/wx-login', undefined, { code })
  if (res.status !== 200) throw new Error(`wx-login ${res.status} ${res.text}`)
  return JSON.parse(res.text).token
}

/** Runs `worker(i)` for i in 0..n-1 with at most `concurrency` at a time. */
export async function pool<T>(n: number, concurrency: number, worker: (i: number) => Promise<T>): Promise<T[]> {
  const results: T[] = new Array(n)
  let next = 0
  await Promise.all(
    Array.from({ length: Math.min(concurrency, n) }, async () => {
      while (next < n) {
        const i = next++
        results[i] = await worker(i)
      }
    }),
  )
  return results
}
