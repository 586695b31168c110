/**
 * The national registration form 《农村留守儿童基本情况登记表》, 附件1 of 民发〔2016〕42号 (docs/forms.md):
 * its sections A–E, every heading in the form's words and order, and where each answer goes on an A4 page.
 * The roster (one row per child) and the 一人一表 (one page per child) are both drawn from this file, so a
 * later edition of the form is a change here.
 */
import { ASSISTANCE, INCOME_SOURCES, SCHOOLING } from '../../../src/domain/codes'

export const FORM_2016_TITLE = '农村留守儿童基本情况登记表'

export interface FormField {
  /** The key of the answer (answers.ts). */
  key: string
  /** The heading of the column (within its group, if any). */
  label: string
  /** Options printed on paper with the chosen ones marked (身体情况, 就学情况, D, E). */
  choices?: readonly string[]
  /** A number Excel must keep as text (ID and phone numbers). */
  text?: boolean
  /** Column width in the roster, in characters. */
  width?: number
}

export interface FormGroup {
  /** 祖父, 父亲, 委托监护人 …: a person whose fields sit under one heading. */
  group: string
  fields: FormField[]
}

export interface FormSection {
  code: 'A' | 'B' | 'C' | 'D' | 'E'
  title: string
  items: (FormField | FormGroup)[]
}

const YES_NO = ['是', '否'] as const
const person = (group: string, key: string): FormGroup => ({
  group,
  fields: [
    { key: `${key}.name`, label: '姓名', width: 8 },
    { key: `${key}.birthDate`, label: '出生日期', width: 11 },
  ],
})
const parent = (group: string, key: string): FormGroup => ({
  group,
  fields: [
    { key: `${key}.name`, label: '姓名', width: 8 },
    { key: `${key}.birthDate`, label: '出生日期', width: 11 },
    { key: `${key}.workPlace`, label: '当前务工地点', width: 14 },
    { key: `${key}.phone`, label: '联系电话', text: true, width: 13 },
    { key: `${key}.idNumber`, label: '公民身份证号码', text: true, width: 20 },
  ],
})

export const FORM_2016: readonly FormSection[] = [
  {
    code: 'A',
    title: '留守儿童个人基本情况',
    items: [
      { key: 'child.name', label: '姓名', width: 8 },
      { key: 'child.sex', label: '性别', width: 5 },
      { key: 'child.ethnicity', label: '民族', width: 6 },
      { key: 'child.birthDate', label: '出生日期', width: 11 },
      { key: 'child.idNumber', label: '公民身份证号码', text: true, width: 20 },
      { key: 'child.hasHukou', label: '是否登记户口', choices: YES_NO, width: 6 },
      { key: 'child.hukouRegion', label: '户籍所在地', width: 26 },
      { key: 'child.residence', label: '现居住地', width: 30 },
      { key: 'child.health', label: '身体情况', choices: ['健康', '残疾', '患病'], width: 8 },
      { key: 'child.disability', label: '残疾类别及等级', width: 12 },
      { key: 'child.illness', label: '患病类型', width: 12 },
      { key: 'child.boarding', label: '是否学校寄宿', choices: YES_NO, width: 6 },
      { key: 'child.schooling', label: '就学情况', choices: SCHOOLING.map((s) => s.label), width: 8 },
    ],
  },
  {
    code: 'B',
    title: '家庭情况',
    items: [
      person('祖父', 'grandparents.paternalGrandfather'),
      person('祖母', 'grandparents.paternalGrandmother'),
      person('外祖父', 'grandparents.maternalGrandfather'),
      person('外祖母', 'grandparents.maternalGrandmother'),
      parent('父亲', 'father'),
      parent('母亲', 'mother'),
    ],
  },
  {
    code: 'C',
    title: '实际监护情况',
    items: [
      { key: 'care.bothAway', label: '父母双方同时外出', choices: YES_NO, width: 8 },
      { key: 'care.oneAwayOtherUnable', label: '父母一方外出、另一方无监护能力', choices: YES_NO, width: 10 },
      { key: 'care.unableParent', label: '无监护能力的一方', choices: ['父亲', '母亲'], width: 8 },
      { key: 'care.entrusted', label: '父母外出有无委托其他监护人', choices: ['有', '无'], width: 10 },
      {
        group: '委托监护人',
        fields: [
          { key: 'carer.name', label: '姓名', width: 8 },
          { key: 'carer.phone', label: '联系电话', text: true, width: 13 },
          { key: 'carer.idNumber', label: '公民身份证号码', text: true, width: 20 },
          { key: 'carer.relation', label: '与被监护人关系', width: 8 },
          { key: 'carer.address', label: '居住地地址', width: 26 },
        ],
      },
      {
        key: 'care.type',
        label: '监护类型',
        width: 14,
        choices: ['无人监护', '父或母无监护能力', '受委托监护人监护能力不足', '监护情况一般', '监护情况较好'],
      },
      { key: 'care.assessment', label: '监护情况评估', choices: ['较好', '一般', '差'], width: 8 },
    ],
  },
  {
    code: 'D',
    title: '家庭经济来源',
    items: [{ key: 'family.incomeSources', label: '家庭经济来源', choices: INCOME_SOURCES.map((s) => s.label), width: 16 }],
  },
  {
    code: 'E',
    title: '救助帮扶情况',
    items: [{ key: 'family.assistance', label: '救助帮扶情况', choices: ASSISTANCE.map((s) => s.label), width: 16 }],
  },
]

