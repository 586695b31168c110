/**
 * Code tables of the registration form (docs/policy.md, "Code tables of the form"). Each table is the one
 * source of its codes and Chinese labels: the schema builds its enums from them, pages render their options
 * from them, and the server's roster export prints their labels.
 */

export interface CodeItem<C extends string = string> {
  readonly code: C
  readonly label: string
}

type Codes<T extends readonly CodeItem[]> = T[number]['code']

/** The codes of a table, typed as a non-empty tuple so that zod's enum accepts them. */
export function codesOf<T extends readonly CodeItem[]>(table: T): [Codes<T>, ...Codes<T>[]] {
  return table.map((item) => item.code) as [Codes<T>, ...Codes<T>[]]
}

/** The label of a code, or the code itself when the table does not know it (never an empty cell). */
export function labelOf(table: readonly CodeItem[], code: string | undefined): string {
  if (code === undefined) return ''
  return table.find((item) => item.code === code)?.label ?? code
}

export const SEXES = [
  { code: 'male', label: '男' },
  { code: 'female', label: '女' },
] as const

/**
 * 民族, GB/T 3304-1991, codes 01–56. 97 and 98 are recalled, not confirmed against the standard (⚠ in
 * docs/policy.md); they are kept because without them a child of an unrecognised group could not be entered.
 */
export const ETHNICITIES = [
  { code: '01', label: '汉族' },
  { code: '02', label: '蒙古族' },
  { code: '03', label: '回族' },
  { code: '04', label: '藏族' },
  { code: '05', label: '维吾尔族' },
  { code: '06', label: '苗族' },
  { code: '07', label: '彝族' },
  { code: '08', label: '壮族' },
  { code: '09', label: '布依族' },
  { code: '10', label: '朝鲜族' },
  { code: '11', label: '满族' },
  { code: '12', label: '侗族' },
  { code: '13', label: '瑶族' },
  { code: '14', label: '白族' },
  { code: '15', label: '土家族' },
  { code: '16', label: '哈尼族' },
  { code: '17', label: '哈萨克族' },
  { code: '18', label: '傣族' },
  { code: '19', label: '黎族' },
  { code: '20', label: '傈僳族' },
  { code: '21', label: '佤族' },
  { code: '22', label: '畲族' },
  { code: '23', label: '高山族' },
  { code: '24', label: '拉祜族' },
  { code: '25', label: '水族' },
  { code: '26', label: '东乡族' },
  { code: '27', label: '纳西族' },
  { code: '28', label: '景颇族' },
  { code: '29', label: '柯尔克孜族' },
  { code: '30', label: '土族' },
  { code: '31', label: '达斡尔族' },
  { code: '32', label: '仫佬族' },
  { code: '33', label: '羌族' },
  { code: '34', label: '布朗族' },
  { code: '35', label: '撒拉族' },
  { code: '36', label: '毛南族' },
  { code: '37', label: '仡佬族' },
  { code: '38', label: '锡伯族' },
  { code: '39', label: '阿昌族' },
  { code: '40', label: '普米族' },
  { code: '41', label: '塔吉克族' },
  { code: '42', label: '怒族' },
  { code: '43', label: '乌孜别克族' },
  { code: '44', label: '俄罗斯族' },
  { code: '45', label: '鄂温克族' },
  { code: '46', label: '德昂族' },
  { code: '47', label: '保安族' },
  { code: '48', label: '裕固族' },
  { code: '49', label: '京族' },
  { code: '50', label: '塔塔尔族' },
  { code: '51', label: '独龙族' },
  { code: '52', label: '鄂伦春族' },
  { code: '53', label: '赫哲族' },
  { code: '54', label: '门巴族' },
  { code: '55', label: '珞巴族' },
  { code: '56', label: '基诺族' },
  { code: '97', label: '其他未识别民族' },
  { code: '98', label: '外国血统中国籍人士' },
] as const

