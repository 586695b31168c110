/**
 * A date as 'YYYY-MM-DD', picked in a sheet with three columns (年 / 月 / 日) of large rows: no wheel to
 * drag, which older hands find hard, and plain markup that tests can drive. With `precision='month'` only
 * 年 and 月 ('YYYY-MM').
 */
import { ScrollView, Text, View } from '@tarojs/components'
import { useState, type ReactNode } from 'react'
import ActionButton from '../button'
import Field from '../field'
import { fieldDomId, useForm } from '../form/context'
import Sheet from '../sheet'
import { DATE_TEXT, FIELD_TEXT } from '../strings'
import './index.scss'
import { pressable } from '../a11y'

export interface DateFieldProps {
  path: string
  label: string
  /** Inclusive year range, shown newest first. */
  years: readonly [from: number, to: number]
  optional?: boolean
  hint?: string
  note?: ReactNode
  /** 'month': only 年 and 月, stored as 'YYYY-MM' (an answer given to the day before stays as it is). */
  precision?: 'day' | 'month'
}

const pad = (n: number) => String(n).padStart(2, '0')
const daysIn = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate()

function Column({
  items,
  selected,
  onPick,
  format,
  idPrefix,
}: {
  items: number[]
  selected?: number
  onPick(n: number): void
  format(n: number): string
  idPrefix: string
}) {
  return (
    <ScrollView scrollY className='date__column' scrollIntoView={selected ? `${idPrefix}${selected}` : undefined}>
      {items.map((n) => (
        <View
          key={n}
          id={`${idPrefix}${n}`}
          className={`date__cell ${n === selected ? 'date__cell--selected' : ''}`}
          ariaRole='radio'
          aria-checked={n === selected}
          {...pressable(() => onPick(n))}
          onClick={() => onPick(n)}
        >
          <Text>{`${n === selected ? FIELD_TEXT.selectedMark : ''}${format(n)}`}</Text>
        </View>
      ))}
    </ScrollView>
  )
}

export default function DateField({ path, label, years, optional, hint, note, precision = 'day' }: DateFieldProps) {
  const byMonth = precision === 'month'
  const form = useForm()
  const value = form.useValue(path) as string | undefined
  const [open, setOpen] = useState(false)
  const [parts, setParts] = useState<{ y?: number; m?: number; d?: number }>({})

  const show = () => {
    const [y, m, d] = value ? value.split('-').map(Number) : []
    setParts({ y, m, d })
    setOpen(true)
  }
  const yearList: number[] = []
  for (let y = years[1]; y >= years[0]; y--) yearList.push(y)
  const dayCount = parts.y && parts.m ? daysIn(parts.y, parts.m) : 31
  const complete = !!(parts.y && parts.m && (byMonth || (parts.d && parts.d <= dayCount)))
  const idPrefix = `${fieldDomId(path)}-`

  const footer = (
    <View className='btn-row'>
      {optional && value && (
        <ActionButton
          label={FIELD_TEXT.clear}
          onTap={() => {
            form.commit(path, undefined)
            setOpen(false)
          }}
        />
      )}
      <ActionButton
        label={complete ? FIELD_TEXT.confirm : byMonth ? DATE_TEXT.incompleteMonth : DATE_TEXT.incomplete}
        kind='primary'
        disabled={!complete}
        onTap={() => {
          const month = `${parts.y}-${pad(parts.m as number)}`
          form.commit(path, byMonth ? month : `${month}-${pad(parts.d as number)}`)
          setOpen(false)
        }}
      />
    </View>
  )

  return (
    <Field path={path} label={label} optional={optional} hint={hint ?? (byMonth ? DATE_TEXT.monthHint : undefined)} note={note}>
      <View
        className='field__input field__picker'
        ariaRole='button'
        ariaLabel={FIELD_TEXT.pickerName(label, value ? DATE_TEXT.full(value) : undefined)}
        {...pressable(show)}
        onClick={show}
      >
        <Text className={value ? '' : 'field__placeholder'}>{value ? DATE_TEXT.full(value) : FIELD_TEXT.choose}</Text>
        {value && <Text>{FIELD_TEXT.change}</Text>}
      </View>
      {open && (
        <Sheet title={label} onClose={() => setOpen(false)} scroll={false} footer={footer}>
          <Column
            items={yearList}
            selected={parts.y}
            format={DATE_TEXT.year}
            idPrefix={`${idPrefix}y`}
            onPick={(y) => setParts((p) => ({ ...p, y }))}
          />
          <Column
            items={[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]}
            selected={parts.m}
            format={DATE_TEXT.month}
            idPrefix={`${idPrefix}m`}
            onPick={(m) => setParts((p) => ({ ...p, m }))}
          />
          {!byMonth && (
            <Column
              items={Array.from({ length: dayCount }, (_, i) => i + 1)}
              selected={parts.d}
              format={DATE_TEXT.day}
              idPrefix={`${idPrefix}d`}
              onPick={(d) => setParts((p) => ({ ...p, d }))}
            />
          )}
        </Sheet>
      )}
    </Field>
  )
}
