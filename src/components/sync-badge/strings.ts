/** Every word about sending and the server's answers: badges, summaries, reasons, 我的登记 (one place for the feature). */

/** 10:32 in China time (retry times are minutes away); with the date when it is not today. */
export function clockTime(iso: string, now: Date = new Date()): string {
  const china = (d: Date) => new Date(d.getTime() + 8 * 3600 * 1000)
  const t = china(new Date(iso))
  const pad = (n: number) => String(n).padStart(2, '0')
  const hm = `${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}`
  return t.toISOString().slice(0, 10) === china(now).toISOString().slice(0, 10) ? hm : `${t.getUTCMonth() + 1}月${t.getUTCDate()}日 ${hm}`
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
  removeConfirm: '删除',
  removeCancel: '不删除',
  sibling: '再登记一个孩子',
  fixOffline: '没有网络，打不开退回的登记。请到信号好的地方再试。',
  fixNothing: '这份登记现在不需要修改。请刷新看看最新情况。',
  slimNote: '已核实的登记，手机上只保留孩子姓名和办理情况。',
} as const

/** One registration's page: what the reviewer or the server said, the two versions of a conflict, the history. */
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
  conflictIntro: '您手机上的修改和服务器上的内容不一样（可能在别的手机上改过，或工作人员又退回了一次）。请对照下面不一样的地方，选一份保留。',
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
  historyHeading: '处理记录',
  historyLoading: '正在读取处理记录…',
  historyOffline: '没有网络，暂时看不到处理记录。',
  historyNone: '还没有处理记录（提交到服务器后才有）。',
  historyItem: (at: string, action: string, who: string, to: string) => `${at}  ${who}：${action}（${to}）`,
} as const
