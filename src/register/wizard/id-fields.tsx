/**
 * ID numbers are checked as soon as typing ends (on blur): what the number says (birth date, sex, age)
 * or what is wrong with it, in words. For the child the birth date and sex are filled from it; when the
 * guardian chose different ones, the difference is explained and can be fixed with one tap.
 */
import { Text, View } from '@tarojs/components'
import ActionButton from '@/components/button'
import { useForm } from '@/components/form/context'
import { DATE_TEXT } from '@/components/strings'
import TextField from '@/components/text-input'
import { labelOf, SEXES } from '@/domain/codes'
import { ageOn, chinaToday } from '@/domain/dates'
import { normaliseIdInput, parseIdNumber } from '@/domain/idcard'
import { ID_TEXT } from '../strings'

interface Props {
  path: string
  label: string
  optional?: boolean
  hint?: string
}

/** What the number says; what is wrong with it only while the field shows no error line of its own (one line per problem). */
function parsedNote(value: string | undefined, withAge: boolean, error: string | undefined) {
  if (!value) return null
  const parsed = parseIdNumber(value)
  if (!parsed.ok) return error ? null : <Text className='field__note field__note--warn'>{ID_TEXT.invalid(parsed.reason)}</Text>
  const age = withAge ? ageOn(parsed.birthDate, chinaToday()) : undefined
  return <Text className='field__note'>{ID_TEXT.parsed(DATE_TEXT.full(parsed.birthDate), labelOf(SEXES, parsed.sex), age)}</Text>
}

/** A parent's or the carer's ID number. */
export function PersonIdField({ path, label, optional, hint }: Props) {
  const form = useForm()
  const value = form.useValue(path) as string | undefined
  const error = form.useError(path)
  return (
    <TextField
      path={path}
      label={label}
      kind='id'
      optional={optional}
      hint={hint}
      note={parsedNote(value, false, error)}
      normalise={normaliseIdInput}
    />
  )
}

/** The child's ID number: fills birth date and sex, explains a mismatch. */
export function ChildIdField({ path, label, optional, hint }: Props) {
  const form = useForm()
  const value = form.useValue(path) as string | undefined
  const error = form.useError(path)
  const birth = form.useValue('child.birthDate') as string | undefined
  const sex = form.useValue('child.sex') as string | undefined
  const parsed = value ? parseIdNumber(value) : undefined

  const onCommitted = (next: string | undefined, previous: string | undefined) => {
    const now = next ? parseIdNumber(next) : undefined
    if (!now?.ok) return
    const before = previous ? parseIdNumber(previous) : undefined
    // Fill what is empty, and what was filled from the previous number (it was not the guardian's choice).
    const birthNow = form.read('child.birthDate')
    if (!birthNow || (before?.ok && birthNow === before.birthDate)) form.commit('child.birthDate', now.birthDate)
    const sexNow = form.read('child.sex')
    if (!sexNow || (before?.ok && sexNow === before.sex)) form.commit('child.sex', now.sex)
  }

  const note = (
    <View>
      {parsedNote(value, true, error)}
      {parsed?.ok && birth && birth !== parsed.birthDate && (
        <View className='field__note field__note--warn'>
          <Text>{ID_TEXT.birthMismatch(DATE_TEXT.full(birth), DATE_TEXT.full(parsed.birthDate))}</Text>
          <ActionButton label={ID_TEXT.useIdBirth} onTap={() => form.commit('child.birthDate', parsed.birthDate)} />
        </View>
      )}
      {parsed?.ok && sex && sex !== parsed.sex && (
        <View className='field__note field__note--warn'>
          <Text>{ID_TEXT.sexMismatch(labelOf(SEXES, sex), labelOf(SEXES, parsed.sex))}</Text>
          <ActionButton label={ID_TEXT.useIdSex} onTap={() => form.commit('child.sex', parsed.sex)} />
        </View>
      )}
    </View>
  )
  return (
    <TextField
      path={path}
      label={label}
      kind='id'
      optional={optional}
      hint={hint}
      note={note}
      normalise={normaliseIdInput}
      onCommitted={onCommitted}
    />
  )
}
