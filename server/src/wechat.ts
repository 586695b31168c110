/**
 * The one place where a `wx.login` code becomes a WeChat user id (openid).
 *
 * Here it is a development stand-in: the openid is derived from the code with an HMAC, so the same code
 * always gives the same guardian and no network is needed. Clients that run without WeChat (the H5 build,
 * tests) therefore send a stable per-device string as the code; see docs/server.md.
 *
 * To go live, replace `exchangeCode` with WeChat's code2session (auth.code2Session):
 *   GET https://api.weixin.qq.com/sns/jscode2session
 *       ?appid=<APPID>&secret=<APPSECRET>&js_code=<code>&grant_type=authorization_code
 *   → { openid, session_key, unionid?, errcode?, errmsg? }
 * - read the appid and secret from the environment (e.g. WECHAT_APPID, WECHAT_SECRET), never from the repo;
 * - on `errcode` (40029 invalid code, 45011 rate limit, 40226 blocked user) throw `new WechatLoginError(...)`,
 *   which the login route turns into 401;
 * - return `{ openid }` only: the session_key must not leave this module (it decrypts the user's data) and
 *   is not needed by this server; the openid is the guardian's stable identity, as it is here.
 * A code is single-use and expires after five minutes, so a real exchange is never retried with the same code.
 */
import { createHmac } from 'node:crypto'

export class WechatLoginError extends Error {}

export interface WechatIdentity {
  openid: string
}

/** The stand-in's secret, derived from the token secret: one secret less to manage, and a different value. */
export function standInSecret(jwtSecret: Buffer): Buffer {
  return createHmac('sha256', jwtSecret).update('wechat-stand-in').digest()
}

export function createWechatExchange(secret: Buffer) {
  return async function exchangeCode(code: string): Promise<WechatIdentity> {
    if (!code || code.length > 128) throw new WechatLoginError('登录凭证无效')
    const digest = createHmac('sha256', secret).update(`wx-login-stand-in\u0000${code}`).digest('base64url')
    return { openid: `dev_${digest.slice(0, 28)}` }
  }
}

export type WechatExchange = ReturnType<typeof createWechatExchange>
