/** Words shown by the shared components (the pickers, fields, step bar, summaries). */
export const FIELD_TEXT = {
  optional: '（选填）',
  errorMark: '✕',
  flagMark: '✎',
  choose: '请选择',
  change: '修改',
  selectedMark: '✓',
  unselectedMark: '○',
  checkedMark: '☑',
  uncheckedMark: '☐',
  confirm: '确定',
  cancel: '取消',
  clear: '清除',
  close: '关闭',
  yes: '是',
  no: '否',
  inputPlaceholder: '请输入',
} as const

export const DATE_TEXT = {
  year: (y: number) => `${y}年`,
  month: (m: number) => `${m}月`,
  day: (d: number) => `${d}日`,
  full: (iso: string) => {
    const [y, m, d] = iso.split('-').map(Number)
    return `${y}年${m}月${d}日`
  },
  pickYear: '年',
  pickMonth: '月',
  pickDay: '日',
  incomplete: '请选好年、月、日',
} as const

export const REGION_TEXT = {
  title: '选择地址',
  province: '广东省',
  levelHints: ['请选择市', '请选择县（市、区）', '请选择乡镇（街道）', '请选择村（社区）'],
  loading: '正在加载村（社区）列表…',
  offline: '村（社区）列表没有加载出来，可能是网络不好。请到信号好的地方再试。',
  retry: '重试',
  empty: '这个乡镇（街道）下没有村（社区）数据，请联系村（居）儿童主任。',
  back: '返回上一级',
  villageUnknown: (code: string) => `（村代码 ${code.slice(9)}）`,
} as const

export const STEP_BAR_TEXT = {
  position: (n: number, total: number, title: string) => `第${n}步，共${total}步：${title}`,
  done: '已填',
  current: '当前',
} as const

export const SUMMARY_TEXT = {
  heading: (n: number) => `这一步还有${n}处需要填写或修改：`,
  tapHint: '点一下可以跳到那一项。',
} as const
