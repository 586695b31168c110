/**
 * 长辈模式: its own switch on the home page (kept on the phone), and WeChat's large font setting turns it
 * on by itself. The rem base follows WeChat's font size and is at least 20 px in the mode.
 */
import { act, screen } from '@testing-library/react'
import { overrideSystemFontSize } from '@/platform/system'
import { storage } from '@/platform/storage'
import { createSettingsStore, settingsStore } from '@/store/settings'
import { expectStep, tapText } from './harness'
import { bootApp, wipePhone } from './setup-app'

let app: ReturnType<typeof bootApp>
beforeEach(() => wipePhone())
afterEach(() => {
  app.cleanup()
  overrideSystemFontSize(undefined)
})

const root = () => document.querySelector('.page') as HTMLElement
/**
 * The rem base the page asks for: one !important rule on the root (jsdom does not weigh !important against
 * an inline size; that Taro's later inline size loses is measured in Chromium, tests/e2e/a11y.test.ts).
 */
const rootFont = () => /font-size:(\S+) !important/.exec(document.getElementById('hutong-root-font')?.textContent ?? '')?.[1]

test('the switch turns 长辈模式 on for every page and is remembered', async () => {
  overrideSystemFontSize(16)
  app = bootApp()
  await screen.findByText('已关闭，点一下开启')
  expect(root().className).not.toContain('page--elder')
  expect(rootFont()).toBe('16px')

  tapText('已关闭，点一下开启')
  await screen.findByText('已开启，点一下关闭')
  expect(root().className).toContain('page--elder')
  expect(rootFont()).toBe('20px')
  storage.flush()
  expect(JSON.parse(JSON.parse(localStorage.getItem('hutong:settings') as string).data).state).toEqual({ elderMode: true })

  tapText('开始登记一个孩子')
  await expectStep(1, '儿童信息')
  expect(root().className).toContain('page--elder')
  expect(rootFont()).toBe('20px')
})

test('WeChat set to a large font: the mode is on without the switch, and the rem base follows WeChat', async () => {
  overrideSystemFontSize(24)
  app = bootApp()
  await screen.findByText('微信字体已调大，已自动使用长辈模式。')
  expect(root().className).toContain('page--elder')
  expect(rootFont()).toBe('24px')
  expect(settingsStore.getState().elderMode).toBe(false)
})

test('the switch is restored from storage by a store created on the next app start', () => {
  app = bootApp()
  act(() => settingsStore.getState().setElderMode(true))
  storage.flush()
  expect(createSettingsStore().getState().elderMode).toBe(true)
  act(() => settingsStore.getState().setElderMode(false))
  storage.flush()
  expect(createSettingsStore().getState().elderMode).toBe(false)
})
