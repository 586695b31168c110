/**
 * A registration's answers as plain objects, and plain operations on them (no schema code here: the
 * drafts store and the home page use them, and the main package must stay light).
 * Paths are dotted ('parents.father.since'). Setting undefined removes the key: a draft never holds
 * an empty answer, so what was cleared is not in the record.
 */
import type { PartialRegistration } from './eligibility'
import type { StepKey } from './schema'

export type Dict = Record<string, unknown>

/**
 * The four answer steps, each a plain object: a draft being filled in, or a record the server sent (a
 * `Registration` fits, masked or not). The form model (src/record) reads both through this shape.
 */
export interface RecordAnswers {
  child: Dict
  parents: { father: Dict; mother: Dict }
  guardianship: Dict
  family: Dict
}

/** A draft's answers as the rules read them (`classify`): unvalidated, so nothing is assumed of any field. */
export function answersForRules(record: RecordAnswers): PartialRegistration {
  return record as unknown as PartialRegistration
}

/** What a draft holds: the answers only (consent is given anew when it is submitted). */
export type DraftRecord = RecordAnswers

/** The four wizard steps that hold answers, in order (the fifth, review, holds none). */
export const ANSWER_STEPS = ['child', 'parents', 'guardianship', 'family'] as const satisfies readonly StepKey[]
export const STEP_ORDER: readonly StepKey[] = [...ANSWER_STEPS, 'consent']

/** The wizard step a record path belongs to ('parents.mother.workPlace' → parents). */
export function stepOfPath(path: string | undefined): StepKey | undefined {
  const head = path?.split('.')[0]
  return (ANSWER_STEPS as readonly string[]).includes(head ?? '') ? (head as StepKey) : undefined
}

/** A registration (or any record with the four answer steps) as a draft record: consent is given anew. */
export function draftRecordOf(record: Partial<Record<(typeof ANSWER_STEPS)[number], unknown>>): DraftRecord {
  const empty = emptyRecord()
  const from = clone(record) as Partial<DraftRecord>
  return {
    child: from.child ?? {},
    parents: { father: from.parents?.father ?? {}, mother: from.parents?.mother ?? {} },
    guardianship: { ...empty.guardianship, ...(from.guardianship ?? {}) },
    family: { ...empty.family, ...(from.family ?? {}) },
  }
}

export function emptyRecord(): DraftRecord {
  return {
    child: {},
    parents: { father: {}, mother: {} },
    guardianship: { contact: {} },
    // Multi-selects start as empty lists: "none chosen" is an answer for 已享受的救助.
    family: { incomeSources: [], assistance: [], needs: [] },
  }
}

export function getIn(source: unknown, path: string): unknown {
  let node: unknown = source
  for (const key of path.split('.')) {
    if (node === null || typeof node !== 'object') return undefined
    node = (node as Dict)[key]
  }
  return node
}

function isEmpty(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '')
}

/** A copy of `source` with `path` set (or removed when the value is empty); untouched branches are shared. */
export function setIn<T>(source: T, path: string, value: unknown): T {
  const [key, ...rest] = path.split('.')
  const node = (source && typeof source === 'object' ? source : {}) as Dict
  if (rest.length === 0) {
    if (isEmpty(value)) {
      if (!(key in node)) return source
      const { [key]: _removed, ...kept } = node
      return kept as T
    }
    if (node[key] === value) return source
    return { ...node, [key]: value } as T
  }
  const child = setIn(node[key] as Dict | undefined, rest.join('.'), value)
  if (child === node[key]) return source
  return { ...node, [key]: child } as T
}

const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value ?? {})) as T

/**
 * "再登记一个孩子": a brother or sister shares the parents, the guardianship and the family; the child is new.
 */
export function copyFamilySteps(from: Partial<DraftRecord>): DraftRecord {
  const empty = emptyRecord()
  return {
    child: {},
    parents: { father: clone(from.parents?.father ?? {}), mother: clone(from.parents?.mother ?? {}) },
    guardianship: { ...empty.guardianship, ...clone(from.guardianship ?? {}) },
    family: { ...empty.family, ...clone(from.family ?? {}) },
  }
}
