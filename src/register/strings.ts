/**
 * Every word of the registration wizard, the review-and-consent step, the done page and one registration's
 * page. The fields' labels and hints are the form's (src/record/strings.ts); labels of parent situations,
 * code tables and consent text come from src/domain.
 */
export const ID_TEXT = {
  parsed: (birth: string, sex: string, age?: number) =>
    `身份证号码显示：出生日期${birth}，${sex}${age === undefined ? '' : `，现在${age}周岁`}。`,
  invalid: (reason: string) => `这个号码有问题：${reason}`,
  filled: '已按身份证号码填好出生日期和性别，请核对。',
  birthMismatch: (chosen: string, fromId: string) =>
    `您选择的出生日期是${chosen}，但身份证号码上是${fromId}。两者应当一致，请对照户口本核对。`,
  sexMismatch: (chosen: string, fromId: string) => `您选择的性别是“${chosen}”，但身份证号码显示是“${fromId}”。请对照户口本核对。`,
  useIdBirth: '改为身份证上的出生日期',
  useIdSex: '改为身份证上的性别',
  age: (age: number) => `现在${age}周岁。`,
} as const

export const CONTACT_TEXT = {
  copyFrom: (who: string) => `填报人就是${who}`,
  carer: '照护人',
  father: '父亲',
  mother: '母亲',
} as const

export const WIZARD_TEXT = {
  title: '登记孩子信息',
  missingDraft: '没有找到这份登记，可能已经提交或删除。',
  backHome: '回到首页',
  prev: '上一步',
  next: '下一步',
  toReview: '保存并回到确认页',
  saveExit: '保存，以后再填',
  savedNote: '填写的内容会自动保存在手机上，退出后可以接着填。',
} as const

/** Correcting a registration the reviewer returned or the server refused. */
export const FIX_TEXT = {
  returnedHeading: '请修改退回的登记',
  rejectedHeading: '请修改后重新提交',
  reason: (reason: string) => `原因：${reason}`,
  fieldsIntro: '需要修改的地方（点一下可以直接去改）：',
  stepItem: (n: number, title: string) => `第${n}步 ${title}`,
  flagReturned: '工作人员请您核对、修改这一项',
  flagCheck: '请检查、修改这一项',
  resubmitNote: '改好后，到第5步“确认提交”重新提交。',
  unchanged: '内容还没有修改。请按退回的原因修改后再提交。',
} as const

export const REVIEW_TEXT = {
  intro: '请核对下面的全部信息。需要改的，点“修改”回到那一步。',
  messagesHint: '提交后微信会问您要不要接收通知。点“允许”，登记被退回或审核通过时，微信会告诉您。',
  edit: '修改',
  suggestHeading: '可能属于的类别',
  suggestIntro: '根据您填写的信息，孩子可能属于：',
  suggestNone: '根据目前填写的信息，还看不出孩子属于哪一类。工作人员核实后会告诉您结果。',
  because: '原因：',
  rule: '依据：',
  suggestNote: '这只是根据填写内容的初步提示，最终以村（居）儿童主任核实、民政部门认定的结果为准。',
  missingHeading: '还需要补充或核实的情况',
  notesHeading: '请留意',
  incompleteHeading: '还有没填好的地方',
  incompleteItem: (step: string, n: number) => `${step}：还有${n}处需要填写或修改`,
  goFix: '去修改',
  consentHeading: '监护人同意书',
  consentVersion: (v: string) => `版本：${v}`,
  submit: '同意并提交',
  needConsent: '请先阅读同意书，并勾选下面的同意声明。',
  submitBlocked: '还有没填好的地方，请先修改后再提交。',
  submitted: '已保存到待提交列表',
} as const

