/**
 * The form's fields, step by step, in the order they are shown: kind, label, options and when each
 * applies. The wizard's steps, the error summary's order, the review page and the workers' record view
 * all read this one list. A parent's fields are generated from SITUATION_FIELDS, so a situation added in
 * the domain appears here. `when` and `optionsFor` read a draft or a record from the server alike.
 */
import {
  CARE_ABILITIES,
  CARE_ARRANGEMENTS,
  DISABILITY_CATEGORIES,
  DISABILITY_GRADES,
  ECONOMIC_STATUSES,
  ETHNICITIES,
  GRANDPARENT_STATUSES,
  GRANDPARENTS,
  HEALTH,
  HUKOU_TYPES,
  INCOME_SOURCES,
  ASSISTANCE,
  NEEDS,
  PARENT_SITUATIONS,
  RELATIONS,
  SCHOOLING,
  SEXES,
} from '@/domain/codes'
import { PARENT_COMMON_FIELDS, PARENT_LABELS, SITUATION_FIELDS, type ParentRole, type Situation } from '@/domain/parents'
import { getIn, type RecordAnswers } from '@/domain/record'
import type { StepKey } from '@/domain/schema'
import { YES_NO } from '@/components/choice-list'
import { optionsOf, type Option } from '@/components/form/context'
import { allowedArrangements } from './skip-rules'
import { FIELD_EXTRAS, FIELD_LABELS, GRANDPARENT_TEXT, HINTS, SECTION_TITLES } from './strings'

export type FieldKind =
  | 'text'
  | 'textarea'
  | 'phone'
  | 'id'
  | 'childId'
  | 'cert'
  | 'choice'
  | 'compactChoice'
  | 'yesno'
  | 'select'
  | 'multi'
  | 'date'
  /** A month ('YYYY-MM'), for what people know only to the month. */
  | 'month'
  | 'birthDate'
  | 'region'
  | 'section'
  | 'contactCopy'

export interface FieldSpec {
  /** Unique in its step (a path can have several specs, e.g. `since` for each parent situation). */
  id: string
  /** Record path; for sections, the path of the object they introduce. */
  path: string
  kind: FieldKind
  label: string
  options?: readonly Option[]
  /** Options that depend on other answers (care arrangements). */
  optionsFor?(record: RecordAnswers): readonly Option[]
  when?(record: RecordAnswers): boolean
  hint?: string
  /** Year range relative to this year, for dates. */
  years?: readonly [fromOffset: number, toOffset: number]
  sameAs?: { path: string; label: string }
}

const L = FIELD_LABELS
const is =
  (path: string, ...values: unknown[]) =>
  (r: RecordAnswers) =>
    values.includes(getIn(r, path))
const PAST = [-100, 0] as const

function field(path: keyof typeof FIELD_LABELS, kind: FieldKind, extra: Partial<FieldSpec> = {}): FieldSpec {
  return { id: path, path, kind, label: L[path], ...extra }
}

export const CHILD_FIELDS: readonly FieldSpec[] = [
  field('child.name', 'text'),
  field('child.hasHukou', 'yesno', { options: YES_NO, hint: HINTS['child.hasHukou'] }),
  field('child.idNumber', 'childId', { when: is('child.hasHukou', true), hint: HINTS['child.idNumber'] }),
  field('child.sex', 'compactChoice', { options: optionsOf(SEXES) }),
  field('child.birthDate', 'birthDate', { years: [-18, 0] }),
  field('child.ethnicity', 'select', { options: optionsOf(ETHNICITIES) }),
  field('child.hukouType', 'compactChoice', { options: optionsOf(HUKOU_TYPES), when: is('child.hasHukou', true) }),
  field('child.hukouRegion', 'region', { when: is('child.hasHukou', true) }),
  field('child.residenceRegion', 'region', { sameAs: { path: 'child.hukouRegion', label: FIELD_EXTRAS.sameAsHukou } }),
  field('child.residenceAddress', 'text'),
  field('child.schooling', 'compactChoice', { options: optionsOf(SCHOOLING) }),
  field('child.boarding', 'yesno', { options: YES_NO }),
  field('child.health', 'compactChoice', { options: optionsOf(HEALTH) }),
  field('child.illness.name', 'text', { when: is('child.health', 'ill', 'disabled_ill') }),
  field('child.illness.critical', 'yesno', { options: YES_NO, when: is('child.health', 'ill', 'disabled_ill') }),
  field('child.disability.category', 'compactChoice', {
    options: optionsOf(DISABILITY_CATEGORIES),
    when: is('child.health', 'disabled', 'disabled_ill'),
  }),
  field('child.disability.grade', 'compactChoice', {
    options: optionsOf(DISABILITY_GRADES),
    when: is('child.health', 'disabled', 'disabled_ill'),
  }),
  field('child.disability.certificateNo', 'cert', {
    when: is('child.health', 'disabled', 'disabled_ill'),
    hint: HINTS['child.disability.certificateNo'],
  }),
]

