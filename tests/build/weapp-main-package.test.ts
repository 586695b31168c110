/**
 * What the main package of the weapp build (dist/weapp) may hold: within the budgets (counted as
 * `npm run check:size` counts, by scripts/lib/weapp-package.mjs: one size figure in the project), no village
 * names, no schema code and no region tree — the wizard, zod and the regions live in the register subpackage.
 * Run `npm run build:weapp` first.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { BUDGETS, packageSizes } from '../../scripts/lib/weapp-package.mjs'
import { loadVillageNames, villageScanner } from '../../scripts/lib/village-names.mjs'
import { mainPackageFiles, subpackageRoots, WEAPP_DIST } from './weapp-files'

// The village list (≈ 26,842 names) is personal-data-adjacent and 860 KB: it must stay on the server,
// served per county on demand. This fails if any of it leaks into the main package of the weapp build.
const names = loadVillageNames(join(__dirname, '..', '..', 'server/data/gd-villages.json'))
const villageNamesIn = villageScanner(names)

test('the main package and every subpackage are within the budgets', () => {
  const { main, subpackages } = packageSizes(WEAPP_DIST)
  expect(main.bytes).toBeLessThanOrEqual(BUDGETS.mainBytes)
  for (const sub of subpackages)
    expect({ root: sub.root, over: sub.bytes > BUDGETS.subpackageBytes }).toEqual({ root: sub.root, over: false })
})

test('the scanner finds village names, plain and escaped', () => {
  expect(names.size).toBeGreaterThan(21000) // 26,842 villages, 21,135 distinct names of 4+ characters
  expect(villageNamesIn('x="翠洲社区居民委员会"')).toContain('翠洲社区居民委员会')
  const escaped = [...'翠洲社区居民委员会'].map((c) => `\\u${c.charCodeAt(0).toString(16)}`).join('')
  expect(villageNamesIn(`JSON.parse('"${escaped}"')`)).toContain('翠洲社区居民委员会')
  expect(villageNamesIn('护童登记 广东省广州市')).toEqual([])
})

test('no village name occurs in the main package of dist/weapp', () => {
  const files = mainPackageFiles(WEAPP_DIST)
  expect(files).toContain('app.json')
  for (const root of subpackageRoots(WEAPP_DIST)) expect(files.some((f) => f.startsWith(`${root}/`))).toBe(false)
  const leaks = files
    .map((file) => ({ file, names: villageNamesIn(readFileSync(join(WEAPP_DIST, file), 'utf8')).slice(0, 5) }))
    .filter((hit) => hit.names.length > 0)
  expect(leaks).toEqual([])
})

test('the wizard, the schema code and the region tree are in the register subpackage, not the main one', () => {
  expect(subpackageRoots()).toContain('register')
  const main = mainPackageFiles().filter((f) => f.endsWith('.js'))
  for (const file of main) {
    const text = readFileSync(join(WEAPP_DIST, file), 'utf8')
    expect({ file, zod: /\$ZodType|_zod/.test(text) }).toEqual({ file, zod: false })
    expect({ file, tree: text.includes('441422101') }).toEqual({ file, tree: false })
  }
})
