/**
 * The one place where a `wx.login` code becomes a WeChat user id (openid), the guardian's stable identity.
 *
 * With WECHAT_APPID and WECHAT_SECRET set: WeChat's code2session (./wechat-api.ts). Any errcode (40029
 * invalid code, 40163 code already used, 45011 rate limit, 40226 blocked user) is a `WechatLoginError`,
 * which the login route turns into 401; a code is single-use, so it is never retried. WeChat out of reach
 * is a `WechatDown` (503: try again with a new code). The session_key never leaves ./wechat-api.ts.
 *
 * Without them: a development stand-in, for tests, the H5 demo and WeChat devtools' test account. The
 * openid is an HMAC of the client's string, so the same string is always the same guardian and no network
 * is needed — and so anyone who knows the string is that guardian. That is why production refuses to start
 * without WeChat's settings (config.ts), and why the stand-in is never used when WECHAT_APPID is set.
 */
import { createHmac } from 'node:crypto'
import type { WechatConfig } from './config'
import { WechatApiError, WechatUnavailable, wechatApi } from './wechat-api'

export class WechatLoginError extends Error {}
export class WechatDown extends Error {}

export interface WechatIdentity {
  openid: string
}

/** The stand-in's secret, derived from the token secret: one secret less to manage, and a different value. */
export function standInSecret(jwtSecret: Buffer): Buffer {
  return createHmac('sha256', jwtSecret).update('wechat-stand-in').digest()
}

export function createStandInExchange(secret: Buffer) {
  return async function exchangeCode(code: string): Promise<WechatIdentity> {
    if (!code || code.length > 128) throw new WechatLoginError('登录凭证无效')
    const digest = createHmac('sha256', secret).update(`wx-login-stand-in\u0000${code}`).digest('base64url')
    return { openid: `dev_${digest.slice(0, 28)}` }
  }
}

export function createCode2SessionExchange(cfg: Pick<WechatConfig, 'appid' | 'secret' | 'apiBase'>) {
  const api = wechatApi(cfg)
  return async function exchangeCode(code: string): Promise<WechatIdentity> {
    try {
      return await api.code2session(code)
    } catch (err) {
      if (err instanceof WechatApiError) throw new WechatLoginError(`code2session errcode ${err.errcode}`)
      if (err instanceof WechatUnavailable) throw new WechatDown(err.message)
      throw err
    }
  }
}

/** code2session when WeChat is configured, the stand-in otherwise. */
export function createWechatExchange(config: { wechat?: WechatConfig; jwtSecret: Buffer }) {
  return config.wechat ? createCode2SessionExchange(config.wechat) : createStandInExchange(standInSecret(config.jwtSecret))
}

export type WechatExchange = (code: string) => Promise<WechatIdentity>