/**
 * 与儿童关系, the useful subset of GB/T 4761-2008 家庭关系代码 (docs/policy.md). Listed in the order a family
 * names itself — parents, grandparents, brother and sister, then the wider family — not by code; the codes
 * are the standard's and are what is stored. 71 is the standard's 兄, shown as 哥哥 beside 姐姐 (75).
 */
export const RELATIONS = [
  { code: '51', label: '父亲' },
  { code: '52', label: '母亲' },
  { code: '61', label: '祖父' },
  { code: '62', label: '祖母' },
  { code: '63', label: '外祖父' },
  { code: '64', label: '外祖母' },
  { code: '71', label: '哥哥' },
  { code: '75', label: '姐姐' },
  { code: '57', label: '继父或养父' },
  { code: '58', label: '继母或养母' },
  { code: '81', label: '伯父' },
  { code: '82', label: '伯母' },
  { code: '83', label: '叔父' },
  { code: '84', label: '婶母' },
  { code: '85', label: '舅父' },
  { code: '86', label: '舅母' },
  { code: '87', label: '姨夫' },
  { code: '88', label: '姨母' },
  { code: '89', label: '姑父' },
  { code: '90', label: '姑母' },
  { code: '66', label: '曾祖父' },
  { code: '67', label: '曾祖母' },
  { code: '91', label: '堂兄弟姐妹' },
  { code: '92', label: '表兄弟姐妹' },
  { code: '97', label: '其他亲属' },
  { code: '99', label: '非亲属' },
] as const

/**
 * 残疾类别, the digit that the 20-character 残疾人证号 carries in position 19 (GB/T 26341-2010).
 * One source swaps 1 and 2; most say 1 = 视力 (⚠ in docs/policy.md), which is what this table follows.
 */
export const DISABILITY_CATEGORIES = [
  { code: '1', label: '视力残疾' },
  { code: '2', label: '听力残疾' },
  { code: '3', label: '言语残疾' },
  { code: '4', label: '肢体残疾' },
  { code: '5', label: '智力残疾' },
  { code: '6', label: '精神残疾' },
  { code: '7', label: '多重残疾' },
] as const

/** 残疾等级: 一级 is the most severe. Position 20 of the 残疾人证号. */
export const DISABILITY_GRADES = [
  { code: '1', label: '一级' },
  { code: '2', label: '二级' },
  { code: '3', label: '三级' },
  { code: '4', label: '四级' },
] as const

/**
 * A parent's situation. The set S of 民发〔2019〕62号 plus the two 2020 additions (民发〔2020〕125号), the two
 * "gateway" situations 死亡 / 宣告失踪, and the everyday ones of the left-behind form (在家, 外出务工).
 */
export const PARENT_SITUATIONS = [
  { code: 'at_home', label: '在家' },
  { code: 'migrant_work', label: '外出务工' },
  { code: 'deceased', label: '死亡' },
  { code: 'declared_missing', label: '宣告失踪' },
  { code: 'lost_contact', label: '失联' },
  { code: 'imprisoned', label: '服刑在押' },
  { code: 'drug_rehab', label: '强制隔离戒毒' },
  { code: 'liberty_restricted', label: '被执行其他限制人身自由的措施' },
  { code: 'severe_illness', label: '重病' },
  { code: 'severe_disability', label: '重残' },
  { code: 'guardianship_revoked', label: '被撤销监护资格' },
  { code: 'deported', label: '被遣送（驱逐）出境' },
  { code: 'unidentified', label: '查找不到（身份不明）' },
  { code: 'other', label: '其他' },
] as const

/** 就学情况 of the 2016 national form. 辍学 = left compulsory education; 不在学 = aged 14–16 and not in school. */
export const SCHOOLING = [
  { code: 'not_in_kindergarten', label: '未入园' },
  { code: 'kindergarten', label: '幼儿园' },
  { code: 'primary', label: '小学' },
  { code: 'junior', label: '初中' },
  { code: 'senior', label: '高中' },
  { code: 'vocational', label: '中职' },
  { code: 'dropout', label: '辍学' },
  { code: 'not_in_school', label: '不在学' },
] as const

