import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { mainPackageFiles, subpackageRoots, WEAPP_DIST } from './weapp-files'

// The village list (≈ 26,842 names) is personal-data-adjacent and 860 KB: it must stay on the server,
// served per county on demand. This fails if any of it leaks into the main package of the weapp build.
const villages = JSON.parse(readFileSync(join(__dirname, '..', '..', 'server/data/gd-villages.json'), 'utf8')) as
  Record<string, [string, string][]>
const names = new Set(Object.values(villages).flatMap((list) => list.map(([, name]) => name)).filter((n) => n.length >= 4))
const lengths = [...new Set([...names].map((n) => n.length))].sort((a, b) => a - b)
const firstChars = new Set([...names].map((n) => n[0]))

/** Village names found in a text; \uXXXX escapes (minified JS may use them) are decoded first. */
function villageNamesIn(raw: string): string[] {
  const text = raw.replace(/\\u([0-9a-fA-F]{4})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
  const found = new Set<string>()
  for (let i = 0; i < text.length; i++) {
    if (!firstChars.has(text[i])) continue // most of a bundle is ASCII: skip it cheaply
    for (const len of lengths) {
      const window = text.slice(i, i + len)
      if (window.length < len) break
      if (names.has(window)) found.add(window)
    }
  }
  return [...found]
}

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
