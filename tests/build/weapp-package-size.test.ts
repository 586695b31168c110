import { readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { allFiles, mainPackageFiles, subpackageRoots, WEAPP_DIST } from './weapp-files'

// The guardian's home must open fast on a weak network: the main package has a budget of 600 KB (WeChat's
// limit is 2 MB per package). Run `npm run build:weapp` first.
const MAIN_BUDGET = 600 * 1024
const SUBPACKAGE_LIMIT = 2 * 1024 * 1024

const size = (files: string[]) => files.reduce((sum, f) => sum + statSync(join(WEAPP_DIST, f)).size, 0)

test('the main package stays within 600 KB and every subpackage within 2 MB', () => {
  const main = size(mainPackageFiles())
  const subs = Object.fromEntries(subpackageRoots().map((root) => [root, size(allFiles().filter((f) => f.startsWith(`${root}/`)))]))
  console.log(`weapp main package ${main} B; subpackages ${JSON.stringify(subs)}`)
  expect(main).toBeLessThanOrEqual(MAIN_BUDGET)
  for (const bytes of Object.values(subs)) expect(bytes).toBeLessThanOrEqual(SUBPACKAGE_LIMIT)
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

test('<page-meta> carries both root-font-size and page-font-size (Taro\'s template lacks the latter)', () => {
  for (const page of ['pages/index/index.wxml', 'register/wizard/index.wxml', 'register/done/index.wxml']) {
    const wxml = readFileSync(join(WEAPP_DIST, page), 'utf8')
    expect(wxml).toMatch(/<page-meta[^>]* page-font-size="\{\{pageMeta\.p\d+\|\|''\}\}"/)
    expect(wxml).toMatch(/<page-meta[^>]* root-font-size="\{\{pageMeta\.p\d+\|\|''\}\}"/)
  }
  // The runtime numbers the attributes from the same table.
  expect(readFileSync(join(WEAPP_DIST, 'app.js'), 'utf8')).toContain(`PageMeta:{"page-font-size":"''"}`)
})
