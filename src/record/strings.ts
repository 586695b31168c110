/**
 * The words of the registration form, shared by the guardian's wizard and the workers' record view so a
 * field reads the same on both sides: labels and hints per record path, section titles, and how an
 * answer reads (是/否, lists, nothing filled in). Labels of parent situations and code tables are the
 * domain's (src/domain/parents.ts, codes.ts).
 */
export const FIELD_LABELS = {
  'child.name': '儿童姓名',
  'child.hasHukou': '是否已登记户口',
  'child.idNumber': '儿童身份证号码',
  'child.sex': '性别',
  'child.birthDate': '出生日期',
  'child.ethnicity': '民族',
  'child.hukouType': '户口性质',
  'child.hukouRegion': '户籍地（村/社区）',
  'child.residenceRegion': '现住址（村/社区）',
  'child.residenceAddress': '详细地址（门牌号）',
  'child.schooling': '就学情况',
  'child.boarding': '是否在学校寄宿',
  'child.health': '身体情况',
  'child.illness.name': '所患疾病',
  'child.illness.critical': '是否为重特大疾病',
  'child.disability.category': '残疾类别',
  'child.disability.grade': '残疾等级',
  'child.disability.certificateNo': '残疾人证号',
  'guardianship.arrangement': '孩子平时由谁照料',
  'guardianship.carer.name': '照护人姓名',
  'guardianship.carer.idNumber': '照护人身份证号码',
  'guardianship.carer.relation': '照护人与孩子的关系',
  'guardianship.carer.phone': '照护人联系电话',
  'guardianship.carer.address': '照护人居住地址',
  'guardianship.carer.ability': '照护能力',
  'guardianship.carer.entrustmentSigned': '是否签订委托照护协议',
  'guardianship.contact.name': '填报人姓名',
  'guardianship.contact.relation': '填报人与孩子的关系',
  'guardianship.contact.phone': '填报人联系电话',
  'family.economicStatus': '家庭经济状况',
  'family.incomeSources': '家庭经济来源（可多选）',
  'family.assistance': '已享受的救助（可多选，没有就不选）',
  'family.needs': '需要的帮助（可多选）',
  'family.needsNote': '其他困难或需求说明',
} as const

export const HINTS = {
  'child.hasHukou': '已登记户口的孩子，请按户口本填写身份证号码。',
  'child.idNumber': '18位，最后一位可能是X。填好后会自动带出出生日期和性别。',
  'child.disability.certificateNo': '20位：孩子的身份证号码，加上残疾类别和等级两位数字。',
  'parent.situation': '请选最符合的一项。选了以后，下面只会出现这种情况需要填写的内容。',
  'parent.disabilityCertNo': '20位：身份证号码，加上残疾类别和等级两位数字。',
  'guardianship.arrangement': '父母都不在家时，请选“委托他人照料”，并填写照护人的信息。',
  'guardianship.contact': '村（居）儿童主任核实时会联系填报人。',
  'family.needsNote': '可以写下家里的其他困难，最多200字。',
  'family.grandparents': '已去世的选“已故”，不清楚的选“不详”。出生日期不记得可以不填。',
} as const

/** 祖父（爷爷） → 祖父姓名, 祖父出生日期. */
export const GRANDPARENT_TEXT = {
  short: (label: string) => label.replace(/（.*）$/, ''),
  name: (who: string) => `${who}姓名`,
  birthDate: (who: string) => `${who}出生日期`,
} as const

export const FIELD_EXTRAS = {
  sameAsHukou: '与户籍地相同',
  /** 父亲目前的情况 */
  parentSituation: (who: string, situation: string) => `${who}目前的${situation}`,
} as const

export const SECTION_TITLES = {
  carer: '委托照护人',
  contact: '填报人',
  grandparents: '祖父母、外祖父母',
} as const

/** How answers read on the review page and in the record view. */
export const ANSWER_TEXT = {
  yes: '是',
  no: '否',
  list: (items: string[]) => (items.length ? items.join('、') : '无'),
  empty: '未填写',
} as const