/** How each situation field is answered; a key the domain adds later falls back to text. */
export const SITUATION_FIELD_KINDS: Record<string, FieldKind> = {
  workPlace: 'text',
  since: 'date',
  until: 'date',
  date: 'date',
  reportedToPolice: 'yesno',
  policeReportDate: 'date',
  diagnosis: 'text',
  disabilityCertNo: 'cert',
  description: 'textarea',
}

function parentFields(role: ParentRole): FieldSpec[] {
  const who = PARENT_LABELS[role]
  const base = `parents.${role}`
  const situation = (r: RecordAnswers) => getIn(r, `${base}.situation`) as Situation | undefined
  const specs: FieldSpec[] = [
    { id: `${base}`, path: base, kind: 'section', label: who },
    {
      id: `${base}.situation`,
      path: `${base}.situation`,
      kind: 'choice',
      label: FIELD_EXTRAS.parentSituation(who, PARENT_COMMON_FIELDS.situation),
      options: optionsOf(PARENT_SITUATIONS),
      hint: HINTS['parent.situation'],
    },
  ]
  for (const key of ['name', 'idNumber', 'phone'] as const) {
    specs.push({
      id: `${base}.${key}`,
      path: `${base}.${key}`,
      kind: key === 'idNumber' ? 'id' : key === 'phone' ? 'phone' : 'text',
      label: `${who}${PARENT_COMMON_FIELDS[key]}`,
      when: (r) => !!situation(r),
    })
  }
  for (const [code, fields] of Object.entries(SITUATION_FIELDS) as [Situation, Record<string, string>][]) {
    for (const [key, label] of Object.entries(fields)) {
      const kind = code === 'migrant_work' && key === 'since' ? 'month' : (SITUATION_FIELD_KINDS[key] ?? 'text')
      specs.push({
        id: `${base}.${key}@${code}`,
        path: `${base}.${key}`,
        kind,
        label: `${who}${label}`,
        options: kind === 'yesno' ? YES_NO : undefined,
        years: key === 'until' ? [-10, 30] : PAST,
        hint: key === 'disabilityCertNo' ? HINTS['parent.disabilityCertNo'] : undefined,
        when:
          key === 'policeReportDate'
            ? (r) => situation(r) === code && getIn(r, `${base}.reportedToPolice`) === true
            : (r) => situation(r) === code,
      })
    }
  }
  return specs
}

export const PARENT_FIELDS: readonly FieldSpec[] = [...parentFields('father'), ...parentFields('mother')]

