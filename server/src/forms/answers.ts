/**
 * A registration as the official forms read it: every answer in words (labels, 是/否, 有/无, places in full,
 * "—" for a grandparent who has died), computed once per record and shared by the roster, the 一人一表 and
 * the 事实无人抚养 application. ID and phone numbers are full or masked as the caller decided (`full`).
 */
import {
  ASSISTANCE,
  CARE_ARRANGEMENTS,
  DISABILITY_CATEGORIES,
  DISABILITY_GRADES,
  ECONOMIC_STATUSES,
  ETHNICITIES,
  GRANDPARENTS,
  HEALTH,
  INCOME_SOURCES,
  PARENT_SITUATIONS,
  RELATIONS,
  SCHOOLING,
  SEXES,
  labelOf,
} from '../../../src/domain/codes'
import { parentsAway, type Classification } from '../../../src/domain/eligibility'
import { parseIdNumber } from '../../../src/domain/idcard'
import { maskIdNumber, maskPhone } from '../../../src/domain/mask'
import { PARENT_LABELS, SITUATION_FIELDS, type Parent, type ParentRole } from '../../../src/domain/parents'
import { GUARDIANSHIP_ASSESSMENTS, type Visit } from '../../../src/domain/review'
import type { Registration } from '../../../src/domain/schema'
import { FORM_WORDS } from './words'

export interface AnswerContext {
  /** A region code in words, province first (the server's region index). */
  place(code: string | undefined): string
  /** Full ID and phone numbers, or masked ones. */
  full: boolean
  today: string
  /** The village worker's latest 监护情况评估, if a home visit recorded one. */
  assessment?: Visit['guardianshipAssessment']
  classification: Classification
}

/** Answers by key ('child.name', 'grandparents.maternalGrandmother.birthDate', 'father.workPlace' …). */
export type Answers = Record<string, string>

const W = FORM_WORDS
const yes = (v: boolean | undefined) => (v === undefined ? '' : v ? W.yes : W.no)
const has = (v: boolean) => (v ? W.have : W.haveNot)
const list = (table: readonly { code: string; label: string }[], codes: readonly string[] | undefined) =>
  (codes ?? []).map((c) => labelOf(table, c)).join(W.listSeparator)

/** 身体情况 on the form: 健康 / 残疾 / 患病; a child both disabled and ill ticks both. */
function healthChoices(health: string): string {
  if (health === 'disabled_ill') return [W.disabled, W.ill].join(W.listSeparator)
  return labelOf(HEALTH, health)
}

/** A parent's situation in words with the facts the rules read (dates, terms, the police report). */
export function situationDetail(parent: Partial<Parent>): string {
  const p = parent as Record<string, unknown>
  const fields = SITUATION_FIELDS[parent.situation as keyof typeof SITUATION_FIELDS] ?? {}
  const facts = Object.entries(fields)
    .filter(([key]) => p[key] !== undefined && key !== 'workPlace')
    .map(([key, label]) => `${label}：${typeof p[key] === 'boolean' ? yes(p[key] as boolean) : String(p[key])}`)
  const label = labelOf(PARENT_SITUATIONS, parent.situation)
  return facts.length ? `${label}（${facts.join('，')}）` : label
}

/**
 * 监护类型 of the 2016 form, where the record settles it: 无人监护 (the child lives alone), 父或母无监护能力
 * (one parent away, the other unable), 受委托监护人监护能力不足 (the carer finds caring hard); otherwise the
 * village worker's assessment after a visit (监护情况一般 / 较好); empty until then.
 */
function guardianshipType(record: Registration, unable: ParentRole | undefined, assessment: AnswerContext['assessment']): string {
  const types = W.guardianshipTypes
  if (record.guardianship.arrangement === 'alone') return types.none
  if (unable) return types.parentUnable
  if (record.guardianship.carer?.ability === 'poor' || assessment === 'poor') return types.carerUnable
  if (assessment === 'fair') return types.fair
  if (assessment === 'good') return types.good
  return ''
}

