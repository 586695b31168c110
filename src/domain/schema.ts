/**
 * The registration record: one child. One schema per wizard step, and the record composed from them; the
 * mini-program validates with it when a step is left and on submit, the server validates every body with
 * the very same code. Rules that span steps (the ID number against the birth date, who cares for the child
 * against where the parents are) are `crossStepIssues`, run for the record and for the step they concern.
 */
import * as z from 'zod/mini'
import {
  ASSISTANCE,
  CARE_ABILITIES,
  CARE_ARRANGEMENTS,
  DISABILITY_CATEGORIES,
  DISABILITY_GRADES,
  ECONOMIC_STATUSES,
  ETHNICITIES,
  GRANDPARENTS,
  HEALTH,
  HUKOU_TYPES,
  INCOME_SOURCES,
  NEEDS,
  RELATIONS,
  SCHOOLING,
  SEXES,
  codesOf,
} from './codes'
import { ageOn, chinaToday } from './dates'
import { choice, date, disabilityCertNo, idNumber, multi, note, personName, phone, text, villageCode, yesNo } from './fields'
import { normaliseIdInput, parseIdNumber } from './idcard'
import { PARENT_LABELS, parentsSchema, type Parent } from './parents'

export const SCHEMA_VERSION = 1

/** Step 1 儿童信息. */
export const childSchema = z.strictObject({
  name: personName('儿童姓名'),
  hasHukou: yesNo('是否已登记户口'),
  idNumber: z.optional(idNumber('儿童身份证号码')),
  sex: choice(codesOf(SEXES), '性别'),
  birthDate: date('出生日期'),
  ethnicity: choice(codesOf(ETHNICITIES), '民族'),
  hukouType: z.optional(choice(codesOf(HUKOU_TYPES), '户口性质')),
  hukouRegion: z.optional(villageCode('户籍地')),
  residenceRegion: villageCode('现住址'),
  residenceAddress: text('详细地址（门牌号）', 100),
  schooling: choice(codesOf(SCHOOLING), '就学情况'),
  boarding: yesNo('是否在学校寄宿'),
  health: choice(codesOf(HEALTH), '身体情况'),
  illness: z.optional(z.strictObject({ name: text('所患疾病', 50), critical: yesNo('是否为重特大疾病') })),
  disability: z.optional(
    z.strictObject({
      category: choice(codesOf(DISABILITY_CATEGORIES), '残疾类别'),
      grade: choice(codesOf(DISABILITY_GRADES), '残疾等级'),
      certificateNo: disabilityCertNo('残疾人证号'),
    }),
  ),
})

/** Step 3 监护照料. `carer` is the entrusted carer (委托照护人), present only when a parent is away. */
export const carerSchema = z.strictObject({
  name: personName('照护人姓名'),
  idNumber: idNumber('照护人身份证号码'),
  relation: choice(codesOf(RELATIONS), '照护人与儿童关系'),
  phone: phone('照护人联系电话'),
  address: text('照护人居住地址', 100),
  ability: choice(codesOf(CARE_ABILITIES), '照护能力'),
  entrustmentSigned: yesNo('是否签订委托照护协议'),
})

export const guardianshipSchema = z.strictObject({
  arrangement: choice(codesOf(CARE_ARRANGEMENTS), '孩子平时由谁照料'),
  carer: z.optional(carerSchema),
  /** The person who fills in the form and whom the village worker calls back. */
  contact: z.strictObject({
    name: personName('填报人姓名'),
    relation: choice(codesOf(RELATIONS), '填报人与儿童关系'),
    phone: phone('填报人联系电话'),
  }),
})

/**
 * One grandparent: a name only when living (the birth date is optional, since a grandmother may not know
 * her in-laws' dates); 已故 and 不详 carry nothing more. A strict object per status, as for the parents.
 */
function grandparentSchema(who: string) {
  return z.discriminatedUnion(
    'status',
    [
      z.strictObject({ status: z.literal('living'), name: personName(`${who}姓名`), birthDate: z.optional(date(`${who}出生日期`)) }),
      z.strictObject({ status: z.literal('deceased') }),
      z.strictObject({ status: z.literal('unknown') }),
    ],
    { error: `请选择${who}的情况` },
  )
}

/** Optional as a whole: records submitted before the form asked for them stay valid. */
export const grandparentsSchema = z.strictObject(
  Object.fromEntries(GRANDPARENTS.map((g) => [g.code, grandparentSchema(g.label.slice(0, g.label.indexOf('（')))])) as Record<
    (typeof GRANDPARENTS)[number]['code'],
    ReturnType<typeof grandparentSchema>
  >,
)

