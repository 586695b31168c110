/** Several answers from a list (需要的帮助…): each row toggles, marked ☑ / ☐. Kept in the order tapped. */
import { Text, View } from '@tarojs/components'
import Field from '../field'
import { useForm, type Option } from '../form/context'
import { FIELD_TEXT } from '../strings'
import '../choice-list/index.scss'

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
      <View className='choices choices--compact'>
        {options.map((option) => {
          const on = value.includes(option.value)
          return (
            <View
              key={option.value}
              className={`choice ${on ? 'choice--selected' : ''}`}
              ariaRole='checkbox'
              ariaLabel={option.label}
              aria-checked={on}
              onClick={() => toggle(option.value)}
            >
              <Text className='choice__mark'>{on ? FIELD_TEXT.checkedMark : FIELD_TEXT.uncheckedMark}</Text>
              <Text className='choice__label'>{option.label}</Text>
            </View>
          )
        })}
      </View>
    </Field>
  )
}
