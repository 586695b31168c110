/**
 * 动态更新 on the overview (docs/worker-app.md, "Quarterly updates"): townships and counties see the quarter's
 * completion by village (from the stats); a village worker sees whose guardian has not answered yet, each a
 * link to the record.
 */
import { Text, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import type { QuarterlyProgress } from '@/domain/api'
import { errorText, SignedOutError, workerApi } from '../logic/api'
import { openEntry, toLogin } from '../logic/nav'
import { QUARTERLY_TEXT } from '../strings'

const percent = (answered: number, due: number) => (due === 0 ? '—' : `${Math.round((answered / due) * 100)}%`)

export function QuarterlyTable({ progress }: { progress: QuarterlyProgress }) {
  return (
    <View className='card' id='overview-quarterly'>
      <Text className='card__title'>{QUARTERLY_TEXT.heading(progress.label)}</Text>
      <Text className='line muted'>{QUARTERLY_TEXT.intro}</Text>
      <Text className='line' id='quarterly-totals'>
        {QUARTERLY_TEXT.totals(progress.answered, progress.due, progress.changed)}
      </Text>
      {progress.villages.length === 0 && <Text className='line muted'>{QUARTERLY_TEXT.none}</Text>}
      {progress.villages.length > 0 && (
        <View className='w-table'>
          <View className='w-table__row w-table__row--head'>
            {[QUARTERLY_TEXT.village, QUARTERLY_TEXT.due, QUARTERLY_TEXT.answered, QUARTERLY_TEXT.changed, QUARTERLY_TEXT.rate].map(
              (h, i) => (
                <Text key={h} className={`w-table__cell ${i === 0 ? 'w-table__cell--name' : ''}`}>
                  {h}
                </Text>
              ),
            )}
          </View>
          {progress.villages.map((v) => (
            <View key={v.code} className='w-table__row' id={`quarterly-${v.code}`}>
              <Text className='w-table__cell w-table__cell--name'>{v.name}</Text>
              {[v.due, v.answered, v.changed].map((n, i) => (
                <Text key={i} className='w-table__cell'>
                  {String(n)}
                </Text>
              ))}
              <Text className='w-table__cell'>{percent(v.answered, v.due)}</Text>
            </View>
          ))}
        </View>
      )}
    </View>
  )
}

/** The village worker's card: the quarter's count and whose guardian has not answered. */
export function VillageQuarterly() {
  const [progress, setProgress] = useState<QuarterlyProgress>()
  const [problem, setProblem] = useState<string>()
  useEffect(() => {
    let live = true
    workerApi.quarterly().then(
      (p) => live && setProgress(p),
      (error) => {
        if (error instanceof SignedOutError) return toLogin()
        if (live) setProblem(errorText(error))
      },
    )
    return () => {
      live = false
    }
  }, [])
  if (problem)
    return (
      <View className='field__error' ariaRole='alert'>
        <Text>{problem}</Text>
      </View>
    )
  if (!progress) return <Text className='line muted'>{QUARTERLY_TEXT.loading}</Text>
  const pending = progress.pending ?? []
  return (
    <>
      <QuarterlyTable progress={progress} />
      <View className='card' id='quarterly-pending'>
        <Text className='card__title'>{QUARTERLY_TEXT.pendingHeading}</Text>
        {pending.length === 0 && <Text className='line muted'>{QUARTERLY_TEXT.pendingNone}</Text>}
        {pending.length > 0 && <Text className='line muted'>{QUARTERLY_TEXT.pendingHint}</Text>}
        {pending.map((item) => (
          <View
            key={item.id}
            className='w-table__row w-table__row--link'
            ariaRole='link'
            id={`pending-${item.id}`}
            onClick={() => openEntry(item.id)}
          >
            <Text className='line'>{`${QUARTERLY_TEXT.pendingItem(item.child.name, item.child.age)} · ${item.statusLabel} ›`}</Text>
          </View>
        ))}
      </View>
    </>
  )
}
