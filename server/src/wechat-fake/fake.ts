/**
 * A fake of WeChat's server API for tests and local demos: jscode2session, stable_token (and the older
 * GET /cgi-bin/token) and message/subscribe/send, answering as WeChat documents them, with scripts for
 * the unhappy paths. Nothing here runs in production: only tests and `npm run wechat:fake` start it.
 *
 * Codes: `openid:<name>:<anything>` signs in as openid `<name>` (so two codes can be one WeChat user, as
 * two `wx.login` calls are); every other code is refused (40029), as WeChat refuses codes it did not issue;
 * any code used twice is refused (40163), as WeChat's are single-use.
 * Tokens: each issue is a new token valid for `tokenTtlS`; `expireTokens()` makes WeChat forget them
 * (the next send answers 40001). Sends: `refuse(openid)` answers 43101 (no subscription) for that user;
 * `down = true` answers HTTP 503 to everything. Every send that WeChat would accept is kept in `messages`.
 */
import { randomBytes } from 'node:crypto'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface FakeMessage {
  touser: string
  template_id: string
  page: string
  data: Record<string, { value: string }>
  miniprogram_state?: string
  at: string
}

export interface FakeWechat {
  url: string
  appid: string
  secret: string
  messages: FakeMessage[]
  /** Every session_key handed out: a test can look for them where they must never appear. */
  sessionKeys: string[]
  /** Requests per endpoint: { jscode2session: 3, stable_token: 1, send: 5 }. */
  calls: Record<string, number>
  tokenTtlS: number
  down: boolean
  refuse(openid: string): void
  expireTokens(): void
  close(): Promise<void>
}

export async function startFakeWechat(
  opts: { port?: number; appid?: string; secret?: string; tokenTtlS?: number } = {},
): Promise<FakeWechat> {
  const appid = opts.appid ?? 'wxfake0000000000'
  const secret = opts.secret ?? randomBytes(16).toString('hex')
  const usedCodes = new Set<string>()
  const refused = new Set<string>()
  let tokens = new Set<string>()

  const server: Server = createServer((req, res) => {
    handle(req, res).catch(() => send(res, 500, { errcode: -1, errmsg: 'system error' }))
  })
  const fake: FakeWechat = {
    url: '',
    appid,
    secret,
    messages: [],
    sessionKeys: [],
    calls: {},
    tokenTtlS: opts.tokenTtlS ?? 7200,
    down: false,
    refuse: (openid) => void refused.add(openid),
    expireTokens() {
      tokens = new Set()
    },
    close: () => new Promise((done) => server.close(() => done())),
  }

  function send(res: ServerResponse, status: number, body: unknown) {
    res.writeHead(status, { 'content-type': 'application/json' })
    res.end(JSON.stringify(body))
  }

  async function bodyOf(req: IncomingMessage): Promise<Record<string, unknown>> {
    const chunks: Buffer[] = []
    for await (const c of req) chunks.push(c as Buffer)
    try {
      return JSON.parse(Buffer.concat(chunks).toString() || '{}')
    } catch {
      return {}
    }
  }

  function issueToken(res: ServerResponse, id: unknown, key: unknown) {
    if (id !== appid || key !== secret) return send(res, 200, { errcode: 40013, errmsg: 'invalid appid or secret' })
    const token = `fake-token-${randomBytes(8).toString('hex')}`
    tokens.add(token)
    setTimeout(() => tokens.delete(token), fake.tokenTtlS * 1000).unref()
    return send(res, 200, { access_token: token, expires_in: fake.tokenTtlS })
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://fake')
    const name = url.pathname.split('/').pop() ?? ''
    fake.calls[name] = (fake.calls[name] ?? 0) + 1
    if (fake.down) return send(res, 503, { message: 'scripted outage' })
    const q = url.searchParams
    if (req.method === 'GET' && url.pathname === '/sns/jscode2session') {
      if (q.get('appid') !== appid || q.get('secret') !== secret) return send(res, 200, { errcode: 40013, errmsg: 'invalid appid' })
      const code = q.get('js_code') ?? ''
      // Like WeChat, only codes it handed out: here, the scripted form `openid:<name>:<anything>`.
      const named = /^openid:([\w-]{1,64}):/.exec(code)
      if (!named) return send(res, 200, { errcode: 40029, errmsg: 'invalid code' })
      if (usedCodes.has(code)) return send(res, 200, { errcode: 40163, errmsg: 'code been used' })
      usedCodes.add(code)
      const openid = named[1]
      const sessionKey = randomBytes(16).toString('base64')
      fake.sessionKeys.push(sessionKey)
      return send(res, 200, { openid, session_key: sessionKey })
    }
    if (req.method === 'POST' && url.pathname === '/cgi-bin/stable_token') {
      const b = await bodyOf(req)
      if (b.grant_type !== 'client_credential') return send(res, 200, { errcode: 40002, errmsg: 'invalid grant_type' })
      return issueToken(res, b.appid, b.secret)
    }
    if (req.method === 'GET' && url.pathname === '/cgi-bin/token') return issueToken(res, q.get('appid'), q.get('secret'))
    if (req.method === 'POST' && url.pathname === '/cgi-bin/message/subscribe/send') {
      const token = q.get('access_token') ?? ''
      if (!tokens.has(token)) return send(res, 200, { errcode: 40001, errmsg: 'invalid credential, access_token is invalid or not latest' })
      const b = (await bodyOf(req)) as unknown as FakeMessage
      if (typeof b.touser !== 'string' || typeof b.template_id !== 'string' || !b.data)
        return send(res, 200, { errcode: 47003, errmsg: 'argument invalid' })
      if (refused.has(b.touser)) return send(res, 200, { errcode: 43101, errmsg: 'user refuse to accept the msg' })
      fake.messages.push({ ...b, at: new Date().toISOString() })
      return send(res, 200, { errcode: 0, errmsg: 'ok' })
    }
    if (req.method === 'GET' && url.pathname === '/fake/messages') return send(res, 200, fake.messages)
    return send(res, 404, { errcode: 404, errmsg: 'no such endpoint in the fake' })
  }

  await new Promise<void>((done) => server.listen(opts.port ?? 0, '127.0.0.1', done))
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return fake
}