/** 身体情况 of the 2016 form; a child can be both ill and disabled, so that is a choice of its own. */
export const HEALTH = [
  { code: 'healthy', label: '健康' },
  { code: 'ill', label: '患病' },
  { code: 'disabled', label: '残疾' },
  { code: 'disabled_ill', label: '残疾且患病' },
] as const

/** 户口性质: 留守儿童 requires a rural hukou (民发〔2016〕42号). */
export const HUKOU_TYPES = [
  { code: 'rural', label: '农村户口' },
  { code: 'urban', label: '城镇户口' },
] as const

/**
 * 家庭经济状况. 低保 and 特困 are confirmed labels; 低保边缘 and 防止返贫监测对象 are the post-2021 低收入人口
 * categories as recalled (⚠ in docs/policy.md: not confirmed against a published list).
 */
export const ECONOMIC_STATUSES = [
  { code: 'none', label: '一般家庭' },
  { code: 'dibao', label: '最低生活保障对象（低保）' },
  { code: 'tekun', label: '特困人员' },
  { code: 'dibao_edge', label: '低保边缘家庭' },
  { code: 'monitored', label: '防止返贫监测对象' },
] as const

/** 家庭经济来源 (2016 form D, multi-select). */
export const INCOME_SOURCES = [
  { code: 'wages', label: '打工收入' },
  { code: 'farming', label: '种养殖业' },
  { code: 'government_aid', label: '政府救助' },
  { code: 'relatives', label: '亲朋接济' },
  { code: 'other', label: '其他' },
] as const

/** 已享受的救助帮扶 (2016 form E, multi-select). */
export const ASSISTANCE = [
  { code: 'dibao', label: '享受低保' },
  { code: 'temporary', label: '临时救助' },
  { code: 'medical', label: '医疗救助' },
  { code: 'housing', label: '住房救助' },
  { code: 'other', label: '其他救助' },
] as const

/**
 * The four grandparents of 民发〔2016〕42号 附件1 (section B 家庭情况), in the form's order: 祖父, 祖母, 外祖父,
 * 外祖母. The label names the side as people say it at home, so a grandmother filling in knows which is which.
 */
export const GRANDPARENTS = [
  { code: 'paternalGrandfather', label: '祖父（爷爷）' },
  { code: 'paternalGrandmother', label: '祖母（奶奶）' },
  { code: 'maternalGrandfather', label: '外祖父（外公）' },
  { code: 'maternalGrandmother', label: '外祖母（外婆）' },
] as const

/** A grandparent is living (name, and a birth date when known), dead (the form prints “—”), or not known. */
export const GRANDPARENT_STATUSES = [
  { code: 'living', label: '健在' },
  { code: 'deceased', label: '已故' },
  { code: 'unknown', label: '不详' },
] as const

/** 需要的帮助, asked in step 4 (家庭情况): the project's own list. */
export const NEEDS = [
  { code: 'living', label: '生活' },
  { code: 'education', label: '教育' },
  { code: 'medical', label: '医疗' },
  { code: 'psychological', label: '心理' },
  { code: 'guardianship', label: '监护' },
  { code: 'safety', label: '安全保护' },
] as const

/** Who the child actually lives with and is cared for by. */
export const CARE_ARRANGEMENTS = [
  { code: 'both_parents', label: '父母共同照料' },
  { code: 'father', label: '父亲照料' },
  { code: 'mother', label: '母亲照料' },
  { code: 'carer', label: '委托他人照料' },
  { code: 'alone', label: '无人照料（独自生活）' },
] as const

/** 照护能力 of the entrusted carer, as the guardian judges it (the worker's own 监护情况评估 is separate). */
export const CARE_ABILITIES = [
  { code: 'good', label: '能照顾好' },
  { code: 'fair', label: '基本能照顾' },
  { code: 'poor', label: '照顾有困难' },
] as const
