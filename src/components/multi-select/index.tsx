/** Several answers from a list (需要的帮助…): each row toggles, marked ☑ / ☐. Kept in the order tapped. */
import { View } from '@tarojs/components'
import { ChoiceRow } from '../choice-list'
import Field from '../field'
import { useForm, type Option } from '../form/context'

export interface MultiFieldProps {
  path: string
  label: string
  options: readonly Option<string>[]
  optional?: boolean
  hint?: string
}

const NONE: readonly string[] = []

export default function MultiField({ path, label, options, optional, hint }: MultiFieldProps) {
  const form = useForm()
  const value = (form.useValue(path) as string[] | undefined) ?? NONE
  const toggle = (code: string) => {
    form.commit(path, value.includes(code) ? value.filter((c) => c !== code) : [...value, code])
  }
  return (
    <Field path={path} label={label} optional={optional} hint={hint}>
      <View className='choices choices--compact' ariaRole='group' ariaLabel={label}>
        {options.map((option) => (
          <ChoiceRow
            key={option.value}
            label={option.label}
            selected={value.includes(option.value)}
            role='checkbox'
            onTap={() => toggle(option.value)}
          />
        ))}
      </View>
    </Field>
  )
}
