/**
 * `<page-meta>` on the compiled build, at WeChat's standard font size (17 px): the template carries both
 * root-font-size and page-font-size (Taro's own template lacks the latter: config/plugins/page-font-size.js),
 * and the home page's first render sends the rem base and page-font-size="system". 长辈模式 at a larger
 * setting: page-meta-elder.test.ts (the setting is read once per app, so once per test file).
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { WEAPP_DIST } from '../build/weapp-files'
import { closeAll, openPage, pageMetaValues, setFontSizeSetting } from './harness'

setFontSizeSetting(17)
afterEach(closeAll)

test('<page-meta> carries both root-font-size and page-font-size in every page template', () => {
  for (const page of ['pages/index/index.wxml', 'register/wizard/index.wxml', 'register/done/index.wxml']) {
    const wxml = readFileSync(join(WEAPP_DIST, page), 'utf8')
    expect(wxml).toMatch(/<page-meta[^>]* page-font-size="\{\{pageMeta\.p\d+\|\|''\}\}"/)
    expect(wxml).toMatch(/<page-meta[^>]* root-font-size="\{\{pageMeta\.p\d+\|\|''\}\}"/)
  }
  // The runtime numbers the attributes from the same table.
  expect(readFileSync(join(WEAPP_DIST, 'app.js'), 'utf8')).toContain(`PageMeta:{"page-font-size":"''"}`)
})

test('<page-meta> receives the rem base and page-font-size="system"', async () => {
  const { page } = await openPage('pages/index/index')
  expect(pageMetaValues('pages/index/index')).toEqual(expect.arrayContaining(['17px', 'system']))
  expect(page.dom?.innerHTML).not.toContain('page--elder')
})
