/**
 * Address down to the village (村/社区): city → county → township from the bundled tree, then the villages
 * of the chosen county, loaded on demand through the services layer (with a loading line and, when the
 * network fails, a plain explanation and a retry button). Commits a 12-digit village code.
 */
import { Text, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import ActionButton from '@/components/button'
import { ChoiceRows } from '@/components/choice-list'
import Field from '@/components/field'
import { useForm } from '@/components/form/context'
import Sheet from '@/components/sheet'
import { FIELD_TEXT } from '@/components/strings'
import type { RegionItem } from '@/domain/regions'
import { loadVillages } from '@/services/regions'
import { chainOf, GUANGDONG, regionIndex, useRegionLabel, villagesOf } from './region-data'
import { REGION_TEXT } from './strings'
import './index.scss'
import { pressable } from '@/components/a11y'

export interface RegionFieldProps {
  path: string
  label: string
  optional?: boolean
  hint?: string
  /** Another region field whose answer can be copied with one tap ("与户籍地相同"). */
  sameAs?: { path: string; label: string }
}

/**
 * 东莞 and 中山 have no county level: their one county entry repeats the city's name. Choosing the city
 * chooses it too, so the guardian is never asked to pick "东莞市" twice.
 */
function withPlaceholder(chain: string[]): string[] {
  if (chain.length !== 1) return chain
  const counties = regionIndex().children(chain[0])
  return counties.length === 1 && counties[0].name === regionIndex().name(chain[0]) ? [...chain, counties[0].code] : chain
}

type Villages = { state: 'idle' | 'loading' | 'failed' } | { state: 'ready'; items: RegionItem[] }

function RegionSheet({
  label,
  initial,
  onPick,
  onClose,
}: {
  label: string
  initial: string[]
  onPick(code: string): void
  onClose(): void
}) {
  // The chosen codes from the city down (never the village: picking it closes the sheet).
  const [chain, setChain] = useState<string[]>(initial.slice(0, 3))
  const [villages, setVillages] = useState<Villages>({ state: 'idle' })
  const county = chain[1]
  const township = chain[2]
  const [attempt, setAttempt] = useState(0)

  // Start loading as soon as the county is known, so the list is usually there when the township is.
  useEffect(() => {
    if (!county) return
    let live = true
    const cached = township ? villagesOf(township) : undefined
    if (cached) {
      setVillages({ state: 'ready', items: cached })
      return
    }
    setVillages({ state: 'loading' })
    loadVillages(county).then(
      (all) => live && township && setVillages({ state: 'ready', items: villagesOf(township, all) ?? [] }),
      () => live && setVillages({ state: 'failed' }),
    )
    return () => {
      live = false
    }
  }, [county, township, attempt])

  const level = chain.length
  const items = level < 3 ? regionIndex().children(chain[level - 1] ?? GUANGDONG) : []
  const crumbs = [GUANGDONG, ...chain]

  return (
    <Sheet
      title={label}
      onClose={onClose}
      header={
        <View className='region__crumbs'>
          {crumbs.map((code, i) => {
            const name = i === 0 ? REGION_TEXT.province : regionIndex().name(code)
            // The placeholder county has its city's name: one crumb for both (back to the city list).
            if (i === 2 && name === regionIndex().name(crumbs[1])) return null
            return (
              <View key={code} className='region__crumb' ariaRole='button' onClick={() => setChain(withPlaceholder(chain.slice(0, i)))}>
                <Text>{name}</Text>
              </View>
            )
          })}
          <Text className='region__level'>{REGION_TEXT.levelHints[Math.min(level, 3)]}</Text>
        </View>
      }
    >
      {level < 3 && (
        <ChoiceRows
          label={REGION_TEXT.levelHints[Math.min(level, 3)]}
          options={items.map((i) => ({ value: i.code, label: i.name }))}
          value={undefined}
          onPick={(code) => setChain(withPlaceholder([...chain, code as string]))}
        />
      )}
      {level === 3 && villages.state === 'loading' && <Text className='region__status'>{REGION_TEXT.loading}</Text>}
      {level === 3 && villages.state === 'failed' && (
        <View className='region__status' ariaRole='alert'>
          <Text>{REGION_TEXT.offline}</Text>
          <ActionButton label={REGION_TEXT.retry} kind='primary' onTap={() => setAttempt((n) => n + 1)} />
        </View>
      )}
      {level === 3 &&
        villages.state === 'ready' &&
        (villages.items.length === 0 ? (
          <Text className='region__status'>{REGION_TEXT.empty}</Text>
        ) : (
          <ChoiceRows
            label={REGION_TEXT.levelHints[3]}
            options={villages.items.map((v) => ({ value: v.code, label: v.name }))}
            value={undefined}
            onPick={(code) => onPick(code as string)}
          />
        ))}
    </Sheet>
  )
}

export default function RegionField({ path, label, optional, hint, sameAs }: RegionFieldProps) {
  const form = useForm()
  const value = form.useValue(path) as string | undefined
  const other = form.useValue(sameAs?.path ?? '') as string | undefined
  const [open, setOpen] = useState(false)
  const shown = useRegionLabel(value)
  return (
    <Field path={path} label={label} optional={optional} hint={hint}>
      <View
        className='field__input field__picker'
        ariaRole='button'
        ariaLabel={FIELD_TEXT.pickerName(label, value ? shown : undefined)}
        {...pressable(() => setOpen(true))}
        onClick={() => setOpen(true)}
      >
        <Text className={value ? '' : 'field__placeholder'}>{value ? shown : FIELD_TEXT.choose}</Text>
        {value && <Text>{FIELD_TEXT.change}</Text>}
      </View>
      {sameAs && other && other !== value && (
        <View className='btn-row'>
          <ActionButton label={sameAs.label} onTap={() => form.commit(path, other)} />
        </View>
      )}
      {open && (
        <RegionSheet
          label={label}
          initial={chainOf(value)}
          onClose={() => setOpen(false)}
          onPick={(code) => {
            form.commit(path, code)
            setOpen(false)
          }}
        />
      )}
    </Field>
  )
}
