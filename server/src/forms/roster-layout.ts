/**
 * The roster's columns: every field of the national form (form-2016.ts) in its order and words, then the
 * app's own columns (the 困境儿童 categories, the 事实无人抚养 facts, the review), each with its three
 * heading levels (section, group, field) and how its cell is read from a row.
 */
import { CATEGORIES, DIFFICULTY_KINDS, categoryLabel, type Classification } from '../../../src/domain/eligibility'
import { labelOf } from '../../../src/domain/codes'
import { FORM_2016, formColumns } from './form-2016'
import type { Answers } from './answers'
import { ROSTER_WORDS as R } from './words'

/** What one roster row is drawn from. */
export interface RosterEntry {
  answers: Answers
  classification: Classification
  categories: string[]
  status: string
  verified?: { by: string; at: string }
}

export interface RosterColumn {
  section: string
  group?: string
  label: string
  width: number
  text?: boolean
  /** A section of one field worded as the section (D 家庭经济来源): one heading over the three rows. */
  wholeSection?: boolean
  value(entry: RosterEntry): string
}

const own = (label: string, width: number, value: RosterColumn['value']): RosterColumn => ({ section: R.ownSection, label, width, value })

export const ROSTER_COLUMNS: readonly RosterColumn[] = [
  ...formColumns(FORM_2016).map(({ section, group, field }) => ({
    section: `${section.code}. ${section.title}`,
    group,
    label: field.label,
    width: field.width ?? 10,
    text: field.text,
    wholeSection: section.items.length === 1 && field.label === section.title,
    value: (e: RosterEntry) => e.answers[field.key] ?? '',
  })),
  own(R.own.arrangement, 12, (e) => e.answers['care.arrangement']),
  own(R.own.fatherSituation, 22, (e) => e.answers['father.situation']),
  own(R.own.motherSituation, 22, (e) => e.answers['mother.situation']),
  own(R.own.economicStatus, 14, (e) => e.answers['family.economicStatus']),
  own(R.own.categories, 16, (e) => e.categories.map(categoryLabel).join('、')),
  own(R.own.difficultyKinds, 20, (e) =>
    (e.classification.findings.find((f) => f.category === 'difficulty')?.kinds ?? []).map((k) => labelOf(DIFFICULTY_KINDS, k)).join('、'),
  ),
  own(R.own.deFactoFacts, 30, (e) =>
    (e.classification.findings.find((f) => f.category === 'de_facto_unsupported')?.facts ?? []).join('；'),
  ),
  own(R.own.status, 10, (e) => e.status),
  own(R.own.verifiedBy, 10, (e) => e.verified?.by ?? ''),
  own(R.own.verifiedAt, 11, (e) => e.verified?.at.slice(0, 10) ?? ''),
]

/** The summary sheet's count columns, by category (农村留守儿童, 困境儿童, 事实无人抚养儿童, 孤儿). */
export const SUMMARY_CATEGORIES = CATEGORIES.map((c) => c.code)
