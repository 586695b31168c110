/**
 * Which official categories a registration suggests, and why (docs/policy.md, "Which children: the four
 * categories"). The result only suggests: the village worker verifies, the county decides. Every finding
 * names the rule it applies and the facts it used, so a guardian and a worker can both see why; what is
 * still unknown is listed, never guessed.
 */
import { ageOn, addMonths, chinaToday, type IsoDate } from './dates'
import { labelOf, DISABILITY_CATEGORIES, DISABILITY_GRADES, ECONOMIC_STATUSES } from './codes'
import { PARENT_LABELS, type Parent, type ParentRole } from './parents'
import type { Registration } from './schema'

export const CATEGORIES = [
  { code: 'left_behind', label: '农村留守儿童' },
  { code: 'difficulty', label: '困境儿童' },
  { code: 'de_facto_unsupported', label: '事实无人抚养儿童' },
  { code: 'orphan', label: '孤儿' },
] as const
export type Category = (typeof CATEGORIES)[number]['code']

/** Kinds of 困境儿童 (国发〔2016〕36号; Guangdong's wording, 深圳市民政局 FAQ 2023). */
export const DIFFICULTY_KINDS = [
  { code: 'family', label: '家庭困境儿童（家庭贫困）' },
  { code: 'self', label: '自身困境儿童（自身残疾）' },
  { code: 'safety', label: '安全困境儿童（监护缺失）' },
  { code: 'temporary', label: '临时困境儿童（重病等特殊困难）' },
] as const
export type DifficultyKind = (typeof DIFFICULTY_KINDS)[number]['code']

export interface Finding {
  category: Category
  label: string
  /** The rule applied, with its source. */
  rule: string
  /** The facts of this record that meet the rule. */
  facts: string[]
  kinds?: DifficultyKind[]
}

/** A finding as one line: 困境儿童 names its kinds, e.g. 困境儿童（自身困境儿童（自身残疾））. */
export function findingLabel(f: Pick<Finding, 'label' | 'kinds'>): string {
  return f.kinds ? `${f.label}（${f.kinds.map((k) => labelOf(DIFFICULTY_KINDS, k)).join('、')}）` : f.label
}

export interface Classification {
  findings: Finding[]
  /** What must still be known or happen before a category can be decided. */
  missing: string[]
  /** Near misses and local-practice caveats, for the reviewer. */
  notes: string[]
  age?: number
}

/** A registration as the rules read it: a draft's answers, every field optional and not yet validated. */
export type PartialRegistration = {
  child?: Partial<Registration['child']>
  parents?: { father?: Partial<Parent>; mother?: Partial<Parent> }
  guardianship?: Partial<Registration['guardianship']>
  family?: Partial<Registration['family']>
}

interface SituationCheck {
  /** In the set S of 民发〔2019〕62号 / 〔2020〕125号 today. */
  inS: boolean
  /** 死亡 or 宣告失踪: the "gateway" situations. */
  gateway: boolean
  /** Lost to the child: dead, declared missing, or birth parent not found (孤儿). */
  lost: boolean
  fact: string
  missing?: string
  note?: string
}

const SIX_MONTHS = 6

function termCheck(p: Partial<Parent> & { since?: string; until?: string }, what: string, who: string, today: IsoDate): SituationCheck {
  const base = { gateway: false, lost: false }
  if (!p.since || !p.until) return { ...base, inS: false, fact: `${who}${what}`, missing: `${who}${what}的起止日期` }
  if (p.until < today) return { ...base, inS: false, fact: `${who}${what}已于${p.until}结束`, note: `${who}${what}已结束，不再计入` }
  const long = addMonths(p.since, SIX_MONTHS) <= p.until
  return long
    ? { ...base, inS: true, fact: `${who}${what}（${p.since}至${p.until}，期限6个月以上）` }
    : { ...base, inS: false, fact: `${who}${what}不满6个月`, note: `${who}${what}期限不满6个月，不属于事实无人抚养的情形` }
}

/**
 * 重残: 一级、二级残疾, or 三级、四级 精神/智力 残疾 (民发〔2019〕62号). A 多重残疾 of grade 3 or 4 depends on what it
 * is made of, which the certificate number does not say: `toCheck` — the worker reads the card.
 */
