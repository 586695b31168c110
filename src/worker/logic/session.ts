/**
 * The worker's sign-in, kept on the phone under `hutong:worker` until it expires (12 h) or the worker
 * signs out. Separate from the guardian's session: one phone may serve a family and, at another time,
 * the village's 儿童主任, and neither sees the other's data.
 */
import { createStore, useStore } from 'zustand'
import type { LoginAnswer, WorkerRole, WorkerUser } from '@/domain/api'
import { ROLE_LABELS } from '@/domain/status'
import { request } from '@/platform/request'
import { readJson, saveJson, storage } from '@/platform/storage'

export const SESSION_KEY = 'hutong:worker'

/** A worker's sign-in as the server answered it (POST /auth/worker-login). */
export type Session = LoginAnswer<WorkerUser>

/** Any known role but the guardian's (a session read back from storage is not trusted blindly). */
const isWorkerRole = (role: unknown): role is WorkerRole =>
  typeof role === 'string' && role !== 'guardian' && Object.prototype.hasOwnProperty.call(ROLE_LABELS, role)

function valid(session: Session | undefined, now = Date.now()): Session | undefined {
  if (!session?.token || !session.user || !isWorkerRole(session.user.role)) return undefined
  return Date.parse(session.expiresAt) > now ? session : undefined
}

export const sessionStore = createStore<{ session?: Session }>(() => ({ session: valid(readJson<Session>(SESSION_KEY)) }))

export function useSession(): Session | undefined {
  return useStore(sessionStore, (s) => s.session)
}

/** The session if it is still valid now (an expired one is forgotten on the spot). */
export function currentSession(): Session | undefined {
  const session = valid(sessionStore.getState().session)
  if (!session && sessionStore.getState().session) signOut()
  return session
}

export async function signIn(username: string, password: string): Promise<WorkerUser> {
  const session = await request<Session>('/api/v1/auth/worker-login', { method: 'POST', data: { username, password } })
  sessionStore.setState({ session })
  saveJson(SESSION_KEY, session)
  return session.user
}

/** A fresh session the server handed back (after a password change: the old token no longer works). */
export function replaceSession(session: Session): void {
  sessionStore.setState({ session })
  saveJson(SESSION_KEY, session)
}

export function signOut(): void {
  sessionStore.setState({ session: undefined })
  // Removal is written through at once (platform/storage.ts): nothing of the session stays on the phone.
  storage.removeItem(SESSION_KEY)
}
