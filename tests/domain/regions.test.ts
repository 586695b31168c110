import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import {
  createRegionIndex,
  parseRegionCode,
  regionContains,
  townshipType,
  villageType,
  type RegionNode,
  type VillagesByTownship,
} from '@/domain/regions'

// Read rather than import: type-inferring an 860 KB JSON module would slow the type check for nothing.
const root = join(__dirname, '..', '..')
const tree = JSON.parse(readFileSync(join(root, 'src/data/gd-regions.json'), 'utf8')) as RegionNode[]
const villages = JSON.parse(readFileSync(join(root, 'server/data/gd-villages.json'), 'utf8')) as VillagesByTownship
const index = createRegionIndex(tree, villages)

describe('parseRegionCode', () => {
  test.each([
    ['44', 'province', '44', {}],
    ['440000', 'province', '44', {}],
    ['440000000000', 'province', '44', {}],
    ['4401', 'city', '4401', { city: '4401' }],
    ['440100', 'city', '4401', { city: '4401' }],
    ['440100000000', 'city', '4401', { city: '4401' }],
    ['440103', 'county', '440103', { county: '440103' }],
    ['440103000000', 'county', '440103', { county: '440103' }],
    ['440103001', 'township', '440103001', { county: '440103', township: '440103001' }],
    ['440103001000', 'township', '440103001', { township: '440103001' }],
    ['440103001101', 'village', '440103001101', { township: '440103001', village: '440103001101' }],
    // 东莞 has no county level: its townships sit under the placeholder county 441900.
    ['441900003', 'township', '441900003', { city: '4419', county: '441900', township: '441900003' }],
    ['441900003001', 'village', '441900003001', { county: '441900', village: '441900003001' }],
  ])('%s is a %s with prefix %s', (code, level, prefix, parts) => {
    const parsed = parseRegionCode(code)
    expect(parsed).toMatchObject({ ok: true, level, prefix, province: '44', ...parts })
  })

  test('every part is its own full-length code', () => {
    expect(parseRegionCode(' 440103001101 ')).toEqual({
      ok: true,
      level: 'village',
      prefix: '440103001101',
      province: '44',
      city: '4401',
      county: '440103',
      township: '440103001',
      village: '440103001101',
    })
    expect(parseRegionCode('440100')).toEqual({ ok: true, level: 'city', prefix: '4401', province: '44', city: '4401' })
  })

  test.each([
    '',
    '   ',
    '44010a',
    '4401030',
    '44010300110',
    '4401030011012',
    '０４４',
    '000000',
    '910000',
    '440003',
    '440103000101',
    '440003001',
  ])('refuses %j with a reason', (code) => {
    const parsed = parseRegionCode(code)
    expect(parsed.ok).toBe(false)
    if (!parsed.ok) expect(parsed.reason).toMatch(/[\u4e00-\u9fff]/)
  })
})

describe('regionContains', () => {
  const village = '440103001101' // 沙面街道翠洲社区
  test.each([
    ['same village', village, true],
    ['its township', '440103001', true],
    ['its township, padded', '440103001000', true],
    ['its county', '440103', true],
    ['its city', '440100', true],
    ['its province', '44', true],
    ['neighbouring village', '440103002101', false],
    ['neighbouring township', '440103002', false],
    ['other county', '440104', false],
    ['other city', '4402', false],
    ['invalid region', '44x', false],
    ['empty region', '', false],
  ])('%s', (_, region, expected) => expect(regionContains(region, village)).toBe(expected))

  test('the village side must be a 12-digit village code', () => {
    expect(regionContains('440103', '440103001')).toBe(false)
    expect(regionContains('440103', '440103001000')).toBe(false)
    expect(regionContains('440103', 'abc')).toBe(false)
    expect(regionContains('441900', '441900003001')).toBe(true)
    expect(regionContains('4420', '441900003001')).toBe(false)
  })
})

