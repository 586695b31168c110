/**
 * Skip logic: after every committed answer, whatever no longer applies is removed from the draft — not
 * hidden and kept — so the record that is submitted holds exactly what its answers call for.
 * Driven by the domain: a parent keeps PARENT_COMMON_FIELDS plus SITUATION_FIELDS[situation]; which
 * care arrangements fit the parents is decided by the schema's own cross-step rules.
 */
import { CARE_ARRANGEMENTS, GRANDPARENTS } from '@/domain/codes'
import { PARENT_COMMON_FIELDS, SITUATION_FIELDS, type Situation } from '@/domain/parents'
import { crossStepIssues } from '@/domain/schema'
import { answersForRules, emptyRecord, type Dict, type DraftRecord, type RecordAnswers } from '@/domain/record'

const DISABLED = new Set(['disabled', 'disabled_ill'])
const ILL = new Set(['ill', 'disabled_ill'])

function pick(source: Dict, keys: readonly string[]): Dict {
  const out: Dict = {}
  for (const key of keys) if (source[key] !== undefined) out[key] = source[key]
  return out
}

function sameKeys(a: Dict, b: Dict): boolean {
  const ka = Object.keys(a)
  return ka.length === Object.keys(b).length && ka.every((k) => a[k] === b[k])
}

function applyChild(child: Dict): Dict {
  let next = child
  const drop = (key: string) => {
    if (key in next) {
      const { [key]: _gone, ...rest } = next
      next = rest
    }
  }
  if (child.hasHukou === false) for (const key of ['idNumber', 'hukouType', 'hukouRegion']) drop(key)
  const health = child.health as string | undefined
  if (health && DISABLED.has(health)) next = next.disability ? next : { ...next, disability: {} }
  else drop('disability')
  if (health && ILL.has(health)) next = next.illness ? next : { ...next, illness: {} }
  else drop('illness')
  return next
}

/** The fields a parent in `situation` has; undefined situation: only the situation itself can be set. */
export function parentKeys(parent: Dict): string[] {
  const situation = parent.situation as Situation | undefined
  if (!situation || !(situation in SITUATION_FIELDS)) return ['situation']
  let keys = [...Object.keys(PARENT_COMMON_FIELDS), ...Object.keys(SITUATION_FIELDS[situation])]
  if (situation === 'lost_contact' && parent.reportedToPolice !== true) keys = keys.filter((k) => k !== 'policeReportDate')
  return keys
}

function applyParent(parent: Dict): Dict {
  const kept = pick(parent, parentKeys(parent))
  return sameKeys(kept, parent) ? parent : kept
}

/** Care arrangements the parents' situations allow (all of them while a situation is still unanswered). */
export function allowedArrangements(record: Pick<RecordAnswers, 'parents'>): string[] {
  return CARE_ARRANGEMENTS.map((a) => a.code).filter((code) => {
    // Only what the arrangement itself is told counts here: the carer's fields come later in the step.
    const issues = crossStepIssues(
      { parents: answersForRules({ ...emptyRecord(), parents: record.parents }).parents, guardianship: { arrangement: code } },
      ['guardianship'],
    )
    return !issues.some((i) => i.path[1] === 'arrangement')
  })
}

function applyGuardianship(g: Dict, record: DraftRecord): Dict {
  let next = g
  if (next.arrangement && !allowedArrangements(record).includes(next.arrangement as string)) {
    const { arrangement: _gone, ...rest } = next
    next = rest
  }
  if (next.arrangement === 'carer') {
    if (!next.carer) next = { ...next, carer: {} }
  } else if ('carer' in next) {
    const { carer: _gone, ...rest } = next
    next = rest
  }
  if (!next.contact) next = { ...next, contact: {} }
  return next
}

/**
 * Each grandparent is an object from the start (so that an unanswered 健在/已故/不详 is reported on its own
 * field), and keeps a name and birth date only while 健在.
 */
function applyFamily(family: Dict): Dict {
  const before = (family.grandparents ?? {}) as Dict
  let changed = !family.grandparents
  const after: Dict = {}
  for (const { code } of GRANDPARENTS) {
    const one = (before[code] ?? {}) as Dict
    const statusOnly = pick(one, ['status'])
    const kept = one.status === 'living' || sameKeys(statusOnly, one) ? one : statusOnly
    if (kept !== before[code]) changed = true
    after[code] = kept
  }
  return changed ? { ...family, grandparents: after } : family
}

/** The record with everything that no longer applies removed; the same object when nothing changed. */
export function applySkipRules(record: DraftRecord): DraftRecord {
  const child = applyChild(record.child)
  const father = applyParent(record.parents.father)
  const mother = applyParent(record.parents.mother)
  const parents = father === record.parents.father && mother === record.parents.mother ? record.parents : { father, mother }
  const withParents = { ...record, child, parents }
  const guardianship = applyGuardianship(record.guardianship, withParents)
  const family = applyFamily(record.family)
  if (child === record.child && parents === record.parents && guardianship === record.guardianship && family === record.family)
    return record
  return { ...withParents, guardianship, family }
}
