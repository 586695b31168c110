/** 长辈模式 on the compiled build: WeChat's font size at 24 px raises the rem base and turns the elder styles on. */
import { closeAll, openPage, pageMetaValues, setFontSizeSetting } from './harness'

setFontSizeSetting(24)
afterEach(closeAll)

test('a large WeChat font size raises the rem base and sets page--elder', async () => {
  const { page } = await openPage('pages/index/index')
  expect(pageMetaValues('pages/index/index')).toEqual(expect.arrayContaining(['24px', 'system']))
  expect(page.dom?.innerHTML).toContain('page--elder')
})
