/**
 * Step 2 父母情况: one parent. The parent's situation decides which further fields exist (skip logic lives
 * here, not in the pages): each situation is a variant of a discriminated union, and a strict object, so a
 * field that belongs to another situation is refused rather than kept invisibly.
 */
import * as z from 'zod/mini'
import { PARENT_SITUATIONS } from './codes'
import { date, disabilityCertNo, idNumber, monthOrDate, personName, phone, text, yesNo } from './fields'

export type ParentRole = 'father' | 'mother'
export type Situation = (typeof PARENT_SITUATIONS)[number]['code']

export const PARENT_LABELS: Record<ParentRole, string> = { father: '父亲', mother: '母亲' }

/**
 * The fields each situation asks for, with their labels. The pages render exactly these; a test checks
 * that every variant of the schema has exactly these keys beyond the common ones.
 */
export const SITUATION_FIELDS: Record<Situation, Record<string, string>> = {
  at_home: {},
  migrant_work: { workPlace: '务工地点（省、市）', since: '外出务工开始时间' },
  deceased: { date: '死亡日期' },
  declared_missing: { date: '法院宣告失踪日期' },
  lost_contact: { since: '失联开始时间', reportedToPolice: '是否已向公安机关报案', policeReportDate: '公安机关受理报案日期' },
  imprisoned: { since: '服刑开始日期', until: '刑满日期' },
  drug_rehab: { since: '戒毒开始日期', until: '戒毒期满日期' },
  liberty_restricted: { since: '限制人身自由开始日期', until: '限制人身自由结束日期' },
  severe_illness: { diagnosis: '所患疾病（诊断名称）' },
  severe_disability: { disabilityCertNo: '残疾人证号' },
  guardianship_revoked: { date: '法院撤销监护资格日期' },
  deported: { date: '被遣送（驱逐）出境日期' },
  unidentified: {},
  other: { description: '具体情况' },
}

/** Fields every variant has: who the parent is and how to reach them. */
export const PARENT_COMMON_FIELDS = { situation: '情况', name: '姓名', idNumber: '身份证号码', phone: '联系电话' } as const

const REQUIRED_PHONE: ReadonlySet<Situation> = new Set(['migrant_work'])

function variant<S extends Situation, Extra extends z.core.$ZodLooseShape>(who: string, situation: S, extra: Extra) {
  const label = (field: string) =>
    `${who}${SITUATION_FIELDS[situation][field] ?? PARENT_COMMON_FIELDS[field as keyof typeof PARENT_COMMON_FIELDS]}`
  return z.strictObject({
    situation: z.literal(situation),
    // A parent who cannot be identified has no name to give; everyone else is named.
    name: situation === 'unidentified' ? z.optional(personName(`${who}姓名`)) : personName(`${who}姓名`),
    idNumber: z.optional(idNumber(`${who}身份证号码`)),
    phone: REQUIRED_PHONE.has(situation) ? phone(label('phone')) : z.optional(phone(label('phone'))),
    ...extra,
  })
}

function term(who: string, situation: 'imprisoned' | 'drug_rehab' | 'liberty_restricted') {
  const labels = SITUATION_FIELDS[situation]
  return variant(who, situation, {
    since: date(`${who}${labels.since}`),
    until: date(`${who}${labels.until}`, { past: false }),
  }).check(z.refine((p) => p.until > p.since, { message: `${who}${labels.until}应晚于${labels.since}`, path: ['until'] }))
}

/** The schema of one parent; `role` only changes the wording of the messages. */
export function parentSchema(role: ParentRole) {
  const who = PARENT_LABELS[role]
  const f = SITUATION_FIELDS
  return z.discriminatedUnion(
    'situation',
    [
      variant(who, 'at_home', {}),
      variant(who, 'migrant_work', {
        workPlace: text(`${who}${f.migrant_work.workPlace}`, 50),
        // A grandmother rarely knows the day a parent left: the month is enough ('YYYY-MM'; old full dates stay valid).
        since: monthOrDate(`${who}${f.migrant_work.since}`),
      }),
      variant(who, 'deceased', { date: date(`${who}${f.deceased.date}`) }),
      variant(who, 'declared_missing', { date: z.optional(date(`${who}${f.declared_missing.date}`)) }),
      variant(who, 'lost_contact', {
        since: date(`${who}${f.lost_contact.since}`),
        reportedToPolice: yesNo(`${who}${f.lost_contact.reportedToPolice}`),
        policeReportDate: z.optional(date(`${who}${f.lost_contact.policeReportDate}`)),
      }).check(
        z.superRefine((p, ctx) => {
          if (p.reportedToPolice && !p.policeReportDate) {
            ctx.addIssue({
              code: 'custom',
              message: `请选择${who}${f.lost_contact.policeReportDate}`,
              path: ['policeReportDate'],
              input: p,
            })
          }
          if (!p.reportedToPolice && p.policeReportDate) {
            ctx.addIssue({ code: 'custom', message: '未报案时不应填写受理报案日期', path: ['policeReportDate'], input: p })
          }
          if (p.policeReportDate && p.policeReportDate < p.since) {
            ctx.addIssue({ code: 'custom', message: '受理报案日期不能早于失联开始时间', path: ['policeReportDate'], input: p })
          }
        }),
      ),
      term(who, 'imprisoned'),
      term(who, 'drug_rehab'),
      term(who, 'liberty_restricted'),
      variant(who, 'severe_illness', { diagnosis: text(`${who}${f.severe_illness.diagnosis}`, 50) }),
      variant(who, 'severe_disability', {
        disabilityCertNo: disabilityCertNo(`${who}${f.severe_disability.disabilityCertNo}`),
      }).check(
        z.refine((p) => !p.idNumber || p.disabilityCertNo.startsWith(p.idNumber), {
          message: `${who}残疾人证号的前18位应与身份证号码一致`,
          path: ['disabilityCertNo'],
        }),
      ),
      variant(who, 'guardianship_revoked', { date: z.optional(date(`${who}${f.guardianship_revoked.date}`)) }),
      variant(who, 'deported', { date: z.optional(date(`${who}${f.deported.date}`)) }),
      variant(who, 'unidentified', {}),
      variant(who, 'other', { description: text(`${who}${f.other.description}`, 100) }),
    ],
    { error: `请选择${who}的情况` },
  )
}

export type Parent = z.infer<ReturnType<typeof parentSchema>>

export const parentsSchema = z.strictObject({
  father: parentSchema('father'),
  mother: parentSchema('mother'),
})

export type Parents = z.infer<typeof parentsSchema>
