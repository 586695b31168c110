/** The overview's report counts: open reports and those past the 24-hour first-contact clock, in all and by village. */
import { Text, View } from '@tarojs/components'
import type { ReportCounts } from '@/domain/report-api'
import { REPORTS_TEXT } from '../report/strings'

export default function ReportCountsCard({ reports, township }: { reports?: ReportCounts; township(code: string): string }) {
  if (!reports) return null
  const villages = [...reports.byVillage].sort((a, b) => b.overdue - a.overdue || b.open - a.open || a.code.localeCompare(b.code))
  return (
    <View className='card' id='overview-reports'>
      <Text className='card__title'>{REPORTS_TEXT.overviewHeading}</Text>
      <Text className='line' id='overview-reports-total'>
        {REPORTS_TEXT.overviewLine(reports.open, reports.overdue)}
      </Text>
      {villages.length > 0 && (
        <View className='w-table'>
          <View className='w-table__row w-table__row--head'>
            <Text className='w-table__cell w-table__cell--name'>{REPORTS_TEXT.overviewVillage}</Text>
            <Text className='w-table__cell'>{REPORTS_TEXT.overviewOpen}</Text>
            <Text className='w-table__cell'>{REPORTS_TEXT.overviewOverdue}</Text>
          </View>
          {villages.map((v) => (
            <View key={v.code} className='w-table__row' id={`overview-reports-${v.code}`}>
              <Text className='w-table__cell w-table__cell--name'>{`${township(v.code)}${v.name}`}</Text>
              <Text className='w-table__cell'>{String(v.open)}</Text>
              <Text className='w-table__cell w-table__cell--sum'>{String(v.overdue)}</Text>
            </View>
          ))}
        </View>
      )}
    </View>
  )
}
