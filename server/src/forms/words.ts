/**
 * Every word the printed forms show that is not a heading of an official layout (those live with their
 * layout: form-2016.ts, allowance-application.ts): answers, marks, the header, footer and signature lines,
 * the roster's own columns and sheets, file names.
 */
export const FORM_WORDS = {
  /** The files' creator (PDF Creator/Producer, the workbook's creator). */
  producer: '护童登记',
  yes: '是',
  no: '否',
  have: '有',
  haveNot: '无',
  listSeparator: '、',
  disabled: '残疾',
  ill: '患病',
  critical: '（重特大疾病）',
  /** The 2016 form: a grandparent who has died is entered as “—”. */
  deceasedMark: '—',
  unknown: '不详',
  chosen: '■',
  notChosen: '□',
  guardianshipTypes: {
    none: '无人监护',
    parentUnable: '父或母无监护能力',
    carerUnable: '受委托监护人监护能力不足',
    fair: '监护情况一般',
    good: '监护情况较好',
  },
  /** Header and footer of the roster and of the 一人一表 (民发〔2016〕42号 附件1). */
  unit: (name: string) => `填报单位（盖章）：${name}`,
  date: (date: string) => `填报日期：${date}`,
  village: (name: string) => `村（居）：${name}`,
  footer: ['单位负责人：', '复核人：', '填表人：'] as const,
  signatureBlank: '＿＿＿＿＿＿',
  dateBlank: '＿＿＿年＿＿月＿＿日',
  /** Generated from which record: the paper can be traced back to its version. */
  source: (id: string, version: number, today: string) => `登记编号 ${id}（第${version}版），${today}生成`,
  maskedNote: '身份证号码和电话号码已部分隐藏',
} as const

export const ROSTER_WORDS = {
  title: '农村留守儿童和困境儿童信息花名册',
  summarySheet: '汇总',
  summaryTitle: '农村留守儿童和困境儿童信息花名册汇总表',
  summaryColumns: ['序号', '村（居）', '登记人数', '农村留守儿童', '困境儿童', '事实无人抚养儿童', '孤儿'] as const,
  total: '合计',
  /** The app's own columns, after the national ones. */
  ownSection: '其他情况（本系统）',
  own: {
    arrangement: '照料安排',
    fatherSituation: '父亲情况',
    motherSituation: '母亲情况',
    economicStatus: '家庭经济状况',
    categories: '儿童类别',
    difficultyKinds: '困境儿童类别',
    deFactoFacts: '事实无人抚养情形',
    status: '状态',
    verifiedBy: '核实人',
    verifiedAt: '核实日期',
  },
  serial: '序号',
} as const

export const FILE_WORDS = {
  registrationForm: (name: string, date: string) => `一人一表-${name}-${date}.pdf`,
  application: (name: string, date: string) => `事实无人抚养儿童基本生活补贴申请表-${name}-${date}.pdf`,
  notDeFacto: '按登记的情况，这名儿童暂不符合事实无人抚养儿童的条件，不能生成补贴申请表',
} as const
