/** The words of the overview's chart (village-chart.tsx) and of the tables' scroll hint. */
export const CHART_TEXT = {
  heading: '各村（社区）进度',
  intro: '每个村一行，条越长人数越多。哪个村“待核实”多，就是那里还没跟上。',
  none: '还没有登记。',
  registrations: '登记',
  /** The registrations' statuses, grouped by who has to act next. */
  waitingVillage: '待村核实',
  waitingTownship: '待乡镇审核',
  waitingCounty: '待县确认',
  confirmed: '已认定',
  closed: '退回/撤回/不予认定/终止',
  /** This month's home visits (visits-series.ts). */
  visits: '本月走访',
  visited: '已走访',
  toVisit: '待走访',
  /** What a screen reader reads for one bar: 茅坪村，登记共12人：待村核实3人，… */
  bar: (village: string, series: string, total: number, parts: string) => `${village}，${series}共${total}人${parts ? `：${parts}` : ''}`,
  part: (label: string, n: number) => `${label}${n}人`,
  scrollHint: '表格较宽，可左右滑动查看全部栏目。',
  tableRegion: (title: string) => `${title}（可左右滑动的表格）`,
} as const
