/**
 * Region scoping, deny by default (CommCare's rule for location-restricted users; docs/policy.md,
 * "Children's personal information"): a worker sees a record only when the child's residence village lies
 * inside the worker's region; a worker whose region is missing or invalid sees nothing. The same rule twice:
 * as a SQL range for lists, counts and exports, and as `regionContains` (src/domain/regions.ts) for one
 * record.
 */
import { parseRegionCode, regionContains } from '../../src/domain/regions'

export interface RegionRange {
  /** The canonical prefix (2/4/6/9/12 digits). */
  prefix: string
  lo: string
  hi: string
}

/** `village_code BETWEEN lo AND hi` ⇔ the village code starts with the prefix (village codes are 12 digits). */
export function regionRange(code: string | null | undefined): RegionRange | null {
  if (!code) return null
  const parsed = parseRegionCode(code)
  if (!parsed.ok) return null
  return { prefix: parsed.prefix, lo: parsed.prefix.padEnd(12, '0'), hi: parsed.prefix.padEnd(12, '9') }
}

export function canSee(regionCode: string | null | undefined, villageCode: string): boolean {
  return !!regionCode && regionContains(regionCode, villageCode)
}

/** Whether `inner` (a region the caller asks for) lies within `outer` (the caller's own region). */
export function regionWithin(outer: string | null | undefined, inner: string): RegionRange | null {
  const o = regionRange(outer)
  const i = regionRange(inner)
  return o && i && i.prefix.startsWith(o.prefix) ? i : null
}
