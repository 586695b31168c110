/**
 * The guardian's sign-in, kept out of the guardian's way: a token is fetched when first needed, kept in
 * storage (`hutong:session`), renewed shortly before it expires, and renewed once more — with the request
 * retried once — when the server answers 401 (expired, or the signing key changed).
 *
 * In the mini-program: POST /auth/wx-login with a fresh `wx.login` code per sign-in (codes are single-use;
 * the server turns them into the WeChat user through code2session). In H5, where wx.login does not exist:
 * POST /auth/device-login — the first time with `{}`, which answers a server-made random secret kept in
 * storage (`hutong:device-secret`), afterwards with `{secret}`: this browser is always the same guardian,
 * and no client ever picks its own identity (docs/wechat.md, "H5").
 *
 * Demo only: `/?device=<code>` (`hutong:device`) signs this browser in with that code through wx-login, which
 * only the server's development stand-in accepts (never in production, never with WECHAT_APPID set). When
 * the server refuses the code, it is dropped and the browser's own credential is used again.
 */
import type { LoginAnswer } from '@/domain/api'
import { request, RequestError } from '@/platform/request'
import { readJson, saveJson, storage, writeJson } from '@/platform/storage'
import { wechatLoginCode } from '@/platform/system'

export const SESSION_KEY = 'hutong:session'
export const DEVICE_KEY = 'hutong:device'
export const SECRET_KEY = 'hutong:device-secret'
/** Renew this long before the token's own expiry, so a request never leaves with a token about to lapse. */
const RENEW_MARGIN_MS = 10 * 60_000

export interface Session {
  token: string
  expiresAt: string
  userId: string
  /** The subscribe-message templates the server sends (services/subscriptions.ts). */
  templates?: string[]
}

type CodeProvider = () => Promise<string>

/**
 * H5 only: opening `/?device=<code>` makes this browser sign in with that stand-in code (the demo guardian
 * is `demo-guardian`; docs/server.md). The session of the previous code is forgotten, the device secret
 * kept. Returns whether the code changed.
 */
export function adoptDeviceFromUrl(search: string = typeof location === 'undefined' ? '' : location.search): boolean {
  const code = new URLSearchParams(search).get('device')
  if (!code || code.length < 8 || code.length > 128 || code === readJson<string>(DEVICE_KEY)) return false
  saveJson(DEVICE_KEY, code)
  forgetSession()
  return true
}

const wxLogin = (code: string) => request<LoginAnswer>('/api/v1/auth/wx-login', { method: 'POST', data: { code } })

/** H5: the server-issued credential; a new one (a new guardian) only when this browser has none. */
async function deviceLogin(): Promise<LoginAnswer> {
  const known = readJson<string>(SECRET_KEY)
  const body = await request<LoginAnswer>('/api/v1/auth/device-login', {
    method: 'POST',
    data: typeof known === 'string' ? { secret: known } : {},
  })
  // The secret is the guardian's identity in H5: it must not wait in the write buffer.
  if (body.secret) saveJson(SECRET_KEY, body.secret)
  return body
}

async function h5Login(): Promise<LoginAnswer> {
  const demo = readJson<string>(DEVICE_KEY)
  if (typeof demo !== 'string') return deviceLogin()
  try {
    return await wxLogin(demo)
  } catch (error) {
    // Not the demo server (production refuses stand-in codes): forget the code, keep this browser's identity.
    if (!(error instanceof RequestError) || error.statusCode !== 401) throw error
    storage.removeItem(DEVICE_KEY)
    return deviceLogin()
  }
}

const defaultLogin = async (): Promise<LoginAnswer> => (process.env.TARO_ENV === 'h5' ? h5Login() : wxLogin(await wechatLoginCode()))

/** Set by tests: sign in through wx-login with this provider's codes instead. */
let codeProvider: CodeProvider | undefined
let current: Session | undefined
let signingIn: Promise<Session> | undefined
if (process.env.TARO_ENV === 'h5') adoptDeviceFromUrl()

/** Replaces where login codes come from (tests); returns the function that puts the default back. */
export function setCodeProvider(next: CodeProvider | undefined): () => void {
  const previous = codeProvider
  codeProvider = next
  return () => {
    codeProvider = previous
  }
}

function stored(): Session | undefined {
  if (!current) {
    const s = readJson<Session>(SESSION_KEY)
    if (s && typeof s.token === 'string' && typeof s.expiresAt === 'string') current = s
  }
  return current
}

const fresh = (s: Session | undefined, now: number) => !!s && Date.parse(s.expiresAt) - RENEW_MARGIN_MS > now

/** Signs in (one sign-in at a time, however many requests ask). Rejects with RequestError. */
export function signIn(): Promise<Session> {
  signingIn ??= (async () => {
    try {
      const body = codeProvider ? await wxLogin(await codeProvider()) : await defaultLogin()
      current = { token: body.token, expiresAt: body.expiresAt, userId: body.user.id, templates: body.subscribeTemplates ?? [] }
      writeJson(SESSION_KEY, current)
      return current
    } finally {
      signingIn = undefined
    }
  })()
  return signingIn
}

/** A token that is not about to expire, signing in when needed. */
export async function accessToken(now: number = Date.now()): Promise<string> {
  const s = stored()
  if (fresh(s, now)) return s!.token
  try {
    return (await signIn()).token
  } catch (error) {
    // Renewal failed (no network): a token that has not quite expired still works.
    if (s && Date.parse(s.expiresAt) > now) return s.token
    throw error
  }
}

/** Whether a sign-in needs nothing of the person: WeChat's, or a browser that already has its identity. */
export const canSignInQuietly = (): boolean =>
  process.env.TARO_ENV === 'weapp' || typeof readJson<string>(SECRET_KEY) === 'string' || typeof readJson<string>(DEVICE_KEY) === 'string'

/** The status-message templates named at the last sign-in (no network). */
export const statusTemplates = (): string[] => stored()?.templates ?? []

/** The signed-in guardian's id, if known (no network). */
export const currentUserId = (): string | undefined => stored()?.userId

/** Forgets the token (not the device secret or code): the next request signs in again. */
export function forgetSession(): void {
  current = undefined
  storage.removeItem(SESSION_KEY)
}

type Options = Parameters<typeof request>[1]

/** `request` with the guardian's token; on 401 signs in again and retries once. */
export async function authRequest<T>(path: string, options: Options = {}): Promise<T> {
  const send = (token: string) => request<T>(path, { ...options, header: { ...options?.header, authorization: `Bearer ${token}` } })
  const token = await accessToken()
  try {
    return await send(token)
  } catch (error) {
    if (!(error instanceof RequestError) || error.statusCode !== 401) throw error
    // Another request may have signed in again already: use its token rather than signing in twice.
    if (current?.token === token) forgetSession()
    return send(current ? current.token : (await signIn()).token)
  }
}