function severeDisability(cert: string | undefined): { severe: boolean; toCheck: boolean; label: string } | undefined {
  if (!cert || cert.length !== 20) return undefined
  const category = cert[18]
  const grade = cert[19]
  const label = `${labelOf(DISABILITY_CATEGORIES, category)}${labelOf(DISABILITY_GRADES, grade)}`
  const mild = grade === '3' || grade === '4'
  return { severe: !mild || category === '5' || category === '6', toCheck: mild && category === '7', label }
}

/**
 * A worker's finding about guardianship (监护缺失 / 监护不当, the third group of 国发〔2016〕36号), recorded on a home
 * visit: it makes the child a 困境儿童 (安全困境) whatever the guardian declared.
 */
export const GUARDIANSHIP_FINDINGS = [
  { code: 'missing', label: '监护缺失' },
  { code: 'improper', label: '监护不当' },
] as const
export type GuardianshipFinding = (typeof GUARDIANSHIP_FINDINGS)[number]['code']

/** What the workers have found, beside the guardian's answers; the server supplies it from the visit records. */
export interface ClassifyContext {
  findings?: readonly GuardianshipFinding[]
}

type KeysOfUnion<T> = T extends unknown ? keyof T : never
/** One parent with the fields of every situation, each optional: a draft may hold any of them, or none. */
type AnySituationFields = { [K in KeysOfUnion<Parent>]?: Parent extends infer P ? (P extends Record<K, infer V> ? V : never) : never }

export function checkSituation(role: ParentRole, parent: Partial<Parent> | undefined, today: IsoDate): SituationCheck | undefined {
  const who = PARENT_LABELS[role]
  const none = { inS: false, gateway: false, lost: false }
  if (!parent?.situation) return undefined
  const p = parent as AnySituationFields
  switch (p.situation) {
    case 'deceased':
      return { ...none, gateway: true, lost: true, fact: `${who}已死亡${p.date ? `（${p.date}）` : ''}` }
    case 'declared_missing':
      return { ...none, gateway: true, lost: true, fact: `${who}经法院宣告失踪` }
    case 'unidentified':
      return {
        ...none,
        lost: true,
        fact: `${who}查找不到`,
        // 孤儿 needs both parents lost; with the other parent alive, only these make the child 事实无人抚养.
        note: `${who}查找不到：如向公安机关报案受理已满6个月仍查找不到（失联），或经人民法院宣告失踪，孩子可能属于事实无人抚养儿童，请按“失联”或“宣告失踪”登记并提供材料`,
      }
    case 'imprisoned':
      return termCheck(p, '服刑在押', who, today)
    case 'drug_rehab':
      return termCheck(p, '强制隔离戒毒', who, today)
    case 'liberty_restricted':
      return termCheck(p, '被执行其他限制人身自由的措施', who, today)
    case 'severe_illness':
      return {
        ...none,
        inS: true,
        fact: `${who}重病（${p.diagnosis ?? '未填病名'}）`,
        note: `重病的范围由当地大病目录确定，需核实${who}的诊断证明`,
      }
    case 'severe_disability': {
      const d = severeDisability(p.disabilityCertNo)
      if (!d) return { ...none, fact: `${who}残疾`, missing: `${who}的残疾人证号` }
      if (d.severe) return { ...none, inS: true, fact: `${who}${d.label}，属于重残` }
      if (d.toCheck) {
        return {
          ...none,
          fact: `${who}${d.label}`,
          note: `${who}${d.label}：请工作人员查看残疾人证，核实多重残疾包含哪几类残疾；含精神或智力残疾的三、四级属于重残，否则不属于`,
        }
      }
      return { ...none, fact: `${who}${d.label}`, note: `${who}${d.label}不属于重残（重残为一、二级，或三、四级精神、智力残疾）` }
    }
    case 'lost_contact': {
      if (!p.reportedToPolice || !p.policeReportDate) {
        return {
          ...none,
          fact: `${who}失联`,
          missing: `${who}失联需由监护人、受委托亲属或村（居）委会向孩子户籍地公安机关报案，受理满6个月仍查找不到才能认定`,
        }
      }
      const due = addMonths(p.policeReportDate, SIX_MONTHS)
      return due <= today
        ? { ...none, inS: true, fact: `${who}失联，公安机关${p.policeReportDate}受理报案，已满6个月` }
        : { ...none, fact: `${who}失联，报案受理未满6个月`, missing: `${who}失联报案受理满6个月（${due}）后才能认定` }
    }
    case 'guardianship_revoked':
      return { ...none, inS: true, fact: `${who}被人民法院撤销监护资格` }
    case 'deported':
      return { ...none, inS: true, fact: `${who}被遣送（驱逐）出境` }
    case 'migrant_work':
      return { ...none, fact: `${who}外出务工${p.workPlace ? `（${p.workPlace}）` : ''}` }
    case 'at_home':
      return { ...none, fact: `${who}在家` }
    default:
      return { ...none, fact: `${who}：${p.description ?? '其他情况'}` }
  }
}

