/**
 * The queue's filters: status (default: what waits for the caller's level), category, and an exact name
 * or ID number — the server matches through keyed hashes only, so there is no partial search, and the
 * page says so rather than leave a worker wondering why 陈 finds nothing.
 */
import { Input, Text, View } from '@tarojs/components'
import { useRef, useState } from 'react'
import ActionButton from '@/components/button'
import { ChoiceRows } from '@/components/choice-list'
import { CATEGORIES } from '@/domain/eligibility'
import { STATUSES } from '@/domain/status'
import type { QueueFilter } from '../logic/api'
import { QUEUE_TEXT, RECHECK_TEXT } from '../strings'
import { inputName } from '@/components/a11y'

const STATUS_OPTIONS = [
  { value: '', label: QUEUE_TEXT.awaiting },
  { value: 'recheck', label: RECHECK_TEXT.filter },
  ...STATUSES.filter((s) => s.code !== 'draft').map((s) => ({ value: s.code as string, label: s.label })),
  { value: 'all', label: QUEUE_TEXT.allStatuses },
]
const CATEGORY_OPTIONS = [
  { value: '', label: QUEUE_TEXT.allCategories },
  ...CATEGORIES.map((c) => ({ value: c.code as string, label: c.label })),
]

export default function QueueFilters({ filter, onChange }: { filter: QueueFilter; onChange(next: QueueFilter): void }) {
  const typed = useRef(filter.q ?? '')
  // Re-created (emptied) when the search is cleared.
  const [generation, setGeneration] = useState(0)
  const search = () => onChange({ ...filter, q: typed.current.trim() || undefined })
  const clear = () => {
    typed.current = ''
    setGeneration((g) => g + 1)
    onChange({ ...filter, q: undefined })
  }
  return (
    <View className='card queue__filters' id='queue-filters'>
      <View className='queue__filter' id='filter-status'>
        <Text className='field__label'>{QUEUE_TEXT.statusLabel}</Text>
        <View className='w-chips'>
          <ChoiceRows
            compact
            label={QUEUE_TEXT.statusLabel}
            options={STATUS_OPTIONS}
            value={filter.status ?? ''}
            onPick={(v) => onChange({ ...filter, status: (v || undefined) as QueueFilter['status'] })}
          />
        </View>
      </View>
      <View className='queue__filter' id='filter-category'>
        <Text className='field__label'>{QUEUE_TEXT.categoryLabel}</Text>
        <View className='w-chips'>
          <ChoiceRows
            compact
            label={QUEUE_TEXT.categoryLabel}
            options={CATEGORY_OPTIONS}
            value={filter.category ?? ''}
            onPick={(v) => onChange({ ...filter, category: ((v as string) || undefined) as QueueFilter['category'] })}
          />
        </View>
      </View>
      <View className='queue__filter field' id='filter-search'>
        <Text className='field__label'>{QUEUE_TEXT.searchLabel}</Text>
        <Text className='field__hint'>{QUEUE_TEXT.searchHint}</Text>
        <View className='queue__search'>
          <Input
            key={generation}
            className='field__input'
            {...inputName(QUEUE_TEXT.searchLabel)}
            placeholder={QUEUE_TEXT.searchPlaceholder}
            maxlength={50}
            defaultValue={typed.current}
            confirmType='search'
            onInput={(e) => {
              typed.current = e.detail.value
            }}
            onConfirm={search}
          />
          <ActionButton id='search' kind='primary' label={QUEUE_TEXT.search} onTap={search} />
          {filter.q && <ActionButton id='search-clear' label={QUEUE_TEXT.clearSearch} onTap={clear} />}
        </View>
      </View>
    </View>
  )
}
