/** The overview's 迁入迁出 by village (accepted moves in and out, and those waiting to be received). */
import { Text, View } from '@tarojs/components'
import type { RegionStats } from '@/domain/api'
import { TRANSFER_TEXT } from '../transfers/strings'

export default function TransfersCard({ stats }: { stats: RegionStats }) {
  const t = stats.transfers
  if (!t) return null
  return (
    <View className='card' id='overview-transfers'>
      <Text className='card__title'>{TRANSFER_TEXT.overviewTitle}</Text>
      <Text className='line' id='overview-transfers-total'>
        {TRANSFER_TEXT.overviewTotals(t.in, t.out, t.pendingIn)}
      </Text>
      {t.byVillage.map((v) => (
        <Text key={v.code} className='line' id={`overview-transfers-${v.code}`}>
          {`${v.name}：${TRANSFER_TEXT.overviewRow(v.in, v.out, v.pendingIn)}`}
        </Text>
      ))}
    </View>
  )
}
