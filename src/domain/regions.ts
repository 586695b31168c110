/**
 * 统计用区划代码 (docs/policy.md, "Division codes"): 12 digits = 6 GB/T 2260 (province 2 + city 2 +
 * county 2) + 3 township (乡/镇/街道) + 3 village (村/居委会). Pure code: the data (src/data/gd-regions.json,
 * server/data/gd-villages.json, written by scripts/extract-regions.mjs) is passed in by the caller.
 */

export type RegionLevel = 'province' | 'city' | 'county' | 'township' | 'village'

export type RegionCodeResult =
  | {
      ok: true
      level: RegionLevel
      /** Canonical shortest code: a 12-digit village code lies in the region iff it starts with it. */
      prefix: string
      province: string
      city?: string
      county?: string
      township?: string
      village?: string
    }
  | { ok: false; reason: string }

/** Tree node as written by the extraction script: [code, name] or [code, name, children]. */
export type RegionNode = readonly [code: string, name: string, children?: readonly RegionNode[]]
/** Villages by 9-digit township code: [3-digit village suffix, name][] (server/data/gd-villages.json). */
export type VillagesByTownship = Readonly<Record<string, readonly (readonly [suffix: string, name: string])[]>>
export interface RegionItem {
  code: string
  name: string
}

const LEVELS: readonly RegionLevel[] = ['province', 'city', 'county', 'township', 'village']
const ENDS = [2, 4, 6, 9, 12] // where each level's full-length code ends
const LEVEL_LABELS = ['省级', '市级', '县级', '乡镇级', '村级']

export function parseRegionCode(input: string): RegionCodeResult {
  const code = (input ?? '').trim()
  if (code === '') return { ok: false, reason: '请填写区划代码' }
  if (!/^\d+$/.test(code)) return { ok: false, reason: '区划代码只能是数字' }
  if (!ENDS.includes(code.length)) return { ok: false, reason: `区划代码应为2、4、6、9或12位，现在是${code.length}位` }
  if (code[0] < '1' || code[0] > '8') return { ok: false, reason: '区划代码第一位（省份）应为1到8' }

  const segments = ENDS.filter((end) => end <= code.length).map((end, k) => code.slice(k ? ENDS[k - 1] : 0, end))
  const isZero = (s: string) => /^0+$/.test(s)
  // The deepest non-zero segment sets the level; trailing zero segments are padding (440100 = city 4401).
  let depth = 0
  for (let k = 1; k < segments.length; k++) if (!isZero(segments[k])) depth = k
  // Only the county segment may be 00 above a real township: cities without counties (东莞 4419, 中山 4420)
  // number their townships directly, e.g. 441900003. A city 00 or township 000 under a real level is an error.
  for (let k = 1; k < depth; k++) {
    if (isZero(segments[k]) && k !== 2) return { ok: false, reason: `区划代码的${LEVEL_LABELS[k]}部分是${segments[k]}，不能再带下级代码` }
  }

  const full = (k: number) => code.slice(0, ENDS[k])
  const result: RegionCodeResult = { ok: true, level: LEVELS[depth], prefix: full(depth), province: full(0) }
  if (depth >= 1) result.city = full(1)
  if (depth >= 2) result.county = full(2)
  if (depth >= 3) result.township = full(3)
  if (depth >= 4) result.village = full(4)
  return result
}

/** True iff the 12-digit village code lies in the region; anything unparseable is outside (deny by default). */
export function regionContains(regionCode: string, villageCode: string): boolean {
  const region = parseRegionCode(regionCode)
  const village = parseRegionCode(villageCode)
  if (!region.ok || !village.ok || village.level !== 'village') return false
  return village.prefix.startsWith(region.prefix)
}

export type TownshipType = '街道' | '镇' | '乡' | '其他'
/** NBS township segment: 001–099 街道, 100–199 镇, 200–399 乡, 400–599 其他 (政企合一单位: farms, forests…). */
export function townshipType(code: string): TownshipType | undefined {
  const parsed = parseRegionCode(code)
  if (!parsed.ok || !parsed.township) return undefined
  const n = Number(parsed.township.slice(6))
  return n < 100 ? '街道' : n < 200 ? '镇' : n < 400 ? '乡' : n < 600 ? '其他' : undefined
}