/** Step 4 家庭情况. */
export const familySchema = z.strictObject({
  grandparents: z.optional(grandparentsSchema),
  economicStatus: choice(codesOf(ECONOMIC_STATUSES), '家庭经济状况'),
  incomeSources: multi(codesOf(INCOME_SOURCES), '家庭经济来源', 1),
  assistance: multi(codesOf(ASSISTANCE), '已享受的救助'),
  needs: multi(codesOf(NEEDS), '需要的帮助'),
  needsNote: note('其他困难或需求说明'),
})

/** Step 5 确认提交: the guardian's separate consent (PIPL Art.29/31), with the version of the text agreed to. */
export const consentSchema = z.strictObject({
  agreed: z.literal(true, { error: '请阅读并勾选同意后再提交' }),
  version: text('同意书版本', 20),
  agreedAt: z.iso.datetime({ error: '同意时间格式不对', offset: true }),
})

export const STEP_SCHEMAS = {
  child: childSchema,
  parents: parentsSchema,
  guardianship: guardianshipSchema,
  family: familySchema,
  consent: consentSchema,
} as const

export type StepKey = keyof typeof STEP_SCHEMAS

export const STEPS: readonly { key: StepKey; title: string }[] = [
  { key: 'child', title: '儿童信息' },
  { key: 'parents', title: '父母情况' },
  { key: 'guardianship', title: '监护照料' },
  { key: 'family', title: '家庭情况' },
  { key: 'consent', title: '确认提交' },
]

export interface Issue {
  path: (string | number)[]
  message: string
}

type Child = z.infer<typeof childSchema>
type Guardianship = z.infer<typeof guardianshipSchema>
type Shape = {
  child?: Partial<Child>
  parents?: { father?: Partial<Parent>; mother?: Partial<Parent> }
  guardianship?: Partial<Guardianship>
}

function childIssues(child: Partial<Child>, today: string): Issue[] {
  const out: Issue[] = []
  const add = (field: string, message: string) => out.push({ path: ['child', field], message })
  if (child.hasHukou === true) {
    if (!child.idNumber) add('idNumber', '已登记户口的孩子请填写身份证号码')
    if (!child.hukouType) add('hukouType', '请选择户口性质')
    if (!child.hukouRegion) add('hukouRegion', '请选择户籍地')
  }
  if (child.hasHukou === false) {
    for (const field of ['idNumber', 'hukouType', 'hukouRegion'] as const) {
      if (child[field] !== undefined) add(field, '未登记户口时不应填写此项')
    }
  }
  const id = child.idNumber ? parseIdNumber(child.idNumber, today) : undefined
  if (id?.ok) {
    if (child.birthDate && child.birthDate !== id.birthDate) add('birthDate', `出生日期与身份证号码不一致：身份证号码上是${id.birthDate}`)
    if (child.sex && child.sex !== id.sex) add('sex', `性别与身份证号码不一致：身份证号码上是${id.sex === 'male' ? '男' : '女'}`)
  }
  if (child.birthDate && child.birthDate <= today && ageOn(child.birthDate, today) >= 18) {
    add('birthDate', '只登记未满18周岁的孩子')
  }
  const disabled = child.health === 'disabled' || child.health === 'disabled_ill'
  const ill = child.health === 'ill' || child.health === 'disabled_ill'
  if (disabled && !child.disability) add('disability', '请填写残疾类别、等级和残疾人证号')
  if (!disabled && child.disability) add('disability', '身体情况不是残疾时不应填写残疾信息')
  if (ill && !child.illness) add('illness', '请填写所患疾病')
  if (!ill && child.illness) add('illness', '身体情况不是患病时不应填写疾病信息')
  // Normalised as the fields normalise them: the wizard's raw input may differ in case (x / X) or spacing.
  const cert = child.disability?.certificateNo ? normaliseIdInput(child.disability.certificateNo) : undefined
  const childId = child.idNumber ? normaliseIdInput(child.idNumber) : undefined
  if (cert && child.disability) {
    if (childId && !cert.startsWith(childId)) {
      out.push({ path: ['child', 'disability', 'certificateNo'], message: '残疾人证号的前18位应与孩子的身份证号码一致' })
    }
    if (cert.length === 20 && (cert[18] !== child.disability.category || cert[19] !== child.disability.grade)) {
      out.push({ path: ['child', 'disability', 'certificateNo'], message: '残疾人证号最后两位应与所选的残疾类别和等级一致' })
    }
  }
  return out
}

