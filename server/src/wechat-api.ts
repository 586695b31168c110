/**
 * WeChat's server API, the three calls this server makes (docs/wechat.md cites WeChat's pages for each):
 * code2session (sign-in), stable_token (the access token) and subscribeMessage.send (status messages).
 * Each answers JSON with `errcode` (0 or absent: success). An answer that is not JSON, an HTTP error or no
 * answer at all is a `WechatUnavailable`: the caller decides whether to retry (never for a login code).
 */

export class WechatUnavailable extends Error {}

/** WeChat answered with an error code (40029 invalid code, 40001 invalid token, 43101 no subscription …). */
export class WechatApiError extends Error {
  constructor(
    readonly errcode: number,
    readonly errmsg: string,
  ) {
    super(`WeChat errcode ${errcode}: ${errmsg}`)
  }
}

const TIMEOUT_MS = 10_000

async function call(url: string, init: RequestInit = {}): Promise<Record<string, unknown>> {
  let res: Response
  try {
    res = await fetch(url, { ...init, signal: AbortSignal.timeout(TIMEOUT_MS) })
  } catch (err) {
    throw new WechatUnavailable(`WeChat unreachable: ${err instanceof Error ? err.message : String(err)}`)
  }
  if (!res.ok) throw new WechatUnavailable(`WeChat answered HTTP ${res.status}`)
  let body: unknown
  try {
    body = await res.json()
  } catch {
    throw new WechatUnavailable('WeChat answered something that is not JSON')
  }
  if (!body || typeof body !== 'object') throw new WechatUnavailable('WeChat answered something that is not an object')
  const b = body as Record<string, unknown>
  const errcode = Number(b.errcode ?? 0)
  // -1: "system busy, try again" — an outage, not a verdict.
  if (errcode === -1) throw new WechatUnavailable(`WeChat busy: ${String(b.errmsg ?? '')}`)
  if (errcode !== 0) throw new WechatApiError(errcode, String(b.errmsg ?? ''))
  return b
}

const postJson = (url: string, body: unknown) =>
  call(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })

export interface WechatApiConfig {
  appid: string
  secret: string
  apiBase: string
}

export function wechatApi(cfg: WechatApiConfig) {
  return {
    /** The openid behind a wx.login code. The session_key of the answer is dropped here and goes nowhere. */
    async code2session(code: string): Promise<{ openid: string }> {
      const q = new URLSearchParams({ appid: cfg.appid, secret: cfg.secret, js_code: code, grant_type: 'authorization_code' })
      const body = await call(`${cfg.apiBase}/sns/jscode2session?${q}`)
      if (typeof body.openid !== 'string' || !body.openid) throw new WechatUnavailable('code2session answered without an openid')
      return { openid: body.openid }
    },
    /** A fresh access token; `forceRefresh` after WeChat refused the current one (40001). */
    async stableToken(forceRefresh: boolean): Promise<{ token: string; expiresInS: number }> {
      const body = await postJson(`${cfg.apiBase}/cgi-bin/stable_token`, {
        grant_type: 'client_credential',
        appid: cfg.appid,
        secret: cfg.secret,
        force_refresh: forceRefresh,
      })
      if (typeof body.access_token !== 'string') throw new WechatUnavailable('stable_token answered without a token')
      return { token: body.access_token, expiresInS: Number(body.expires_in) || 7200 }
    },
    async sendSubscribeMessage(accessToken: string, message: SubscribeMessage): Promise<void> {
      await postJson(`${cfg.apiBase}/cgi-bin/message/subscribe/send?access_token=${encodeURIComponent(accessToken)}`, message)
    },
  }
}

export type WechatApi = ReturnType<typeof wechatApi>

export interface SubscribeMessage {
  touser: string
  template_id: string
  page: string
  data: Record<string, { value: string }>
  miniprogram_state: 'formal' | 'trial' | 'developer'
  lang?: 'zh_CN'
}