export type VillageType = '居委会' | '村委会' | '类似居委会' | '类似村委会'
/**
 * NBS village segment. ⚠ Unconfirmed (docs/policy.md, "Division codes"): the ranges 001–199 居委会/社区,
 * 200–399 村委会, 4xx 类似居委会, 5xx 类似村委会 are inferred from the Guangdong data, not from the rule text. Use
 * for hints, not decisions.
 */
export function villageType(code: string): VillageType | undefined {
  const parsed = parseRegionCode(code)
  if (!parsed.ok || !parsed.village) return undefined
  const n = Number(parsed.village.slice(9))
  return n < 200 ? '居委会' : n < 400 ? '村委会' : n < 500 ? '类似居委会' : n < 600 ? '类似村委会' : undefined
}

interface Entry {
  code: string
  name: string
  level: RegionLevel
  parent?: Entry
  children: Entry[]
}

export interface RegionIndex {
  name(code: string): string | undefined
  /** Names from the province down, e.g. 广东省广州市荔湾区沙面街道翠洲社区居民委员会; undefined if unknown. */
  fullName(code: string): string | undefined
  /** The next level down, in code order; with no code, the provinces. */
  children(code?: string): RegionItem[]
  /** The villages of one county, in the same shape as the villages file (the server sends this per county). */
  villagesOfCounty(countyCode: string): VillagesByTownship
  /** True iff the code is a village this index knows (always false when built without villages). */
  isVillage(code: string): boolean
}

/**
 * Lookups over the tree and, optionally, villages (all of them on the server; those fetched so far in the
 * mini-program). Codes are accepted in any form parseRegionCode takes; results use each level's full-length code.
 */
export function createRegionIndex(tree: readonly RegionNode[], villages: VillagesByTownship = {}): RegionIndex {
  const entries = new Map<string, Entry>()
  const roots: Entry[] = []
  const add = (node: RegionNode, depth: number, parent?: Entry) => {
    const entry: Entry = { code: node[0], name: node[1], level: LEVELS[depth], parent, children: [] }
    entries.set(entry.code, entry)
    ;(parent ? parent.children : roots).push(entry)
    for (const child of node[2] ?? []) add(child, depth + 1, entry)
  }
  for (const node of tree) add(node, 0)
  for (const township of Object.keys(villages).sort()) {
    const parent = entries.get(township)
    if (!parent || parent.level !== 'township') throw new Error(`村级数据中的乡镇代码 ${township} 不在区划树中`)
    for (const [suffix, name] of villages[township]) add([township + suffix, name], 4, parent)
  }

  // An exact code of the data wins (441900 is 东莞's placeholder county entry); otherwise the full-length
  // code of the parsed level, so that padded forms like 440103001000 find township 440103001.
  const find = (code: string | undefined): Entry | undefined => {
    if (code === undefined) return undefined
    const exact = entries.get(code)
    if (exact) return exact
    const parsed = parseRegionCode(code)
    return parsed.ok ? entries.get(parsed[parsed.level] as string) : undefined
  }
  const item = (e: Entry): RegionItem => ({ code: e.code, name: e.name })

  return {
    name: (code) => find(code)?.name,
    fullName(code) {
      const names: string[] = []
      // A placeholder county repeats its city's name (东莞市东莞市): print it once.
      for (let e = find(code); e; e = e.parent) if (!e.parent || e.parent.name !== e.name) names.unshift(e.name)
      return names.length ? names.join('') : undefined
    },
    children: (code) => (code === undefined ? roots : (find(code)?.children ?? [])).map(item),
    villagesOfCounty(countyCode) {
      const county = find(countyCode)
      const result: Record<string, [string, string][]> = {}
      if (county?.level !== 'county') return result
      for (const t of county.children) {
        if (t.children.length) result[t.code] = t.children.map((v) => [v.code.slice(9), v.name])
      }
      return result
    },
    isVillage: (code) => find(code)?.level === 'village',
  }
}
