/** The worker pages' routes, kept in the subpackage so that they add nothing to the main package. */
import { openUrl, pageParams, ROUTES } from '@/platform/navigation'

export const WORKER_ROUTES = {
  login: ROUTES.workerLogin,
  queue: '/worker/queue/index',
  entry: '/worker/entry/index',
  overview: '/worker/overview/index',
  accounts: '/worker/accounts/index',
  password: '/worker/password/index',
  visits: '/worker/visits/index',
  report: '/worker/report/index',
  transfers: '/worker/transfers/index',
} as const

/** After signing in the queue replaces the login, so 返回 never leads back to the password. */
export const openQueue = (mode: 'push' | 'replace' | 'relaunch' = 'push') => openUrl(WORKER_ROUTES.queue, mode)
export const openEntry = (id: string) => openUrl(`${WORKER_ROUTES.entry}?id=${encodeURIComponent(id)}`)
export const openReport = (id: string) => openUrl(`${WORKER_ROUTES.report}?id=${encodeURIComponent(id)}`)
export const openOverview = () => openUrl(WORKER_ROUTES.overview)
export const openAccounts = () => openUrl(WORKER_ROUTES.accounts)
export const openVisits = () => openUrl(WORKER_ROUTES.visits)
export const openTransfers = () => openUrl(WORKER_ROUTES.transfers)
export const openPassword = (mode: 'push' | 'replace' = 'push') => openUrl(WORKER_ROUTES.password, mode)
/**
 * Where a signed-in worker starts: setting a password first when theirs is a one-time one; the overview for
 * the city and province levels (they see no single record); the list for everyone else.
 */
export function openStart(user: { role: string; mustChangePassword?: boolean }, mode: 'replace' | 'relaunch' = 'replace') {
  if (user.mustChangePassword) return openPassword('replace')
  if (user.role === 'city_admin' || user.role === 'province_admin') return openUrl(WORKER_ROUTES.overview, mode)
  return openQueue(mode)
}

/** Signed out or expired: a fresh stack, so no page that showed a child's data stays behind the login. */
export const toLogin = () => openUrl(WORKER_ROUTES.login, 'relaunch')
export { pageParams }
