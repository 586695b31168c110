/**
 * WeChat's access token, shared by every sender of every instance through the shared state (memory or
 * Redis, ./shared/state.ts): fetched with stable_token when absent, kept until five minutes before WeChat's
 * `expires_in`, and fetched by one caller at a time (a lock, then a second look: whoever waited finds the
 * token the first one fetched). When WeChat refuses a token (40001 invalid, 42001 expired) it is replaced
 * once — only if it is still the cached one, so that many senders failing together refresh it once — and
 * the call is tried once more. WeChat limits token fetches per day, which is why they are shared.
 */
import type { SharedState } from './shared/state'
import { WechatApiError, WechatUnavailable, type WechatApi } from './wechat-api'

const KEY = 'wechat:access-token'
const REFRESH_LOCK = 'wechat:access-token-refresh'
export const TOKEN_REFUSED = new Set([40001, 42001])

export function accessTokens(state: SharedState, api: Pick<WechatApi, 'stableToken'>) {
  async function fetchToken(force: boolean, refused?: string): Promise<string> {
    const got = await state.withLock(REFRESH_LOCK, { ttlMs: 20_000, waitMs: 20_000 }, async () => {
      const cached = await state.get(KEY)
      if (cached && cached !== refused) return cached
      const { token, expiresInS } = await api.stableToken(force)
      const keepS = expiresInS > 600 ? expiresInS - 300 : expiresInS / 2
      await state.set(KEY, token, Math.max(1, keepS) * 1000)
      return token
    })
    if (!got.acquired) throw new WechatUnavailable('another instance is still fetching the access token')
    return got.value
  }

  async function current(): Promise<string> {
    return (await state.get(KEY)) ?? fetchToken(false)
  }

  return {
    current,
    /** Runs `call` with the token; on 40001/42001 once more with a fresh one. */
    async withToken<T>(call: (token: string) => Promise<T>): Promise<T> {
      const token = await current()
      try {
        return await call(token)
      } catch (err) {
        if (!(err instanceof WechatApiError) || !TOKEN_REFUSED.has(err.errcode)) throw err
        return call(await fetchToken(true, token))
      }
    },
  }
}

export type AccessTokens = ReturnType<typeof accessTokens>
