/**
 * Who is calling, as every layer sees it: the auth plugin makes an Actor from the user row it re-reads on
 * each request, routes authorise with it, services scope and audit with it.
 */
import type { Role } from '../../src/domain/status'
import type { UserRow } from './db/users'

export interface Actor {
  id: string
  role: Role
  /** Workers: the region they may see; null → nothing. */
  regionCode: string | null
  username: string | null
  displayName: string | null
  /** Signed in with a one-time password: only the password change (and /auth/me) is open to them. */
  mustChangePassword: boolean
}

/** The roles that work on single records (review, open, print). */
export const WORKER_ROLES: readonly Role[] = ['village_worker', 'township_supervisor', 'county_admin']
/** Every staff role: counts and the roster of one's region, one's own account. */
export const STAFF_ROLES: readonly Role[] = [...WORKER_ROLES, 'city_admin', 'province_admin']
/** The roles that manage other accounts (src/domain/accounts.ts `MANAGES`). */
export const ADMIN_ROLES: readonly Role[] = ['county_admin', 'city_admin', 'province_admin']

export function actorOf(user: UserRow): Actor {
  return {
    id: user.id,
    role: user.role,
    regionCode: user.region_code,
    username: user.username,
    displayName: user.display_name,
    mustChangePassword: user.must_change_password === 1,
  }
}
