/**
 * One answer from a short list (性别, 是/否, a parent's situation…), all options visible as large rows.
 * The chosen one is marked with ✓ and a frame, not by colour alone.
 */
import { Text, View } from '@tarojs/components'
import Field from '../field'
import { useForm, type Option } from '../form/context'
import { FIELD_TEXT } from '../strings'
import './index.scss'

export interface ChoiceFieldProps {
  path: string
  label: string
  options: readonly Option[]
  optional?: boolean
  hint?: string
  /** Lay short options side by side (两列); 长辈模式 always stacks them. */
  compact?: boolean
}

export function ChoiceRows({ options, value, onPick, compact }: {
  options: readonly Option[]
  value: unknown
  onPick(value: Option['value']): void
  compact?: boolean
}) {
  return (
    <View className={`choices ${compact ? 'choices--compact' : ''}`} ariaRole='radiogroup'>
      {options.map((option) => {
        const selected = option.value === value
        return (
          <View
            key={String(option.value)}
            className={`choice ${selected ? 'choice--selected' : ''}`}
            ariaRole='radio'
            ariaLabel={option.label}
            aria-checked={selected}
            onClick={() => onPick(option.value)}
          >
            <Text className='choice__mark'>{selected ? FIELD_TEXT.selectedMark : FIELD_TEXT.unselectedMark}</Text>
            <Text className='choice__label'>{option.label}</Text>
          </View>
        )
      })}
    </View>
  )
}

export default function ChoiceField({ path, label, options, optional, hint, compact }: ChoiceFieldProps) {
  const form = useForm()
  const value = form.useValue(path)
  return (
    <Field path={path} label={label} optional={optional} hint={hint}>
      <ChoiceRows options={options} value={value} compact={compact} onPick={(v) => form.commit(path, v)} />
    </Field>
  )
}

export const YES_NO: readonly Option<boolean>[] = [
  { value: true, label: FIELD_TEXT.yes },
  { value: false, label: FIELD_TEXT.no },
]
