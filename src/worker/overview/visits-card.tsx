/**
 * 走访完成情况 on the overview (township and above): this month's home visits by village — how many supported
 * children needed a visit (overdue included), how many had one — from the stats answer's `visits` block.
 */
import { ScrollView, Text, View } from '@tarojs/components'
import type { RegionStats } from '@/domain/api'
import { COMPLETION_TEXT } from '../visits/strings'

export default function VisitsCard({ stats }: { stats: RegionStats }) {
  const visits = stats.visits
  if (!visits) return null
  return (
    <View className='card' id='overview-visits'>
      <Text className='card__title'>{COMPLETION_TEXT.title(visits.month)}</Text>
      <Text className='line' id='overview-visits-total'>
        {COMPLETION_TEXT.summary(visits.done, visits.due)}
      </Text>
      {visits.byVillage.length === 0 ? (
        <Text className='line muted'>{COMPLETION_TEXT.none}</Text>
      ) : (
        <ScrollView scrollX className='w-table-scroll'>
          <View className='w-table' id='visits-by-village'>
            <View className='w-table__row w-table__row--head'>
              <Text className='w-table__cell w-table__cell--name'>{COMPLETION_TEXT.village}</Text>
              <Text className='w-table__cell'>{COMPLETION_TEXT.due}</Text>
              <Text className='w-table__cell'>{COMPLETION_TEXT.done}</Text>
              <Text className='w-table__cell'>{COMPLETION_TEXT.rate}</Text>
            </View>
            {visits.byVillage.map((v) => (
              <View key={v.code} className='w-table__row' id={`visits-village-${v.code}`}>
                <Text className='w-table__cell w-table__cell--name'>{v.name}</Text>
                <Text className='w-table__cell'>{String(v.due)}</Text>
                <Text className='w-table__cell'>{String(v.done)}</Text>
                <Text className='w-table__cell'>{COMPLETION_TEXT.percent(v.done, v.due)}</Text>
              </View>
            ))}
          </View>
        </ScrollView>
      )}
    </View>
  )
}
