/**
 * Who manages whose account, and the password rules (docs/accounts.md). Pure: the server enforces these
 * rules, the worker pages use the same ones to offer only what the server would accept.
 */
import type { RegionLevel } from './regions'
import type { Role } from './status'

export type StaffRole = Exclude<Role, 'guardian'>

/** The level of region each role is bound to: a village worker's region is one village, and so on. */
export const LEVEL_OF_ROLE: Record<StaffRole, RegionLevel> = {
  village_worker: 'village',
  township_supervisor: 'township',
  county_admin: 'county',
  city_admin: 'city',
  province_admin: 'province',
}

export const LEVEL_LABELS: Record<RegionLevel, string> = {
  province: '省',
  city: '地市',
  county: '县（市、区）',
  township: '乡镇（街道）',
  village: '村（社区）',
}

/**
 * The roles whose accounts each role manages, inside its own region: a county admin the workers of the
 * county's townships and villages, a city or province admin the administrators below them. Nobody manages
 * an account of their own level, so no administrator can lock out or take over a peer.
 */
export const MANAGES: Record<StaffRole, readonly StaffRole[]> = {
  village_worker: [],
  township_supervisor: [],
  county_admin: ['township_supervisor', 'village_worker'],
  city_admin: ['county_admin'],
  province_admin: ['city_admin', 'county_admin'],
}

/** Roles that see counts and the roster of their region but no single record and take no review action. */
export const OVERVIEW_ONLY_ROLES: readonly StaffRole[] = ['city_admin', 'province_admin']

export const isStaffRole = (role: unknown): role is StaffRole =>
  typeof role === 'string' && Object.prototype.hasOwnProperty.call(LEVEL_OF_ROLE, role)

export const canManage = (actorRole: Role, targetRole: Role): boolean =>
  isStaffRole(actorRole) && isStaffRole(targetRole) && MANAGES[actorRole].includes(targetRole)

export const PASSWORD_MIN_LENGTH = 8
export const PASSWORD_MAX_LENGTH = 128

/** Why a new password is refused, in the words shown to the person; undefined when it is acceptable. */
export function passwordProblem(password: string, username?: string | null): string | undefined {
  if (password.length < PASSWORD_MIN_LENGTH) return `密码至少${PASSWORD_MIN_LENGTH}位`
  if (password.length > PASSWORD_MAX_LENGTH) return `密码不能超过${PASSWORD_MAX_LENGTH}位`
  if (/^(.)\1*$/.test(password)) return '密码不能全是同一个字符'
  if (/^\d+$/.test(password) && /^(0123456789|1234567890|9876543210)/.test(password)) return '密码不能是连续的数字'
  if (username && password.toLowerCase() === username.toLowerCase()) return '密码不能和用户名相同'
  return undefined
}

/** Mainland mobile numbers: 11 digits starting with 1 (the import sheet's 手机号 column). */
export const PHONE_PATTERN = /^1[3-9]\d{9}$/
