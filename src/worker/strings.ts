/**
 * Every word the worker pages show. Labels of statuses, roles, actions, categories and visit codes come
 * from src/domain; the record's field labels from the wizard (register/strings.ts), so a field reads the
 * same to the guardian who typed it and to the worker who checks it.
 */
import type { WorkerRole } from '@/domain/api'

export const LOGIN_TEXT = {
  heading: '儿童主任、督导员和民政工作人员登录',
  intro: '请使用县级民政部门分配的账号登录。登录后只能看到本辖区的登记。',
  username: '用户名',
  password: '密码',
  usernamePlaceholder: '请输入用户名',
  passwordPlaceholder: '请输入密码',
  submit: '登录',
  busy: '正在登录…',
  missing: '请填写用户名和密码',
  guardianHint: '监护人请回到首页登记，不需要账号。',
  toHome: '回到首页',
} as const

export const HEADER_TEXT = {
  signedInAs: (name: string) => `当前账号：${name}`,
  region: (name: string) => `管辖地区：${name}`,
  noRegion: '账号未分配管辖地区，看不到任何登记，请联系县级民政部门',
  signOut: '退出登录',
  queue: '登记列表',
  overview: '统计与花名册',
  pendingVisits: (n: number) => `有${n}条走访记录还没有发送，联网后会自动发送`,
  signOutTitle: '退出登录',
  signOutPending: (n: number) => `还有${n}条走访记录没有发送。退出后，要用同一账号再次登录才会发送。`,
  signOutConfirm: '退出',
  signOutCancel: '取消',
} as const

export const QUEUE_TEXT = {
  statusLabel: '状态',
  categoryLabel: '类别',
  awaiting: '待我处理',
  allStatuses: '全部状态',
  allCategories: '全部类别',
  searchLabel: '按姓名或身份证号码查找',
  searchPlaceholder: '输入完整姓名或18位身份证号码',
  searchHint: '为保护儿童信息，只能按完整姓名或完整身份证号码查找。',
  search: '查找',
  clearSearch: '清除查找',
  total: (n: number) => `共${n}条`,
  loading: '正在加载…',
  empty: '没有符合条件的登记。',
  more: '加载更多',
  end: '已经到底了',
  duplicate: '可能重复',
  ageSex: (sex: string, age?: number) => `${sex}${age === undefined ? '' : `，${age}岁`}`,
  contact: (name: string, phone: string) => `填报人：${name}　${phone}`,
  updated: (when: string) => `更新于 ${when}`,
  open: '查看',
} as const

export const ENTRY_TEXT = {
  loading: '正在打开登记…',
  statusLine: (status: string, version: number) => `当前状态：${status}（第${version}版）`,
  village: (name: string) => `现住村（社区）：${name}`,
  maskedNote: '身份证号码和电话号码已隐藏，点“显示”查看，每次查看都会记录。',
  reveal: '显示',
  hide: '隐藏',
  // Each 显示 says which number it shows: a record has several masked numbers, one button beside each.
  revealName: (field: string) => `显示${field}`,
  hideName: (field: string) => `隐藏${field}`,
  revealing: '…',
  suggestHeading: '系统建议的类别',
  suggestNone: '按填写的信息，暂未符合任何类别的条件。',
  because: '依据的情况：',
  rule: '适用规定：',
  missingHeading: '还需要核实或补充：',
  notesHeading: '提示：',
  suggestNote: '以上只是按填写内容给出的建议，请结合入户核实的情况判断。',
  duplicatesHeading: '可能重复的登记',
  duplicateReason: { same_id_number: '身份证号码相同', same_name_birth_village: '姓名、出生日期和所在村（社区）相同' } as Record<
    string,
    string
  >,
  duplicateOpen: '打开',
  duplicateOutside: '不在您的管辖地区，无法打开',
  returnedHeading: '退回情况',
  returnedReason: (reason: string) => `退回原因：${reason}`,
  returnedFields: (labels: string) => `需要修改：${labels}`,
  jumpToActions: (heading: string) => `去${heading}（在页面下方）`,
  reload: '重新加载',
} as const

