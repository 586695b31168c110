/**
 * 处理记录: every change of status with who (role and name), when, why, which fields were returned, the
 * visit record, a termination's reason and the month support stops, and what the guardian changed when resubmitting (ID numbers and phones masked by the server).
 */
import { TRANSFER_TEXT } from '../transfers/strings'
import { Text, View } from '@tarojs/components'
import type { HistoryEvent } from '@/domain/api'
import { labelOf } from '@/domain/codes'
import { monthLabel } from '@/domain/dates'
import { GUARDIANSHIP_FINDINGS } from '@/domain/eligibility'
import type { RecordAnswers } from '@/domain/record'
import { GUARDIANSHIP_ASSESSMENTS, VISIT_CONCLUSIONS, VISIT_METHODS } from '@/domain/review'
import { nearestLabel, nearestLabels, valueText } from '@/record/paths'
import { chinaTime } from '../logic/format'
import { HISTORY_TEXT, TERMINATION_TEXT, VISIT_TEXT } from '../strings'

/** A resubmission renews the consent's time: not a change anyone needs to check. */
const shownDiff = (diff: HistoryEvent['diff']) => (diff ?? []).filter((d) => !d.path.startsWith('consent.'))

function Event({ item, record }: { item: HistoryEvent; record: RecordAnswers }) {
  const v = item.visit
  const t = item.termination
  const diff = shownDiff(item.diff)
  return (
    <View className='w-history__item' id={`history-${item.version}`}>
      <View className='w-history__head'>
        <Text className='w-history__action'>{item.actionLabel}</Text>
        <Text className='muted'>{chinaTime(item.at)}</Text>
      </View>
      <Text className='line'>{HISTORY_TEXT.move(item.fromLabel, item.toLabel)}</Text>
      <Text className='line muted'>{HISTORY_TEXT.by(item.actor.roleLabel, item.actor.name)}</Text>
      {item.transfer && <Text className='line'>{TRANSFER_TEXT.item(item.transfer.from.name, item.transfer.to.name)}</Text>}
      {item.reason && <Text className='line'>{HISTORY_TEXT.reason(item.reason)}</Text>}
      {item.fields && item.fields.length > 0 && <Text className='line'>{HISTORY_TEXT.fields(nearestLabels(item.fields, record))}</Text>}
      {v && (
        <Text className='line'>
          {HISTORY_TEXT.visit(
            v.date,
            labelOf(VISIT_METHODS, v.method),
            labelOf(VISIT_CONCLUSIONS, v.conclusion),
            labelOf(GUARDIANSHIP_ASSESSMENTS, v.guardianshipAssessment),
          )}
        </Text>
      )}
      {v?.guardianshipFinding && (
        <Text className='line'>{VISIT_TEXT.findingLine(labelOf(GUARDIANSHIP_FINDINGS, v.guardianshipFinding))}</Text>
      )}
      {v?.notes && <Text className='line'>{HISTORY_TEXT.notes(v.notes)}</Text>}
      {t?.reasonLabel && <Text className='line'>{TERMINATION_TEXT.reason(t.reasonLabel)}</Text>}
      {t?.note && <Text className='line'>{TERMINATION_TEXT.note(t.note)}</Text>}
      {t?.supportStopsFrom && <Text className='line'>{TERMINATION_TEXT.stops(monthLabel(t.supportStopsFrom))}</Text>}
      {diff.length > 0 && (
        <View>
          <Text className='line'>{HISTORY_TEXT.changed}</Text>
          {diff.map((d) => (
            <Text key={d.path} className='line muted'>
              {HISTORY_TEXT.change(
                nearestLabel(d.path, record),
                valueText(d.path, d.from, record) ?? HISTORY_TEXT.blank,
                valueText(d.path, d.to, record) ?? HISTORY_TEXT.blank,
              )}
            </Text>
          ))}
        </View>
      )}
    </View>
  )
}

export default function History({ items, record }: { items: HistoryEvent[]; record: RecordAnswers }) {
  return (
    <View className='card' id='entry-history'>
      <Text className='card__title'>{HISTORY_TEXT.heading}</Text>
      {items.length === 0 && <Text className='line muted'>{HISTORY_TEXT.empty}</Text>}
      {[...items].reverse().map((item) => (
        <Event key={item.version} item={item} record={record} />
      ))}
    </View>
  )
}
