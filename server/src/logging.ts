/**
 * The server's log: one JSON object per line in production (for journald, Loki, Elasticsearch…), pino-pretty
 * in a developer's terminal. Every request line carries the request id, method, route, path and caller —
 * never a query string, a body, a header or a token. The queue's search (`q=`, or a percent-encoded `%71=`)
 * can hold a name or an ID number, so no query value is ever written; in the path, anything that looks like
 * an ID number or a mobile number, and any non-ASCII text (a name), is replaced by "…" before it is logged.
 */
import { randomUUID } from 'node:crypto'
import type { IncomingMessage } from 'node:http'
import type { FastifyServerOptions } from 'fastify'
import pretty from 'pino-pretty'

const ID_NUMBER = /(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])/g
const MOBILE = /(?<!\d)1[3-9]\d{9}(?!\d)/g
// Percent-encoded bytes 80–FF: UTF-8 of anything outside ASCII (Chinese names among it).
const ENCODED_NON_ASCII = /(?:%[89a-fA-F][0-9a-fA-F])+/g
// eslint-disable-next-line no-control-regex
const RAW_NON_ASCII = /[^\x00-\x7f]+/g

/** The path of a request URL as it may be logged: no query string, no personal data. */
export function loggablePath(url: string): string {
  const q = url.search(/[?#]/)
  const path = q === -1 ? url : url.slice(0, q)
  return path.slice(0, 300).replace(ENCODED_NON_ASCII, '…').replace(RAW_NON_ASCII, '…').replace(ID_NUMBER, '…').replace(MOBILE, '…')
}

interface LoggedRequest {
  id: string
  method: string
  url: string
  ip?: string
  routeOptions?: { url?: string }
}

export const serializers = {
  req: (req: LoggedRequest) => ({ method: req.method, route: req.routeOptions?.url, path: loggablePath(req.url), ip: req.ip }),
}

/**
 * Request ids: the one the proxy in front set (nginx `$request_id`, sent as X-Request-Id) when it looks like
 * an id, so that the proxy's log line and ours can be matched; a random UUID otherwise (unique across
 * instances, unlike Fastify's per-process counter).
 */
export function requestId(req: IncomingMessage): string {
  const header = req.headers['x-request-id']
  return typeof header === 'string' && /^[A-Za-z0-9_-]{8,64}$/.test(header) ? header : randomUUID()
}

export function loggerOptions(format: 'json' | 'pretty', stream?: NodeJS.WritableStream): FastifyServerOptions['logger'] {
  const base = { level: 'info', serializers }
  if (stream) return { ...base, stream }
  if (format === 'json') return base
  // In this thread and synchronous: a line is on the terminal before the process can exit.
  return { ...base, stream: pretty({ colorize: true, sync: true, translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname' }) }
}
