/**
 * The worker's sign-in, kept on the phone under `hutong:worker` until it expires (12 h) or the worker
 * signs out. Separate from the guardian's session: one phone may serve a family and, at another time,
 * the village's 儿童主任, and neither sees the other's data.
 */
import { createStore, useStore } from 'zustand'
import { request } from '@/services/request'
import { flushStorage, readJson, storage, writeJson } from '@/services/storage'
import type { Session, WorkerUser } from './types'

export const SESSION_KEY = 'hutong:worker'

const WORKER_ROLES = ['village_worker', 'township_supervisor', 'county_admin']

function valid(session: Session | undefined, now = Date.now()): Session | undefined {
  if (!session?.token || !session.user || !WORKER_ROLES.includes(session.user.role)) return undefined
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
  writeJson(SESSION_KEY, session)
  flushStorage()
  return session.user
}

export function signOut(): void {
  sessionStore.setState({ session: undefined })
  storage.removeItem(SESSION_KEY)
  flushStorage()
}