export function formAnswers(record: Registration, ctx: AnswerContext): Answers {
  const id = (v?: string) => (ctx.full ? (v ?? '') : maskIdNumber(v))
  const phone = (v?: string) => (ctx.full ? (v ?? '') : maskPhone(v))
  const { child, parents, guardianship, family } = record
  const a: Answers = {
    'child.name': child.name,
    'child.sex': labelOf(SEXES, child.sex),
    'child.ethnicity': labelOf(ETHNICITIES, child.ethnicity),
    'child.birthDate': child.birthDate,
    'child.idNumber': id(child.idNumber),
    'child.hasHukou': yes(child.hasHukou),
    'child.hukouRegion': ctx.place(child.hukouRegion),
    'child.residence': `${ctx.place(child.residenceRegion)}${child.residenceAddress}`,
    'child.health': healthChoices(child.health),
    'child.disability': child.disability
      ? `${labelOf(DISABILITY_CATEGORIES, child.disability.category)}${labelOf(DISABILITY_GRADES, child.disability.grade)}`
      : '',
    'child.illness': child.illness ? `${child.illness.name}${child.illness.critical ? W.critical : ''}` : '',
    'child.boarding': yes(child.boarding),
    'child.schooling': labelOf(SCHOOLING, child.schooling),
  }
  for (const { code } of GRANDPARENTS) {
    const g = family.grandparents?.[code]
    const [name, birth] = !g
      ? ['', '']
      : g.status === 'living'
        ? [g.name, g.birthDate ?? '']
        : g.status === 'deceased'
          ? [W.deceasedMark, W.deceasedMark]
          : [W.unknown, W.unknown]
    a[`grandparents.${code}.name`] = name
    a[`grandparents.${code}.birthDate`] = birth
  }
  for (const role of ['father', 'mother'] as const) {
    const p = parents[role] as Partial<Parent> & { workPlace?: string }
    const parsed = p.idNumber ? parseIdNumber(p.idNumber, ctx.today) : undefined
    a[`${role}.name`] = p.name ?? ''
    a[`${role}.birthDate`] = parsed?.ok ? parsed.birthDate : ''
    a[`${role}.workPlace`] = p.situation === 'migrant_work' ? (p.workPlace ?? '') : ''
    a[`${role}.phone`] = phone(p.phone)
    a[`${role}.idNumber`] = id(p.idNumber)
    a[`${role}.situation`] = situationDetail(p)
  }
  const away = parentsAway(record, ctx.today)
  const someoneAway = parents.father.situation !== 'at_home' || parents.mother.situation !== 'at_home'
  const carer = guardianship.carer
  Object.assign(a, {
    'care.bothAway': yes(away.both),
    'care.oneAwayOtherUnable': yes(!!away.unable),
    'care.unableParent': away.unable ? PARENT_LABELS[away.unable] : '',
    'care.entrusted': someoneAway ? has(!!carer) : has(false),
    'carer.name': carer?.name ?? '',
    'carer.phone': phone(carer?.phone),
    'carer.idNumber': id(carer?.idNumber),
    'carer.relation': carer ? labelOf(RELATIONS, carer.relation) : '',
    'carer.address': carer?.address ?? '',
    'care.type': guardianshipType(record, away.unable, ctx.assessment),
    'care.assessment': ctx.assessment ? labelOf(GUARDIANSHIP_ASSESSMENTS, ctx.assessment) : '',
    'family.incomeSources': list(INCOME_SOURCES, family.incomeSources),
    'family.assistance': list(ASSISTANCE, family.assistance),
    'care.arrangement': labelOf(CARE_ARRANGEMENTS, guardianship.arrangement),
    'contact.name': guardianship.contact.name,
    'contact.relation': labelOf(RELATIONS, guardianship.contact.relation),
    'contact.phone': phone(guardianship.contact.phone),
    'family.economicStatus': labelOf(ECONOMIC_STATUSES, family.economicStatus),
  })
  return a
}
