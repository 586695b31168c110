/** One answer from a long list (民族, 与儿童关系): the answer on the page, the list in a sheet. */
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { ChoiceRows } from '../choice-list'
import Field from '../field'
import { useForm, type Option } from '../form/context'
import Sheet from '../sheet'
import { FIELD_TEXT } from '../strings'
import { pressable } from '../a11y'

export interface SelectFieldProps {
  path: string
  label: string
  options: readonly Option<string>[]
  optional?: boolean
  hint?: string
}

export default function SelectField({ path, label, options, optional, hint }: SelectFieldProps) {
  const form = useForm()
  const value = form.useValue(path) as string | undefined
  const [open, setOpen] = useState(false)
  const current = options.find((o) => o.value === value)
  return (
    <Field path={path} label={label} optional={optional} hint={hint}>
      <View
        className='field__input field__picker'
        ariaRole='button'
        ariaLabel={FIELD_TEXT.pickerName(label, current?.label)}
        {...pressable(() => setOpen(true))}
        onClick={() => setOpen(true)}
      >
        <Text className={current ? '' : 'field__placeholder'}>{current?.label ?? FIELD_TEXT.choose}</Text>
        {current && <Text>{FIELD_TEXT.change}</Text>}
      </View>
      {open && (
        <Sheet title={label} onClose={() => setOpen(false)}>
          <ChoiceRows
            label={label}
            options={options}
            value={value}
            onPick={(v) => {
              form.commit(path, v)
              setOpen(false)
            }}
          />
        </Sheet>
      )}
    </Field>
  )
}