const hasCarer = is('guardianship.arrangement', 'carer')
export const GUARDIANSHIP_FIELDS: readonly FieldSpec[] = [
  field('guardianship.arrangement', 'choice', {
    hint: HINTS['guardianship.arrangement'],
    optionsFor: (r) => {
      const allowed = allowedArrangements(r)
      return optionsOf(CARE_ARRANGEMENTS).filter((o) => allowed.includes(o.value))
    },
  }),
  { id: 'guardianship.carer', path: 'guardianship.carer', kind: 'section', label: SECTION_TITLES.carer, when: hasCarer },
  field('guardianship.carer.name', 'text', { when: hasCarer }),
  field('guardianship.carer.idNumber', 'id', { when: hasCarer }),
  field('guardianship.carer.relation', 'select', { options: optionsOf(RELATIONS), when: hasCarer }),
  field('guardianship.carer.phone', 'phone', { when: hasCarer }),
  field('guardianship.carer.address', 'text', { when: hasCarer }),
  field('guardianship.carer.ability', 'compactChoice', { options: optionsOf(CARE_ABILITIES), when: hasCarer }),
  field('guardianship.carer.entrustmentSigned', 'yesno', { options: YES_NO, when: hasCarer }),
  {
    id: 'guardianship.contact',
    path: 'guardianship.contact',
    kind: 'section',
    label: SECTION_TITLES.contact,
    hint: HINTS['guardianship.contact'],
  },
  { id: 'guardianship.contact.copy', path: 'guardianship.contact', kind: 'contactCopy', label: '' },
  field('guardianship.contact.name', 'text'),
  field('guardianship.contact.relation', 'select', { options: optionsOf(RELATIONS) }),
  field('guardianship.contact.phone', 'phone'),
]

/**
 * The four grandparents (section B of the 2016 form): 健在 / 已故 / 不详 for each, then the name and, if known,
 * the birth date of one who is living. One question per row, like every other field.
 */
function grandparentFields(): FieldSpec[] {
  const specs: FieldSpec[] = [
    {
      id: 'family.grandparents',
      path: 'family.grandparents',
      kind: 'section',
      label: SECTION_TITLES.grandparents,
      hint: HINTS['family.grandparents'],
    },
  ]
  for (const { code, label } of GRANDPARENTS) {
    const base = `family.grandparents.${code}`
    const living = is(`${base}.status`, 'living')
    const who = GRANDPARENT_TEXT.short(label)
    specs.push(
      { id: `${base}.status`, path: `${base}.status`, kind: 'compactChoice', label, options: optionsOf(GRANDPARENT_STATUSES) },
      { id: `${base}.name`, path: `${base}.name`, kind: 'text', label: GRANDPARENT_TEXT.name(who), when: living },
      {
        id: `${base}.birthDate`,
        path: `${base}.birthDate`,
        kind: 'date',
        label: GRANDPARENT_TEXT.birthDate(who),
        when: living,
        years: [-110, -25],
      },
    )
  }
  return specs
}

export const FAMILY_FIELDS: readonly FieldSpec[] = [
  ...grandparentFields(),
  field('family.economicStatus', 'choice', { options: optionsOf(ECONOMIC_STATUSES) }),
  field('family.incomeSources', 'multi', { options: optionsOf(INCOME_SOURCES) }),
  field('family.assistance', 'multi', { options: optionsOf(ASSISTANCE) }),
  field('family.needs', 'multi', { options: optionsOf(NEEDS) }),
  field('family.needsNote', 'textarea', { hint: HINTS['family.needsNote'] }),
]

export const STEP_FIELDS: Record<Exclude<StepKey, 'consent'>, readonly FieldSpec[]> = {
  child: CHILD_FIELDS,
  parents: PARENT_FIELDS,
  guardianship: GUARDIANSHIP_FIELDS,
  family: FAMILY_FIELDS,
}

/** The specs that apply to the record now, in display order. */
export function visibleFields(specs: readonly FieldSpec[], record: RecordAnswers): FieldSpec[] {
  return specs.filter((s) => !s.when || s.when(record))
}

/** Answer fields only (no sections or helper rows). */
export const isAnswer = (spec: FieldSpec) => spec.kind !== 'section' && spec.kind !== 'contactCopy'

export function yearRange(spec: FieldSpec, thisYear: number): [number, number] {
  const [from, to] = spec.years ?? PAST
  return [thisYear + from, thisYear + to]
}