export const ACTION_TEXT = {
  /** The card's title says what this role does: 村 核实, 乡镇 审核, 县 确认. */
  headingFor: (role: WorkerRole) => (role === 'township_supervisor' ? '审核操作' : role === 'county_admin' ? '确认操作' : '核实操作'),
  none: '当前状态下，您的角色没有可以执行的操作。',
  done: (action: string) => `已${action}`,
  busy: '正在提交…',
  cancel: '取消',
  reasonLabel: '原因（必填，会告诉监护人）',
  refuseReasonLabel: '不予认定的理由（必填，书面说明）',
  reasonPlaceholder: '请写明原因',
  returnIntro: '请写明退回原因，并在下面勾选需要监护人修改的项目。',
  tickIntro: '需要修改的项目（可多选）：',
  whole: (label: string) => `${label}（全部）`,
  ticked: (labels: string) => `已勾选：${labels}`,
  noneTicked: '还没有勾选需要修改的项目。',
  confirmReturn: '确认退回',
  confirmVerify: '确认核实通过',
  verifyNoVisit: '这条登记还没有走访记录。一般应先入户走访，再核实通过。',
  verifyVisits: (n: number) => `已有${n}次走访记录。`,
  confirmApprove: '确认审核通过',
  confirmConfirm: '确认认定',
  confirmRefuse: '确认不予认定',
  approveIntro: '审核通过后，登记将报送县级民政部门确认。',
  confirmIntro: '确认后，这名儿童将列入本县的农村留守儿童和困境儿童名册。',
  refuseIntro: '不予认定需要书面说明理由，监护人会看到这条理由。',
  failed: '没有成功：',
  stale: '（已按最新情况重新加载，请再看一遍）',
} as const

export const TERMINATION_TEXT = {
  heading: '终止（减员）情况',
  reasonLabel: '终止原因',
  noteLabel: '情况说明（选“其他”时必填）',
  notePlaceholder: '发生了什么、什么时候，例如“父亲10月返乡务工，已在家照料”',
  returnReasonLabel: '退回原因（必填，会告诉提请的儿童主任）',
  proposeIntro: '孩子的情况有变化、不再符合条件时提请终止。乡镇（街道）审核同意、县级民政决定后才终止，此前照常保障。',
  agreeIntro: '同意后，终止申请报送县级民政决定。',
  terminateIntro: '决定终止后，从下个月起停止保障，监护人会看到“已终止”和原因。',
  returnIntro: '退回后登记恢复为“县级已确认”，照常保障；请写明退回原因。',
  confirmPropose: '确认提请终止',
  confirmAgree: '确认同意终止',
  confirmTerminate: '确认决定终止',
  confirmReturn: '确认退回终止申请',
  reason: (label: string) => `终止原因：${label}`,
  note: (note: string) => `情况说明：${note}`,
  proposedAt: (when: string) => `提请时间：${when}`,
  decidedAt: (when: string) => `决定时间：${when}`,
  stops: (month: string) => `自${month}起停止保障`,
  pending: '终止申请正在审核，审核完成前照常保障。',
} as const

/** 动态更新: a guardian's change to a confirmed record, checked again by every level. */
export const UPDATE_TEXT = {
  verifyIntro: '监护人在季度更新中修改了登记，历史记录里列出了改动。核实属实后报送乡镇（街道）审核；审核期间照常保障。',
  approveIntro: '审核通过后，变更报送县级民政确认。',
  acceptIntro: '确认后，变更后的内容成为已确认的登记。',
  returnIntro: '退回后，登记恢复为变更前已确认的内容，照常保障；监护人会看到退回原因。',
  returnReasonLabel: '退回原因（必填，会告诉监护人）',
  confirmVerify: '确认变更核实通过',
  confirmApprove: '确认变更审核通过',
  confirmAccept: '确认变更',
  confirmReturn: '确认退回变更',
} as const

/** 动态更新 on the overview: the quarter's completion by village; for the village, who has not answered. */
export const QUARTERLY_TEXT = {
  heading: (quarter: string) => `${quarter}动态更新`,
  intro: '每个季度请已确认儿童的监护人在小程序里确认情况有没有变化，或提交更新。',
  village: '村（社区）',
  due: '应确认',
  answered: '已确认',
  changed: '其中有更新',
  rate: '完成率',
  totals: (answered: number, due: number, changed: number) => `已确认${answered}/${due}人，其中${changed}人提交了更新。`,
  pendingHeading: '本季度还没有确认的',
  pendingNone: '本季度都已确认。',
  pendingHint: '请提醒这些监护人打开小程序，在登记页点“没有变化”或“有变化，去更新”。',
  pendingItem: (name: string, age: number | undefined) => (age === undefined ? name : `${name}（${age}岁）`),
  none: '辖区内还没有已确认的儿童。',
  loading: '正在加载本季度的动态更新…',
} as const

export const RECHECK_TEXT = {
  filter: '待复核',
  heading: '待复核',
  intro: '每天按当天日期重新判断已确认的登记。下面的情况已不再符合原来的类别，请核实后提请终止，或写明理由继续保障。',
  found: (day: string) => `发现日期：${day}`,
  lost: (labels: string) => `不再符合：${labels}`,
  keepIntro: '孩子仍需保障（例如仍属于其他类别，或年满18周岁仍在全日制学校就读）时，写明理由后继续保障，登记不再列入待复核。',
  keepReasonLabel: '复核说明（必填）',
  confirmKeep: '确认继续保障',
  empty: '没有待复核的登记。',
} as const