export function classify(record: PartialRegistration, today: IsoDate = chinaToday(), context: ClassifyContext = {}): Classification {
  const out: Classification = { findings: [], missing: [], notes: [] }
  const child = record.child ?? {}
  if (!child.birthDate) {
    out.missing.push('孩子的出生日期')
    return out
  }
  const age = ageOn(child.birthDate, today)
  out.age = age
  if (age >= 18) {
    out.notes.push('孩子已年满18周岁，不属于儿童关爱保护对象')
    return out
  }
  const father = checkSituation('father', record.parents?.father, today)
  const mother = checkSituation('mother', record.parents?.mother, today)
  if (!father) out.missing.push('父亲的情况')
  if (!mother) out.missing.push('母亲的情况')
  for (const [c, other] of [
    [father, mother],
    [mother, father],
  ] as const) {
    if (c?.missing) out.missing.push(c.missing)
    // 查找不到 next to another lost parent is 孤儿 already: the way to 事实无人抚养 is no longer worth a note.
    const orphanAlready = !!c?.lost && !c.gateway && !!other?.lost
    if (c?.note && !orphanAlready) out.notes.push(c.note)
  }
  const ageFact = `孩子${age}周岁`

  if (father && mother) {
    const orphan = father.lost && mother.lost
    if (orphan) {
      out.findings.push({
        category: 'orphan',
        label: '孤儿',
        rule: '未满18周岁，失去父母或查找不到生父母（民政部孤儿认定）',
        facts: [father.fact, mother.fact, ageFact],
      })
    }
    const pair = (a: SituationCheck, b: SituationCheck) => (a.inS && b.inS) || (a.gateway && b.inS)
    if (!orphan && (pair(father, mother) || pair(mother, father))) {
      const facts = [father.fact, mother.fact, ageFact]
      const inGuangdong = child.hukouRegion?.startsWith('44')
      if (inGuangdong) facts.push('广东省户籍')
      else
        out.missing.push(
          child.hasHukou === false ? '事实无人抚养儿童须有户籍，请先为孩子登记户口' : '广东省认定事实无人抚养儿童要求本省户籍',
        )
      if (inGuangdong) {
        out.findings.push({
          category: 'de_facto_unsupported',
          label: '事实无人抚养儿童',
          rule: '父母双方均符合重残、重病、服刑在押、强制隔离戒毒、被执行其他限制人身自由的措施、失联、被撤销监护资格、被遣送（驱逐）出境情形之一，或一方死亡、失踪而另一方符合上述情形之一（民发〔2019〕62号、民发〔2020〕125号、粤民规字〔2019〕10号）',
          facts,
        })
      }
    }
    leftBehind(out, record, father, mother, age, ageFact, today)
  }
  difficulty(out, record, ageFact, context.findings ?? [])
  return out
}

/**
 * Section C of the 2016 form: are both parents away for work, or is one away and the other unable to act as
 * guardian (and which one)? 无监护能力 through 重病 or 重残, 重残 only as the 事实无人抚养 rules define it
 * (checkSituation reads the certificate).
 */
export function parentsAway(record: PartialRegistration, today: IsoDate = chinaToday()): { both: boolean; unable?: ParentRole } {
  const f = record.parents?.father?.situation
  const m = record.parents?.mother?.situation
  const unable = (role: ParentRole) => {
    const p = record.parents?.[role]
    return p?.situation === 'severe_illness' || (p?.situation === 'severe_disability' && !!checkSituation(role, p, today)?.inS)
  }
  if (f === 'migrant_work' && m === 'migrant_work') return { both: true }
  if (f === 'migrant_work' && unable('mother')) return { both: false, unable: 'mother' }
  if (m === 'migrant_work' && unable('father')) return { both: false, unable: 'father' }
  return { both: false }
}

