/**
 * What the server stores beside the encrypted record, all derived from the validated record: the village
 * for scoping, the categories the rules suggest (for counts and filters), and the keyed lookup hashes with the
 * id of the index key that made them.
 */
import { classify, type ClassifyContext } from '../../../src/domain/eligibility'
import type { Issue, Registration } from '../../../src/domain/schema'
import type { RegionIndex } from '../../../src/domain/regions'
import { today as clockToday } from '../clock'
import { CATEGORY_COLUMNS } from '../db/registrations'
import { normaliseName, type Vault } from '../vault'

/** `context`: what workers have found on their visits (services/findings.ts); a new record has none. */
export function derive(record: Registration, vault: Vault, today = clockToday(), context: ClassifyContext = {}) {
  const child = record.child
  const found = new Set(classify(record, today, context).findings.map((f) => f.category))
  const name = normaliseName(child.name)
  return {
    village_code: child.residenceRegion,
    cat_left_behind: found.has('left_behind') ? 1 : 0,
    cat_difficulty: found.has('difficulty') ? 1 : 0,
    cat_de_facto_unsupported: found.has('de_facto_unsupported') ? 1 : 0,
    cat_orphan: found.has('orphan') ? 1 : 0,
    id_hmac: child.idNumber ? vault.lookup('id', child.idNumber) : null,
    person_hmac: vault.lookup('person', `${name}|${child.birthDate}|${child.residenceRegion}`),
    name_hmac: vault.lookup('name', name),
    lookup_key: vault.indexKeyIds[0],
  } satisfies Record<
    (typeof CATEGORY_COLUMNS)[keyof typeof CATEGORY_COLUMNS] | 'village_code' | 'id_hmac' | 'person_hmac' | 'name_hmac' | 'lookup_key',
    unknown
  >
}

/** The schema checks a code's shape; only the server's index knows whether the village exists. */
export function regionIssues(record: Registration, index: RegionIndex): Issue[] {
  const issues: Issue[] = []
  if (!index.isVillage(record.child.residenceRegion)) {
    issues.push({ path: ['child', 'residenceRegion'], message: '现住址的村（社区）不存在，请重新选择' })
  }
  if (record.child.hukouRegion && !index.isVillage(record.child.hukouRegion)) {
    issues.push({ path: ['child', 'hukouRegion'], message: '户籍地的村（社区）不存在，请重新选择' })
  }
  return issues
}
