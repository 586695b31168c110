/**
 * Every word of the guardian's registrations outside the wizard: sending and the server's answers (badges,
 * summaries, reasons), 我的登记 and each registration's row, drafts kept or deleted. The record page's own
 * words (a conflict's two versions and the guardian's choice among them) are in register/strings.ts, with
 * the subpackage, so that the main package does not carry them.
 */

const china = (d: Date) => new Date(d.getTime() + 8 * 3600 * 1000)
const pad = (n: number) => String(n).padStart(2, '0')

/** 11月28日 15:30, in China time. */
export function savedAt(iso: string): string {
  const t = china(new Date(iso))
  return `${t.getUTCMonth() + 1}月${t.getUTCDate()}日 ${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}`
}

/** 10:32 in China time (retry times are minutes away); with the date when it is not today. */
export function clockTime(iso: string, now: Date = new Date()): string {
  const t = china(new Date(iso))
  const hm = `${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}`
  return t.toISOString().slice(0, 10) === china(now).toISOString().slice(0, 10) ? hm : savedAt(iso)
}

export const SYNC_TEXT = {
  queued: '待提交',
  queuedDetail: '有网络时会自动提交。',
  sending: '正在提交…',
  failed: '还没提交上',
  failedOffline: (at: string) => `网络不通，${at}会自动再试一次。`,
  failedServer: (at: string) => `服务器暂时没有回应，${at}会自动再试一次。`,
  rejected: '需要修改',
  conflict: '需要您选择',
  conflictDetail: '这份登记在别处被改过，请看看两边的内容，选一份保留。',
  unchanged: '内容还没有修改。请按退回的原因修改后再提交。',
  gone: '这份登记已经撤回，不能再提交。可以从手机上删除。',
  rejectedFallback: '服务器没有接收这份登记，请检查后重新提交。',
  returnedReason: (reason: string) => `退回原因：${reason}`,
  /**
   * What happens next at each status on the server, and how long it usually takes (the time limits of
   * the township's and the county's steps: docs/guardian-app.md).
   */
  next: {
    submitted: '下一步：村（居）儿童主任会打电话或上门了解情况，再核实。开始核实前，您可以撤回。',
    village_review: '村（居）儿童主任正在核实，可能会打电话或上门。核实后交乡镇（街道）审核。',
    verified: '村里已核实。下一步由乡镇（街道）审核，一般在15个工作日内。',
    township_approved: '乡镇（街道）已审核。下一步由县级民政部门确认，一般在15个工作日内，确认后儿童主任会告诉您。',
    confirmed: '县级民政部门已确认。儿童主任会告诉您孩子能得到哪些帮助，以后也会定期来看看孩子。',
    rejected: '经核实，暂不符合认定条件。有疑问可以问村（居）儿童主任；情况有变化时可以重新登记。',
    withdrawn: '这份登记已经撤回，不会再处理。需要时可以重新登记。',
    update_village: '您提交的更新正在由村（居）儿童主任核实，之后交乡镇（街道）、县级民政审核。审核期间照常保障。',
    update_township: '村里已核实您的更新，正在由乡镇（街道）审核。审核期间照常保障。',
    update_county: '乡镇（街道）已审核您的更新，正在由县级民政部门确认。审核期间照常保障。',
  } as Partial<Record<string, string>>,
  quarterlyAsk: (quarter: string) => `请确认${quarter}孩子和家里的情况有没有变化：打开这份登记，点“没有变化”或“有变化，去更新”。`,
  terminated: (reason: string, month: string) => `县民政部门已决定终止这份登记，原因：${reason}。从${month}起停止相关保障。`,
  summaryNone: '还没有提交过登记。',
  summaryAllSynced: (n: number) => `${n}份登记都已提交到服务器。`,
  summaryPending: (n: number) => `${n}份还没提交上，有网络时会自动提交。`,
  summaryNextTry: (at: string) => `下次自动提交：${at}`,
  summaryAction: (n: number) => `${n}份需要您处理（修改或选择）。`,
  storageNearFull: (usedMb: string) =>
    `手机里为本小程序保存的资料已有${usedMb}MB，接近微信的10MB上限。请先把待提交的登记提交出去，再删除不需要的草稿。`,
} as const

/** 我的登记 and each registration's row. */
export const MINE_TEXT = {
  title: '我的登记',
  refresh: '刷新',
  refreshing: '正在从服务器更新…',
  refreshed: (at: string) => `已从服务器更新（${at}）。`,
  refreshFailed: '没有连上服务器，下面是手机上保存的情况。有网络时再刷新。',
  pullHint: '往下拉也可以刷新。',
  empty: '还没有提交过登记。',
  queuedAt: (at: string) => `提交时间：${at}`,
  retry: '现在重试',
  fix: '去修改',
  continueFix: '继续修改',
  choose: '去选择',
  details: '查看详情和处理记录',
  remove: '从手机上删除',
  removeTitle: '从手机上删除？',
  removeBody: (name: string) => `${name}的这份登记已经撤回。删除后手机上不再显示它。`,
  withdraw: '撤回这份登记',
  withdrawTitle: '撤回登记？',
  withdrawBody: (name: string) => `撤回后，儿童主任不会再处理${name}的这份登记。以后需要时，可以重新登记。`,
  withdrawConfirm: '确定撤回',
  withdrawCancel: '不撤回',
  withdrawn: '已撤回',
  withdrawOffline: '没有网络，没能撤回。请到信号好的地方再试。',
  withdrawRefused: '现在不能撤回了（可能已经开始核实）。',
  removeConfirm: '删除',
  removeCancel: '不删除',
  sibling: '再登记一个孩子',
  fixOffline: '没有网络，打不开退回的登记。请到信号好的地方再试。',
  fixNothing: '这份登记现在不需要修改。请刷新看看最新情况。',
  slimNote: '已核实的登记，手机上只保留孩子姓名和办理情况。',
} as const

/** Drafts in lists, and keeping or deleting one. */
export const DRAFT_TEXT = {
  unnamed: '（还没填孩子姓名）',
  remove: '删除',
  removeTitle: '删除这份登记？',
  removeBody: (name: string) => `${name}的登记还没提交，删除后填写的内容就没有了。`,
  abandonedHeading: '这些草稿很久没有填了',
  abandonedBody: (name: string, at: string) => `${name}的登记从${at}起就没有再填，超过30天了。还要保留吗？`,
  abandonedKeep: '保留',
} as const