/** 国发〔2016〕13号 and 民发〔2016〕42号: under 16, rural hukou, both parents away or one away and the other unable. */
function leftBehind(
  out: Classification,
  record: PartialRegistration,
  father: SituationCheck,
  mother: SituationCheck,
  age: number,
  ageFact: string,
  today: IsoDate,
) {
  const f = record.parents?.father?.situation
  const m = record.parents?.mother?.situation
  const away = parentsAway(record, today)
  if (!away.both && !away.unable) {
    if ((f === 'migrant_work') !== (m === 'migrant_work')) {
      const other = f === 'migrant_work' ? m : f
      out.notes.push(
        other === 'at_home' || other === 'severe_illness' || other === 'severe_disability'
          ? '父母只有一方外出务工、另一方在家且有监护能力，不符合国家定义的农村留守儿童'
          : // 国发〔2016〕13号 names 重病、重残"等": whether prison, rehab or loss of contact also count is left to the worker.
            '父母一方外出务工、另一方不在身边：国家定义以另一方重病、重残等无监护能力为准，请工作人员核实是否按留守儿童登记',
      )
    }
    return
  }
  if (age >= 16) {
    out.notes.push('农村留守儿童限不满16周岁，孩子已满16周岁')
    return
  }
  const hukou = record.child?.hukouType
  if (hukou === 'urban') {
    out.notes.push('农村留守儿童限农村户籍，孩子为城镇户口')
    return
  }
  if (!hukou) {
    out.missing.push('孩子的户口性质（农村留守儿童限农村户籍）')
    return
  }
  out.findings.push({
    category: 'left_behind',
    label: '农村留守儿童',
    rule: '不满16周岁的农村户籍未成年人，父母双方外出务工，或一方外出务工另一方无监护能力（国发〔2016〕13号、民发〔2016〕42号）',
    facts: [father.fact, mother.fact, ageFact, '农村户口'],
  })
  out.notes.push('外出务工时间的长短国家未作规定，部分地区以连续外出6个月以上为准（地方做法）')
}

/** 国发〔2016〕36号 groups, in Guangdong's wording. 孤儿 and 事实无人抚养 are reported as their own categories. */
function difficulty(out: Classification, record: PartialRegistration, ageFact: string, found: readonly GuardianshipFinding[]) {
  const kinds: DifficultyKind[] = []
  const facts: string[] = []
  const economic = record.family?.economicStatus
  if (economic && economic !== 'none') {
    kinds.push('family')
    facts.push(`家庭为${labelOf(ECONOMIC_STATUSES, economic)}`)
  }
  const child = record.child ?? {}
  if (child.disability) {
    kinds.push('self')
    facts.push(`孩子${labelOf(DISABILITY_CATEGORIES, child.disability.category)}${labelOf(DISABILITY_GRADES, child.disability.grade)}`)
  }
  if (child.illness?.critical) {
    kinds.push('temporary')
    facts.push(`孩子患重特大疾病（${child.illness.name}）`)
  }
  if (record.guardianship?.arrangement === 'alone') {
    kinds.push('safety')
    facts.push('孩子无人照料、独自生活')
  }
  for (const finding of GUARDIANSHIP_FINDINGS.filter((f) => found.includes(f.code))) {
    if (!kinds.includes('safety')) kinds.push('safety')
    facts.push(`工作人员走访确认${finding.label}`)
  }
  if (record.guardianship?.carer?.ability === 'poor') {
    out.notes.push('照护人照护能力不足，请工作人员评估监护情况')
  }
  if (kinds.length === 0) return
  out.findings.push({
    category: 'difficulty',
    label: '困境儿童',
    rule: '因家庭贫困、自身残疾、监护缺失或重病等特殊困难，生活、就医、就学或安全面临困难的儿童（国发〔2016〕36号）',
    facts: [...facts, ageFact],
    kinds,
  })
}

export function categoryLabel(code: string): string {
  return CATEGORIES.find((c) => c.code === code)?.label ?? code
}
