/**
 * One answer from a short list (性别, 是/否, a parent's situation…), all options visible as large rows.
 * The chosen one is marked with ✓ and a frame, not by colour alone.
 */
import { Text, View } from '@tarojs/components'
import { pressable } from '../a11y'
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

/** One row of a list: a radio or a checkbox, its state shown by a mark and a frame as well as colour. */
export function ChoiceRow({
  label,
  selected,
  role,
  onTap,
}: {
  label: string
  selected: boolean
  role: 'radio' | 'checkbox'
  onTap(): void
}) {
  const mark =
    role === 'radio'
      ? selected
        ? FIELD_TEXT.selectedMark
        : FIELD_TEXT.unselectedMark
      : selected
        ? FIELD_TEXT.checkedMark
        : FIELD_TEXT.uncheckedMark
  return (
    <View
      className={`choice ${selected ? 'choice--selected' : ''}`}
      ariaRole={role}
      ariaLabel={label}
      aria-checked={selected}
      {...pressable(onTap)}
      onClick={onTap}
    >
      <Text className='choice__mark'>{mark}</Text>
      <Text className='choice__label'>{label}</Text>
    </View>
  )
}

export function ChoiceRows({
  label,
  options,
  value,
  onPick,
  compact,
}: {
  /** The question: the group's name for screen readers. */
  label: string
  options: readonly Option[]
  value: unknown
  onPick(value: Option['value']): void
  compact?: boolean
}) {
  return (
    <View className={`choices ${compact ? 'choices--compact' : ''}`} ariaRole='radiogroup' ariaLabel={label}>
      {options.map((option) => (
        <ChoiceRow
          key={String(option.value)}
          label={option.label}
          selected={option.value === value}
          role='radio'
          onTap={() => onPick(option.value)}
        />
      ))}
    </View>
  )
}

export default function ChoiceField({ path, label, options, optional, hint, compact }: ChoiceFieldProps) {
  const form = useForm()
  const value = form.useValue(path)
  return (
    <Field path={path} label={label} optional={optional} hint={hint}>
      <ChoiceRows label={label} options={options} value={value} compact={compact} onPick={(v) => form.commit(path, v)} />
    </Field>
  )
}

export const YES_NO: readonly Option<boolean>[] = [
  { value: true, label: FIELD_TEXT.yes },
  { value: false, label: FIELD_TEXT.no },
]
