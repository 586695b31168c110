/**
 * Counts as tables: rows (categories, or villages) × statuses, with totals. Wide on a phone, so the
 * table scrolls sideways inside its card, with a line saying so above it; the scrolling area is a region
 * named after the table and can take the keyboard's focus (arrow keys scroll it).
 */
import { ScrollView, Text, View } from '@tarojs/components'
import { CATEGORIES } from '@/domain/eligibility'
import { STATUSES } from '@/domain/status'
import type { RegionStats } from '@/domain/api'
import { OVERVIEW_TEXT } from '../strings'
import { idProp } from '@/components/a11y'
import { CHART_TEXT } from './strings'

/**
 * A named region that takes the keyboard's focus, so the arrow keys scroll it (H5). Spelt as the element
 * takes it: ScrollView's props have no ariaRole, and the build turns only a written `ariaRole=` into `role`.
 * WeChat's scroll-view reads no aria attributes through Taro's template; the mini-program has no keyboard.
 */
const scrollRegion = (label: string): Record<string, unknown> =>
  process.env.TARO_ENV === 'h5' ? { role: 'region', 'aria-label': label, tabIndex: 0 } : {}

/** Drafts never reach the server: no column for them. */
const COLUMNS = STATUSES.filter((s) => s.code !== 'draft')

interface Row {
  key: string
  name: string
  counts: Record<string, number>
  total?: number
}

function Table({ id, title, head, rows, onRow }: { id: string; title: string; head: string; rows: Row[]; onRow?(key: string): void }) {
  return (
    <>
      <Text className='w-table-hint' aria-hidden='true'>
        {`${CHART_TEXT.scrollHint} ⇆`}
      </Text>
      <ScrollView scrollX className='w-table-scroll' {...idProp(id)} {...scrollRegion(CHART_TEXT.tableRegion(title))}>
        <View className='w-table'>
          <View className='w-table__row w-table__row--head'>
            <Text className='w-table__cell w-table__cell--name'>{head}</Text>
            {COLUMNS.map((c) => (
              <Text key={c.code} className='w-table__cell'>
                {c.label}
              </Text>
            ))}
            <Text className='w-table__cell'>{OVERVIEW_TEXT.sum}</Text>
          </View>
          {rows.map((r) => (
            <View
              key={r.key}
              className={`w-table__row ${onRow ? 'w-table__row--link' : ''}`}
              id={`${id}-${r.key}`}
              ariaRole={onRow ? 'link' : undefined}
              onClick={onRow ? () => onRow(r.key) : undefined}
            >
              <Text className='w-table__cell w-table__cell--name'>{onRow ? `${r.name} ›` : r.name}</Text>
              {COLUMNS.map((c) => (
                <Text key={c.code} className='w-table__cell'>
                  {String(r.counts[c.code] ?? 0)}
                </Text>
              ))}
              <Text className='w-table__cell w-table__cell--sum'>
                {String(r.total ?? COLUMNS.reduce((n, c) => n + (r.counts[c.code] ?? 0), 0))}
              </Text>
            </View>
          ))}
        </View>
      </ScrollView>
    </>
  )
}

export function CategoryTable({ stats }: { stats: RegionStats }) {
  const rows: Row[] = CATEGORIES.map((c) => ({ key: c.code, name: c.label, counts: stats.byCategory[c.code] ?? {} }))
  rows.push({ key: 'total', name: OVERVIEW_TEXT.sum, counts: stats.byStatus, total: stats.total })
  return (
    <View className='card' id='overview-categories'>
      <Text className='card__title'>{OVERVIEW_TEXT.byCategory}</Text>
      <Table id='by-category' title={OVERVIEW_TEXT.byCategory} head={OVERVIEW_TEXT.category} rows={rows} />
      <Text className='line muted'>{OVERVIEW_TEXT.categoryNote}</Text>
    </View>
  )
}

/**
 * `townships` (for a county): each village is named with its township, since village names repeat.
 * A tap on a village narrows the whole page to it: its categories × statuses, its roster.
 */
export function VillageTable({
  stats,
  townships,
  onPick,
}: {
  stats: RegionStats
  townships: { code: string; name: string }[]
  onPick(code: string): void
}) {
  if (!stats.byVillage) return null
  const township = (code: string) => townships.find((t) => t.code === code.slice(0, 9))?.name ?? ''
  const rows: Row[] = [...stats.byVillage]
    .sort((a, b) => a.code.localeCompare(b.code))
    .map((v) => ({ key: v.code, name: `${township(v.code)}${v.name}`, counts: v.byStatus, total: v.total }))
  return (
    <View className='card' id='overview-villages'>
      <Text className='card__title'>{OVERVIEW_TEXT.byVillage}</Text>
      {rows.length === 0 ? (
        <Text className='line muted'>{OVERVIEW_TEXT.noVillages}</Text>
      ) : (
        <Table id='by-village' title={OVERVIEW_TEXT.byVillage} head={OVERVIEW_TEXT.village} rows={rows} onRow={onPick} />
      )}
      {rows.length > 0 && <Text className='line muted'>{OVERVIEW_TEXT.villageHint}</Text>}
    </View>
  )
}