function parentIssues(role: 'father' | 'mother', parent: Partial<Parent> | undefined, today: string): Issue[] {
  const id = parent?.idNumber ? parseIdNumber(parent.idNumber, today) : undefined
  if (id?.ok && id.sex !== (role === 'father' ? 'male' : 'female')) {
    return [
      {
        path: ['parents', role, 'idNumber'],
        message: `${PARENT_LABELS[role]}的身份证号码显示性别为${id.sex === 'male' ? '男' : '女'}，请核对`,
      },
    ]
  }
  return []
}

/** Who cares for the child must fit where the parents are; the carer's fields exist only when a parent is away. */
function guardianshipIssues(
  g: Partial<Guardianship>,
  father: Partial<Parent> | undefined,
  mother: Partial<Parent> | undefined,
  today: string,
): Issue[] {
  const out: Issue[] = []
  // 未成年人保护法 Art.22: the entrusted carer must be an adult with full civil capacity.
  const carerId = g.carer?.idNumber ? parseIdNumber(g.carer.idNumber, today) : undefined
  if (carerId?.ok && ageOn(carerId.birthDate, today) < 18) {
    out.push({ path: ['guardianship', 'carer', 'idNumber'], message: '委托照护人应为年满18周岁的成年人（未成年人保护法第二十二条）' })
  }
  if (!g.arrangement || !father?.situation || !mother?.situation) return out
  const fatherHome = father.situation === 'at_home'
  const motherHome = mother.situation === 'at_home'
  const add = (field: string, message: string) => out.push({ path: ['guardianship', field], message })
  if (g.arrangement === 'both_parents' && !(fatherHome && motherHome)) add('arrangement', '父母并非都在家，不能选“父母共同照料”')
  if (g.arrangement === 'father' && !fatherHome) add('arrangement', '父亲不在家，不能选“父亲照料”')
  if (g.arrangement === 'mother' && !motherHome) add('arrangement', '母亲不在家，不能选“母亲照料”')
  if (g.arrangement === 'carer' && fatherHome && motherHome) add('arrangement', '父母都在家时不需要委托他人照料')
  if (g.arrangement === 'carer' && !g.carer) add('carer', '请填写委托照护人的信息')
  if (g.arrangement !== 'carer' && g.carer) add('carer', '不是委托他人照料时不应填写照护人信息')
  return out
}

/** The rules that span steps, for the steps given (all by default), on partial data as the wizard holds it. */
export function crossStepIssues(
  record: Shape,
  steps: readonly StepKey[] = ['child', 'parents', 'guardianship'],
  today = chinaToday(),
): Issue[] {
  const out: Issue[] = []
  if (steps.includes('child') && record.child) out.push(...childIssues(record.child, today))
  if (steps.includes('parents')) {
    out.push(...parentIssues('father', record.parents?.father, today), ...parentIssues('mother', record.parents?.mother, today))
  }
  if (steps.includes('guardianship') && record.guardianship) {
    out.push(...guardianshipIssues(record.guardianship, record.parents?.father, record.parents?.mother, today))
  }
  return out
}

export const registrationSchema = z
  .strictObject({
    schemaVersion: z.literal(SCHEMA_VERSION, { error: '表单版本不对，请更新小程序后重试' }),
    child: childSchema,
    parents: parentsSchema,
    guardianship: guardianshipSchema,
    family: familySchema,
    consent: consentSchema,
  })
  .check(
    z.superRefine((record, ctx) => {
      for (const issue of crossStepIssues(record)) ctx.addIssue({ code: 'custom', input: record, ...issue })
    }),
  )

export type Registration = z.infer<typeof registrationSchema>
export type ChildInfo = Child
export type GuardianshipInfo = Guardianship
export type FamilyInfo = z.infer<typeof familySchema>
export type Consent = z.infer<typeof consentSchema>

function toIssues(error: z.core.$ZodError, prefix: (string | number)[]): Issue[] {
  return error.issues.map((i) => ({ path: [...prefix, ...(i.path as (string | number)[])], message: i.message }))
}

/**
 * Validates one step of a (partial) record: the step's schema on its own part, plus the cross-step rules
 * that concern it. Paths are full record paths ('child.birthDate'), so a page can put each message beside its field.
 */
export function validateStep(step: StepKey, record: Record<string, unknown>, today = chinaToday()): Issue[] {
  const result = STEP_SCHEMAS[step].safeParse(record[step])
  const issues = result.success ? [] : toIssues(result.error, [step])
  if (step === 'consent') return issues
  return issues.concat(crossStepIssues(record as Shape, [step], today))
}

/** The whole record, as the server checks it: `{ ok, value }` with the normalised record, or the issues. */
export function validateRegistration(input: unknown): { ok: true; value: Registration } | { ok: false; issues: Issue[] } {
  const result = registrationSchema.safeParse(input)
  return result.success ? { ok: true, value: result.data } : { ok: false, issues: toIssues(result.error, []) }
}