test('segment meanings', () => {
  expect(townshipType('440103001')).toBe('街道')
  expect(townshipType('441900101')).toBe('镇')
  expect(townshipType('440117404')).toBe('其他')
  expect(townshipType('440103')).toBeUndefined()
  expect(villageType('440103001101')).toBe('居委会')
  expect(villageType('440113120500')).toBe('类似村委会')
  expect(villageType('440103001')).toBeUndefined()
})

describe('createRegionIndex over the Guangdong data', () => {
  const all = (level: number) => {
    let codes = index.children().map((c) => c.code)
    for (let k = 0; k < level; k++) codes = codes.flatMap((c) => index.children(c).map((x) => x.code))
    return codes
  }

  test('counts', () => {
    expect(all(0)).toEqual(['44'])
    expect(all(1)).toHaveLength(21)
    expect(all(2)).toHaveLength(124)
    expect(all(3)).toHaveLength(1757)
    expect(all(4)).toHaveLength(26842)
    expect(all(4).every((c) => index.isVillage(c) && c.length === 12)).toBe(true)
  })

  test('names', () => {
    expect(index.name('440103001101')).toBe('翠洲社区居民委员会')
    expect(index.fullName('440103001101')).toBe('广东省广州市荔湾区沙面街道翠洲社区居民委员会')
    expect(index.fullName('440103001000')).toBe('广东省广州市荔湾区沙面街道')
    expect(index.fullName('440100')).toBe('广东省广州市')
    expect(index.fullName('441900003001')).toBe('广东省东莞市东城街道岗贝社区居民委员会')
    expect(index.name('440103001999')).toBeUndefined()
    expect(index.fullName('nope')).toBeUndefined()
  })

  test('children at each level use full-length codes', () => {
    expect(index.children('440000')[0]).toEqual({ code: '4401', name: '广州市' })
    expect(index.children('4401')).toHaveLength(11)
    expect(index.children('4401')[0]).toEqual({ code: '440103', name: '荔湾区' })
    expect(index.children('440103')).toHaveLength(22)
    expect(index.children('440103')[0]).toEqual({ code: '440103001', name: '沙面街道' })
    expect(index.children('440103002')).toHaveLength(8)
    expect(index.children('440103001')).toEqual([{ code: '440103001101', name: '翠洲社区居民委员会' }])
    expect(index.children('440103001101')).toEqual([])
    expect(index.children('99')).toEqual([])
  })

  test('东莞 441900: townships directly under the placeholder county entry', () => {
    expect(index.children('4419')).toEqual([{ code: '441900', name: '东莞市' }])
    const townships = index.children('441900')
    expect(townships).toHaveLength(36)
    expect(townships[0]).toEqual({ code: '441900003', name: '东城街道' })
    expect(index.children('442000')).toHaveLength(23)
  })

  test('villagesOfCounty groups by township in the file format', () => {
    const lw = index.villagesOfCounty('440103')
    expect(Object.keys(lw)).toHaveLength(22)
    expect(lw['440103001']).toEqual([['101', '翠洲社区居民委员会']])
    expect(index.villagesOfCounty('441900')['441900003']).toHaveLength(26)
    expect(index.villagesOfCounty('4401')).toEqual({})
    // Round trip: what the server sends for one county is enough for the mini-program's index.
    const client = createRegionIndex(tree, lw)
    expect(client.fullName('440103001101')).toBe('广东省广州市荔湾区沙面街道翠洲社区居民委员会')
    expect(client.isVillage('440104001007')).toBe(false)
  })

  test('tree only: no villages, and unknown townships in village data are refused', () => {
    const treeOnly = createRegionIndex(tree)
    expect(treeOnly.children('440103001')).toEqual([])
    expect(treeOnly.isVillage('440103001101')).toBe(false)
    expect(treeOnly.fullName('440103001')).toBe('广东省广州市荔湾区沙面街道')
    expect(() => createRegionIndex(tree, { '440103999': [['101', 'x']] })).toThrow()
  })
})
