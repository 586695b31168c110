/**
 * Which villages lag, at a glance: one row per village, one bar per series, each bar split by its parts
 * (registrations by who has to act next). Drawn with plain Views whose widths are percentages — no chart
 * library, nothing but styles in the worker subpackage. A chart takes a LIST of series, so other counts
 * (visits done this month, …) are one more entry in `series`, with their own parts and scale.
 * Each bar is named by its numbers in words (茅坪村，登记共12人：待村核实3人，…), so a screen reader reads
 * the chart as text; the coloured parts themselves are hidden from it.
 */
import { Text, View } from '@tarojs/components'
import type { VillageStats } from '@/domain/api'
import type { Status } from '@/domain/status'
import { CHART_TEXT } from './strings'

/** One part of a bar: its words in the legend and the screen reader's sentence, and its colour class. */
export interface ChartPart {
  key: string
  label: string
  /** `w-bar__part--<tone>` in index.scss; colours chosen to differ in lightness too (not by hue alone). */
  tone: string
}

/** One bar per village: its parts and how much of each a village has. */
export interface ChartSeries {
  key: string
  label: string
  parts: readonly ChartPart[]
  value(village: VillageStats, part: string): number
}

export interface ChartVillage {
  village: VillageStats
  /** The name shown (a county shows the township in front: village names repeat). */
  name: string
}

/** Registrations, grouped by who has to act next: the series the overview always shows. */
const STATUS_GROUPS: Record<string, readonly Status[]> = {
  waitingVillage: ['submitted', 'village_review', 'update_village'],
  waitingTownship: ['verified', 'termination_proposed', 'update_township'],
  waitingCounty: ['township_approved', 'termination_agreed', 'update_county'],
  confirmed: ['confirmed'],
  closed: ['returned', 'withdrawn', 'rejected', 'terminated'],
}

export const REGISTRATIONS_SERIES: ChartSeries = {
  key: 'registrations',
  label: CHART_TEXT.registrations,
  parts: [
    { key: 'waitingVillage', label: CHART_TEXT.waitingVillage, tone: 'wait' },
    { key: 'waitingTownship', label: CHART_TEXT.waitingTownship, tone: 'mid' },
    { key: 'waitingCounty', label: CHART_TEXT.waitingCounty, tone: 'late' },
    { key: 'confirmed', label: CHART_TEXT.confirmed, tone: 'done' },
    { key: 'closed', label: CHART_TEXT.closed, tone: 'closed' },
  ],
  value: (village, part) => (STATUS_GROUPS[part] ?? []).reduce((n, s) => n + (village.byStatus[s] ?? 0), 0),
}

const totalOf = (series: ChartSeries, village: VillageStats) => series.parts.reduce((n, p) => n + series.value(village, p.key), 0)

/** The sentence a screen reader reads for one bar. */
export function barText(series: ChartSeries, row: ChartVillage): string {
  const parts = series.parts
    .map((p) => ({ p, n: series.value(row.village, p.key) }))
    .filter(({ n }) => n > 0)
    .map(({ p, n }) => CHART_TEXT.part(p.label, n))
    .join('，')
  return CHART_TEXT.bar(row.name, series.label, totalOf(series, row.village), parts)
}

function Bar({ series, row, max }: { series: ChartSeries; row: ChartVillage; max: number }) {
  const total = totalOf(series, row.village)
  return (
    <View className='w-bar' ariaRole='img' ariaLabel={barText(series, row)} id={`bar-${series.key}-${row.village.code}`}>
      <View className='w-bar__track' aria-hidden='true'>
        {series.parts.map((p) => {
          const n = series.value(row.village, p.key)
          if (n === 0 || max === 0) return null
          return <View key={p.key} className={`w-bar__part w-bar__part--${p.tone}`} style={{ width: `${(n / max) * 100}%` }} />
        })}
      </View>
      <Text className='w-bar__total' aria-hidden='true'>
        {String(total)}
      </Text>
    </View>
  )
}

export default function VillageChart({ rows, series }: { rows: readonly ChartVillage[]; series: readonly ChartSeries[] }) {
  // Each series on its own scale: the longest bar of a series is the village with the most of it.
  const max = series.map((s) => Math.max(0, ...rows.map((r) => totalOf(s, r.village))))
  return (
    <View className='card' id='overview-chart'>
      <Text className='card__title'>{CHART_TEXT.heading}</Text>
      {rows.length === 0 ? (
        <Text className='line muted'>{CHART_TEXT.none}</Text>
      ) : (
        <>
          <Text className='line muted'>{CHART_TEXT.intro}</Text>
          {series.map((s) => (
            <View key={s.key} className='w-legend' aria-hidden='true'>
              {series.length > 1 && <Text className='w-legend__series'>{s.label}</Text>}
              {s.parts.map((p) => (
                <View key={p.key} className='w-legend__item'>
                  <View className={`w-legend__swatch w-bar__part--${p.tone}`} />
                  <Text>{p.label}</Text>
                </View>
              ))}
            </View>
          ))}
          <View ariaRole='list'>
            {rows.map((row) => (
              <View key={row.village.code} className='w-chart__row' ariaRole='listitem'>
                <Text className='w-chart__name' aria-hidden='true'>
                  {row.name}
                </Text>
                {series.map((s, i) => (
                  <Bar key={s.key} series={s} row={row} max={max[i]} />
                ))}
              </View>
            ))}
          </View>
        </>
      )}
    </View>
  )
}
