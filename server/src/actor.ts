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
}

export const WORKER_ROLES: readonly Role[] = ['village_worker', 'township_supervisor', 'county_admin']

export function actorOf(user: UserRow): Actor {
  return { id: user.id, role: user.role, regionCode: user.region_code, username: user.username, displayName: user.display_name }
}
