/**
 * 《事实无人抚养儿童基本生活补贴申请表》: the application that starts 申请 → 查验 → 确认 under 民发〔2019〕62号
 * (with 民发〔2020〕125号 and Guangdong's 粤民规字〔2019〕10号; docs/forms.md). No national template of the form
 * itself was found: its contents follow what 62号 says an application carries — the child, each parent's
 * situation with the facts the rule reads, the carer, the applicant — plus the papers to bring, so the
 * guardian arrives at the township with the right ones, and the boxes for the township's check and the
 * county's confirmation. Everything this layout prints is in this file.
 */
import type { Classification } from '../../../src/domain/eligibility'
import type { Situation } from '../../../src/domain/parents'
import type { Answers } from './answers'
import { grid, newPdf, paragraph, signatureBoxes, spreadLine, title, type Cell } from './pdf'
import { FORM_WORDS as W } from './words'

export const APPLICATION_TITLE = '事实无人抚养儿童基本生活补贴申请表'
export const APPLICATION_BASIS = '（依据民发〔2019〕62号、民发〔2020〕125号、粤民规字〔2019〕10号）'

export const APPLICATION_HEADINGS = {
  child: '一、儿童基本情况',
  parents: '二、父母情况',
  carer: '三、实际抚养（照料）人',
  applicant: '四、申请人',
  basis: '五、认定依据（按登记信息初步判断）',
  papers: '六、需携带的证明材料',
  missing: '七、尚需补充或核实',
  declaration: '本人承诺以上情况属实，如有虚报、隐瞒，愿承担相应责任。',
  applicantSign: '申请人签字（按手印）：',
  village: '村（居）民委员会意见：',
  township: '乡镇人民政府（街道办事处）查验意见：',
  county: '县级民政部门确认意见：',
  stamp: '（盖章）',
  date: '日期：',
  handedIn: '受理乡镇（街道）：',
  appliedOn: '申请日期：',
  noneMissing: '无',
} as const

const LABELS = {
  name: '姓名',
  sex: '性别',
  ethnicity: '民族',
  birthDate: '出生日期',
  idNumber: '公民身份证号码',
  hukou: '户籍所在地',
  residence: '现居住地',
  schooling: '就学情况',
  health: '身体情况',
  situation: '情形及有关情况',
  relation: '与儿童关系',
  phone: '联系电话',
  address: '居住地址',
  father: '父亲',
  mother: '母亲',
} as const

/** The papers each parent situation is proven by (as local implementations of 62号 and 125号 list them). */
export const PAPERS: Partial<Record<Situation, string>> = {
  deceased: '死亡证明、户籍注销证明或人民法院宣告死亡判决书',
  declared_missing: '人民法院宣告失踪判决书',
  lost_contact: '公安机关受理报案回执，以及受理满6个月后公安机关出具的查找情况书面回执',
  imprisoned: '人民法院刑事判决书或监狱出具的服刑证明',
  drug_rehab: '强制隔离戒毒决定书',
  liberty_restricted: '执行限制人身自由措施的法律文书',
  severe_illness: '医疗机构诊断证明（病种属当地重特大疾病范围）',
  severe_disability: '残疾人证（第二代或第三代）',
  guardianship_revoked: '人民法院撤销监护资格判决书',
  deported: '公安机关出具的遣送（驱逐）出境证明',
}
export const COMMON_PAPERS = ['儿童的户口簿和身份证（或出生医学证明）', '申请人的身份证', '申请人与儿童关系的证明（如户口簿）'] as const

export interface ApplicationInput {
  answers: Answers
  situations: { father: Situation; mother: Situation }
  classification: Classification
  /** The township of the child's hukou, where the application is handed in. */
  township: string
  applicant: { name: string; relation: string; phone: string }
  date: string
  source: { id: string; version: number }
  masked: boolean
}

const l = (text: string, span = 1): Cell => ({ text, span, kind: 'label' })
const v = (text: string, span = 1): Cell => ({ text, span, kind: 'value' })
const s = (text: string): Cell => ({ text, span: 8, kind: 'section' })