export const isGroup = (item: FormField | FormGroup): item is FormGroup => 'group' in item

/** Every field with its section and group, in the form's order (the roster's columns). */
export function formColumns(sections: readonly FormSection[] = FORM_2016): { section: FormSection; group?: string; field: FormField }[] {
  return sections.flatMap((section) =>
    section.items.flatMap((item) =>
      isGroup(item) ? item.fields.map((field) => ({ section, group: item.group, field })) : [{ section, field: item }],
    ),
  )
}

/**
 * The 一人一表 on A4: rows of cells over an 8-column grid. A cell is a heading (`label`, drawn shaded), an
 * answer (`key`, its `choices` printed with the chosen ones marked), or a section title; `span` columns wide.
 */
export type GridCell = { label: string; span?: number } | { key: string; span?: number } | { section: string; span?: number }

const L = (label: string, span = 1): GridCell => ({ label, span })
const V = (key: string, span = 1): GridCell => ({ key, span })
const S = (section: FormSection['code']): GridCell[] => {
  const s = FORM_2016.find((x) => x.code === section)!
  return [{ section: `${s.code}. ${s.title}`, span: 8 }]
}
const grand = (a: string, la: string, b: string, lb: string): GridCell[] => [
  L(`${la}姓名`),
  V(`grandparents.${a}.name`),
  L('出生日期'),
  V(`grandparents.${a}.birthDate`),
  L(`${lb}姓名`),
  V(`grandparents.${b}.name`),
  L('出生日期'),
  V(`grandparents.${b}.birthDate`),
]
const parentRows = (who: string, key: string): GridCell[][] => [
  [L(`${who}姓名`), V(`${key}.name`), L('出生日期'), V(`${key}.birthDate`), L('当前务工地点'), V(`${key}.workPlace`, 3)],
  [L('联系电话'), V(`${key}.phone`), L('公民身份证号码'), V(`${key}.idNumber`, 2), L(`${who}情况`), V(`${key}.situation`, 2)],
]

export const FORM_2016_GRID: readonly GridCell[][] = [
  S('A'),
  [L('姓名'), V('child.name'), L('性别'), V('child.sex'), L('民族'), V('child.ethnicity'), L('出生日期'), V('child.birthDate')],
  [L('公民身份证号码'), V('child.idNumber', 3), L('是否登记户口'), V('child.hasHukou'), L('是否学校寄宿'), V('child.boarding')],
  [L('户籍所在地'), V('child.hukouRegion', 7)],
  [L('现居住地'), V('child.residence', 7)],
  [L('身体情况'), V('child.health', 3), L('残疾类别及等级'), V('child.disability'), L('患病类型'), V('child.illness')],
  [L('就学情况'), V('child.schooling', 7)],
  S('B'),
  grand('paternalGrandfather', '祖父', 'paternalGrandmother', '祖母'),
  grand('maternalGrandfather', '外祖父', 'maternalGrandmother', '外祖母'),
  ...parentRows('父亲', 'father'),
  ...parentRows('母亲', 'mother'),
  S('C'),
  [
    L('父母双方同时外出'),
    V('care.bothAway'),
    L('父母一方外出、另一方无监护能力'),
    V('care.oneAwayOtherUnable'),
    L('无监护能力的一方'),
    V('care.unableParent'),
    L('父母外出有无委托其他监护人'),
    V('care.entrusted'),
  ],
  [L('委托监护人姓名'), V('carer.name'), L('联系电话'), V('carer.phone'), L('公民身份证号码'), V('carer.idNumber', 3)],
  [L('与被监护人关系'), V('carer.relation'), L('居住地地址'), V('carer.address', 5)],
  [L('监护类型'), V('care.type', 7)],
  [L('监护情况评估'), V('care.assessment', 7)],
  S('D'),
  [L('家庭经济来源'), V('family.incomeSources', 7)],
  S('E'),
  [L('救助帮扶情况'), V('family.assistance', 7)],
]