export const DONE_TEXT = {
  title: '登记已保存',
  body: (name: string) => `${name}的登记已经保存在手机上，有网络时会自动提交给村（居）儿童主任核实。提交的情况：`,
  keepApp: '提交上之前，请不要删除本小程序。没有网络也没关系，有网络时会自动提交。',
  sentTitle: '登记已提交',
  sentBody: (name: string) => `${name}的登记已经提交给村（居）儿童主任。下面是现在的情况和下一步：`,
  mine: '查看我的登记',
  another: '再登记一个孩子（兄弟姐妹）',
  anotherHint: '会自动带上父母、照料和家庭情况，只需填写孩子的信息。',
  home: '回到首页',
} as const

/** One registration's page (register/record): what the reviewer or the server said, the two versions of a conflict, the history. */
export const RECORD_TEXT = {
  missing: '手机上没有这份登记。',
  returnedHeading: '退回修改',
  returnedBy: (role: string) => `${role}把这份登记退回了，请按原因修改后重新提交。`,
  reason: (reason: string) => `原因：${reason}`,
  fieldsHeading: '需要修改的地方：',
  rejectedHeading: '没有提交成功',
  issuesHeading: '需要修改的地方：',
  issue: (label: string, message: string) => `${label}：${message}`,
  conflictHeading: '两个版本不一样',
  conflictIntro:
    '您手机上的修改和服务器上的内容不一样（可能在别的手机上改过，或工作人员又退回了一次）。请对照下面不一样的地方，选一份保留。',
  conflictField: '内容',
  mine: '我手机上的',
  theirs: '服务器上的',
  noDifference: '两边填写的内容相同，只是版本不同。',
  keepMine: '保留我手机上的，重新提交',
  keepTheirs: '以服务器上的为准',
  keepTheirsTitle: '以服务器上的为准？',
  keepTheirsBody: '您手机上的这次修改会被放弃，保留服务器上的内容。',
  keepMineBlocked: '服务器上的这份登记现在不能修改（正在核实或已处理），只能以服务器上的为准。',
  confirm: '确定',
  cancel: '取消',
  accessHeading: '谁看过这条登记',
  accessIntro: '为保护孩子的信息，工作人员每次查看都会记录。这里列出查看过的级别。',
  accessNone: '还没有工作人员查看过。',
  accessLevel: (level: string, n: number, last: string) => `${level}：${n}次，最近一次 ${last}`,
  historyHeading: '处理记录',
  historyLoading: '正在读取处理记录…',
  historyOffline: '没有网络，暂时看不到处理记录。',
  historyNone: '还没有处理记录（提交到服务器后才有）。',
  historyItem: (at: string, action: string, who: string, to: string) => `${at}  ${who}：${action}（${to}）`,
  change: (label: string, from: string, to: string) => `${label}：${from} → ${to}`,
  blank: '（空）',
} as const

/** 动态更新: the quarter's question on a confirmed record, and the update sent through the wizard. */
export const QUARTERLY_TEXT = {
  heading: (quarter: string) => `${quarter}情况确认`,
  ask: '孩子和家里的情况（住址、父母外出、照料人、上学、身体、家庭经济等）这个季度有没有变化？',
  unchanged: '没有变化',
  changed: '有变化，去更新',
  continueUpdate: '继续填写更新',
  busy: '正在提交…',
  answeredUnchanged: (at: string) => `您已确认本季度没有变化（${at}）。下个季度还会再问您。`,
  answeredChanged: (at: string) => `您已在本季度提交更新（${at}），正在逐级审核，审核期间照常保障。`,
  cannotChange: '登记正在办理其他事项（更新审核或终止），现在只能确认“没有变化”，办理完成后再更新。',
  thanks: '已确认，谢谢您',
  offline: '没有连上服务器，请有网络时再点一次。',
  failed: '没有提交成功，请稍后再试。',
  bannerHeading: '更新孩子和家里的情况',
  bannerNote: '把有变化的地方改好，到第5步“确认提交”。提交后由村、乡镇、县逐级审核，审核期间照常保障。',
  unchangedDraft: '内容和已确认的登记一样。如果没有变化，回到登记页点“没有变化”即可。',
  sent: '更新已提交，等待审核',
  moved: '已转给迁入地的儿童主任办理迁移',
} as const
