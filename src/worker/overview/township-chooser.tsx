/**
 * The county's chooser of one township (or the whole county). Its own module, imported by the page after
 * WorkerShell: every page then loads the page frame's styles before the choice list's, and the build
 * finds one order for them (a page that loaded them the other way round made mini-css-extract-plugin
 * warn "Conflicting order", and which rule won depended on the page opened first).
 */
import { Text, View } from '@tarojs/components'
import { ChoiceRows } from '@/components/choice-list'
import { OVERVIEW_TEXT } from '../strings'

export type Township = { code: string; name: string }

export default function TownshipChooser({
  townships,
  value,
  onPick,
}: {
  townships: Township[]
  value?: string
  onPick(code?: string): void
}) {
  const options = [{ value: '', label: OVERVIEW_TEXT.wholeCounty }, ...townships.map((t) => ({ value: t.code, label: t.name }))]
  return (
    <View className='card w-chips' id='overview-township'>
      <Text className='field__label'>{OVERVIEW_TEXT.pickTownship}</Text>
      <ChoiceRows
        compact
        label={OVERVIEW_TEXT.pickTownship}
        options={options}
        value={value ?? ''}
        onPick={(v) => onPick((v as string) || undefined)}
      />
    </View>
  )
}