export const VISIT_TEXT = {
  heading: '记录走访',
  date: '走访日期',
  method: '核实方式',
  conclusion: '核实结论',
  assessment: '监护情况评估',
  finding: '发现监护问题',
  findingHint: '确认孩子监护缺失（无人照料）或监护不当（受到虐待、遗弃、伤害等）时选择；选择后孩子按困境儿童（安全困境）认定。',
  findingLine: (label: string) => `发现${label}`,
  notes: '走访情况记录',
  notesPlaceholder: '见到了谁、孩子的生活和上学情况、需要的帮助等（最多500字）',
  save: '保存走访记录',
  saved: '走访记录已保存',
  queued: '走访记录已保存在手机上，联网后会自动发送',
  outboxHeading: '待发送的走访记录',
  status: {
    queued: '等待发送',
    sending: '正在发送',
    failed: '发送失败，稍后自动重试',
    rejected: '服务器没有接受',
    conflict: '服务器没有接受',
    synced: '已发送',
  } as Record<string, string>,
  needSignIn: '请用记录这条走访的账号登录，登录后会自动发送',
  refused: '服务器没有接受这条走访记录',
  retry: '现在重试',
  discard: '删除',
  discardTitle: '删除这条走访记录',
  discardBody: '这条走访记录还没有发送到服务器，删除后无法恢复。',
  discardConfirm: '删除',
  discardCancel: '保留',
  nextTry: (time: string) => `下次自动重试：${time}`,
  when: (date: string, method: string) => `${date}　${method}`,
} as const

export const HISTORY_TEXT = {
  heading: '处理记录',
  empty: '还没有处理记录。',
  move: (from: string | null, to: string) => (from && from !== to ? `${from} → ${to}` : to),
  by: (role: string, name: string | null) => (name ? `${role}　${name}` : role),
  reason: (reason: string) => `原因：${reason}`,
  fields: (labels: string) => `需要修改：${labels}`,
  visit: (date: string, method: string, conclusion: string, assessment: string) =>
    `走访：${date}，${method}，结论“${conclusion}”，监护情况${assessment}`,
  notes: (notes: string) => `记录：${notes}`,
  changed: '监护人修改了：',
  change: (label: string, from: string, to: string) => `${label}：${from} → ${to}`,
  blank: '（空）',
} as const

export const OVERVIEW_TEXT = {
  region: (name: string) => `统计范围：${name}`,
  pickTownship: '乡镇（街道）',
  wholeCounty: '全县',
  total: (n: number) => `登记总数：${n}`,
  byCategory: '按类别和状态',
  byVillage: '按村（社区）和状态',
  category: '类别',
  village: '村（社区）',
  sum: '合计',
  noVillages: '还没有登记。',
  villageHint: '点一个村（社区）可以只看这个村的类别统计和花名册。',
  backUp: '返回上一级统计',
  categoryNote: '一名儿童可能同时属于几个类别，所以各类别相加可能多于总数。',
  exportHeading: '导出花名册',
  exportIntro: '花名册按国家登记表的栏目排列（Excel 文件），不含已撤回的登记。每次导出都会记录。',
  maskLabel: '隐藏身份证号码和电话号码',
  maskOn: '导出时隐藏身份证号码和电话号码',
  maskOff: '导出完整的身份证号码和电话号码（报送县级民政时使用）',
  download: '下载花名册',
  filename: (region: string, date: string) => `花名册-${region}-${date}.xlsx`,
  downloading: '正在生成…',
  downloaded: '花名册已下载',
  loading: '正在加载统计…',
  onlyUpper: '统计与花名册供乡镇（街道）儿童督导员和县级民政使用。',
} as const

export const ERROR_TEXT = {
  offline: '网络不通，请到信号好的地方再试。',
  signedOut: '登录已过期，请重新登录。',
  generic: '出了点问题，请稍后再试。',
} as const

export const SEX_TEXT: Record<string, string> = { male: '男', female: '女' }

export const PRINT_TEXT = {
  heading: '打印材料',
  intro: '按国家登记表格式生成，供入户时请家长核对签字、报送乡镇。每次生成都会记录。',
  form: '下载一人一表（PDF）',
  application: '下载事实无人抚养儿童基本生活补贴申请表（PDF）',
  applicationNote: '申请表列出了需要携带的证明材料，请交给监护人到户籍所在乡镇（街道）申请。',
  busy: '正在生成…',
  done: '已下载',
  formFile: (name: string, date: string) => `一人一表-${name}-${date}.pdf`,
  applicationFile: (name: string, date: string) => `事实无人抚养儿童基本生活补贴申请表-${name}-${date}.pdf`,
} as const
