/**
 * Guangdong's city → county → township tree, shipped with the pages that use it (≈ 73 KB in the build, so
 * it stays out of the main package), and the villages fetched per county by the services layer.
 */
import tree from '@/data/gd-regions.json'
import { createRegionIndex, type RegionIndex, type RegionItem, type RegionNode } from '@/domain/regions'
import { useEffect, useState } from 'react'
import { cachedVillages, loadVillages } from '@/services/regions'
import { REGION_TEXT } from './strings'

let index: RegionIndex | undefined

export function regionIndex(): RegionIndex {
  index ??= createRegionIndex(tree as unknown as RegionNode[])
  return index
}

export const GUANGDONG = '44'

/** The villages of a township from what has been fetched (undefined when the county is not loaded). */
export function villagesOf(townshipCode: string, villages = cachedVillages(townshipCode.slice(0, 6))): RegionItem[] | undefined {
  const list = villages?.[townshipCode]
  if (!villages) return undefined
  return (list ?? []).map(([suffix, name]) => ({ code: townshipCode + suffix, name }))
}

/** 广东省梅州市大埔县茶阳镇茅坪村委会, or the township and the village code when its name is not cached. */
export function regionLabel(code: string | undefined): string {
  if (!code) return ''
  if (code.length !== 12) return regionIndex().fullName(code) ?? code
  const township = code.slice(0, 9)
  const base = regionIndex().fullName(township) ?? township
  const village = villagesOf(township)?.find((v) => v.code === code)
  return village ? `${base}${village.name}` : `${base}${REGION_TEXT.villageUnknown(code)}`
}

/** The chain of codes from the city down to `code` ('441422101200' → ['4414', '441422', '441422101', …]). */
export function chainOf(code: string | undefined): string[] {
  if (!code) return []
  return [4, 6, 9, 12].filter((n) => code.length >= n).map((n) => code.slice(0, n))
}

/** regionLabel, and when the village's county is not on this phone yet, fetch it and label again. */
export function useRegionLabel(code: string | undefined): string {
  const [, setLoaded] = useState(0)
  useEffect(() => {
    if (!code || code.length !== 12 || cachedVillages(code.slice(0, 6))) return
    let live = true
    loadVillages(code.slice(0, 6)).then(
      () => live && setLoaded((n) => n + 1),
      () => undefined, // offline: the township and the village code are shown meanwhile
    )
    return () => {
      live = false
    }
  }, [code])
  return regionLabel(code)
}
