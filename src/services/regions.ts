/**
 * Villages (村/社区) are not shipped in the app (26,842 names, ≈ 860 KB): the server sends all villages of
 * one county on demand, and they are kept in storage per county, so a county is fetched once per phone
 * and the picker works offline afterwards.
 */
import type { VillagesByTownship } from '@/domain/regions'
import { request } from '@/platform/request'
import { readJson, writeJson } from '@/platform/storage'

export const villagesKey = (countyCode: string) => `hutong:villages:${countyCode}`

interface CachedVillages {
  fetchedAt: string
  townships: VillagesByTownship
}

const memory = new Map<string, VillagesByTownship>()
const inFlight = new Map<string, Promise<VillagesByTownship>>()

function isVillages(value: unknown, countyCode: string): value is VillagesByTownship {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return false
  return Object.entries(value).every(
    ([township, list]) =>
      township.length === 9 &&
      township.startsWith(countyCode) &&
      Array.isArray(list) &&
      list.every((v) => Array.isArray(v) && typeof v[0] === 'string' && typeof v[1] === 'string'),
  )
}

/** Villages of a county from memory or storage, without any network. */
export function cachedVillages(countyCode: string): VillagesByTownship | undefined {
  const hit = memory.get(countyCode)
  if (hit) return hit
  const stored = readJson<CachedVillages>(villagesKey(countyCode))
  if (stored && isVillages(stored.townships, countyCode)) {
    memory.set(countyCode, stored.townships)
    return stored.townships
  }
  return undefined
}

/** Villages of a county: cached if known, else fetched once (rejects with RequestError when offline). */
export function loadVillages(countyCode: string): Promise<VillagesByTownship> {
  const cached = cachedVillages(countyCode)
  if (cached) return Promise.resolve(cached)
  let pending = inFlight.get(countyCode)
  if (!pending) {
    pending = fetchVillages(countyCode).finally(() => inFlight.delete(countyCode))
    inFlight.set(countyCode, pending)
  }
  return pending
}

async function fetchVillages(countyCode: string): Promise<VillagesByTownship> {
  const body = await request<{ townships?: unknown }>(`/api/v1/regions/${countyCode}/villages`)
  const townships = body?.townships
  if (!isVillages(townships, countyCode)) throw new Error(`invalid villages payload for county ${countyCode}`)
  memory.set(countyCode, townships)
  writeJson(villagesKey(countyCode), { fetchedAt: new Date().toISOString(), townships } satisfies CachedVillages)
  return townships
}

/** For tests: forget the in-memory copies (storage is cleared by the test itself). */
export function clearVillageMemory(): void {
  memory.clear()
}
