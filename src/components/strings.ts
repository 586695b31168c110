/** Words shown by the shared components (fields, choices, the date picker, step bar, summaries). */
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
  /**
   * A picker's name: the question, then what the button shows — the answer and 修改, or 请选择 — so
   * the name holds the visible words (as speech input and axe's label-content-name-mismatch expect).
   */
  pickerName: (label: string, answer: string | undefined) => `${label}：${answer ? `${answer}修改` : '请选择'}`,
} as const

export const DATE_TEXT = {
  year: (y: number) => `${y}年`,
  month: (m: number) => `${m}月`,
  day: (d: number) => `${d}日`,
  /** 'YYYY-MM-DD' or a month 'YYYY-MM' in words. */
  full: (iso: string) => {
    const [y, m, d] = iso.split('-').map(Number)
    return d ? `${y}年${m}月${d}日` : `${y}年${m}月`
  },
  pickYear: '年',
  pickMonth: '月',
  pickDay: '日',
  incomplete: '请选好年、月、日',
  incompleteMonth: '请选好年、月',
  monthHint: '记不清哪一天没关系，选到月份就可以。',
} as const

export const STEP_BAR_TEXT = {
  position: (n: number, total: number, title: string) => `第${n}步，共${total}步：${title}`,
  /** What a mark shows: ✓ for a step passed, else its number; then the title. */
  shown: (n: number, title: string, done: boolean) => `${done ? '✓' : n} ${title}`,
  /** Its name for screen readers: the words shown (so voice control finds it), then the state. */
  name: (shown: string, state: 'done' | 'current' | 'todo') =>
    `${shown}${state === 'done' ? '（已填）' : state === 'current' ? '（当前）' : ''}`,
} as const

export const SUMMARY_TEXT = {
  heading: (n: number) => `这一步还有${n}处需要填写或修改：`,
  tapHint: '点一下可以跳到那一项。',
} as const