/** The papers to bring: the common ones, then each parent's, in order, without repeats. */
export function papersFor(situations: ApplicationInput['situations']): string[] {
  const out: string[] = [...COMMON_PAPERS]
  for (const role of ['father', 'mother'] as const) {
    const paper = PAPERS[situations[role]]
    if (paper) out.push(`${LABELS[role]}：${paper}`)
  }
  return out
}

export async function allowanceApplicationPdf(input: ApplicationInput): Promise<Buffer> {
  const a = input.answers
  const H = APPLICATION_HEADINGS
  const { doc, finish } = newPdf({ title: APPLICATION_TITLE, subject: a['child.name'] })
  title(doc, APPLICATION_TITLE, APPLICATION_BASIS)
  spreadLine(doc, [`${H.handedIn}${input.township}`, `${H.appliedOn}${W.dateBlank}`], { weights: [3, 2] })
  const parentRows = (role: 'father' | 'mother'): Cell[][] => [
    [
      l(LABELS[role]),
      l(LABELS.name),
      v(a[`${role}.name`]),
      l(LABELS.idNumber),
      v(a[`${role}.idNumber`], 2),
      l(LABELS.phone),
      v(a[`${role}.phone`]),
    ],
    [l(LABELS.situation, 2), v(a[`${role}.situation`], 6)],
  ]
  const finding = input.classification.findings.find((f) => f.category === 'de_facto_unsupported')
  grid(doc, [
    [s(H.child)],
    [
      l(LABELS.name),
      v(a['child.name']),
      l(LABELS.sex),
      v(a['child.sex']),
      l(LABELS.ethnicity),
      v(a['child.ethnicity']),
      l(LABELS.birthDate),
      v(a['child.birthDate']),
    ],
    [l(LABELS.idNumber), v(a['child.idNumber'], 3), l(LABELS.schooling), v(a['child.schooling']), l(LABELS.health), v(a['child.health'])],
    [l(LABELS.hukou), v(a['child.hukouRegion'], 7)],
    [l(LABELS.residence), v(a['child.residence'], 7)],
    [s(H.parents)],
    ...parentRows('father'),
    ...parentRows('mother'),
    [s(H.carer)],
    [
      l(LABELS.name),
      v(a['carer.name'] || a['care.arrangement']),
      l(LABELS.relation),
      v(a['carer.relation']),
      l(LABELS.idNumber),
      v(a['carer.idNumber'], 3),
    ],
    [l(LABELS.phone), v(a['carer.phone']), l(LABELS.address), v(a['carer.address'], 5)],
    [s(H.applicant)],
    [
      l(LABELS.name),
      v(input.applicant.name),
      l(LABELS.relation),
      v(input.applicant.relation),
      l(LABELS.phone),
      v(input.applicant.phone, 3),
    ],
    [s(H.basis)],
    [v([finding?.rule ?? '', ...(finding?.facts ?? []).map((f) => `· ${f}`)].join('\n'), 8)],
    [s(H.papers)],
    [
      v(
        papersFor(input.situations)
          .map((p, i) => `${i + 1}. ${p}`)
          .join('\n'),
        8,
      ),
    ],
    [s(H.missing)],
    [v([...input.classification.missing, ...input.classification.notes].map((m) => `· ${m}`).join('\n') || H.noneMissing, 8)],
  ])
  paragraph(doc, H.declaration, { size: 9 })
  spreadLine(doc, [`${H.applicantSign}${W.signatureBlank}`, `${H.date}${W.dateBlank}`], { weights: [3, 2] })
  signatureBoxes(doc, [H.village, H.township, H.county], `${H.stamp}  ${H.date}${W.dateBlank}`)
  const note = W.source(input.source.id, input.source.version, input.date)
  paragraph(doc, input.masked ? `${note}；${W.maskedNote}` : note, { size: 7 })
  return finish()
}
