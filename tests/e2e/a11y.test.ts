/**
 * Every screen of both apps in headless Chromium on a phone-sized window, in normal mode and in 长辈模式:
 * axe-core finds no serious or critical violation; the root font size is the same on every page and
 * holds after Taro's own script resets it (about 500 ms after load); option boxes and buttons have the
 * sizes docs/guardian-app.md promises. Controls are found by their accessible names, as a screen reader
 * user would find them. The figures measured are printed (docs/guardian-app.md quotes them) and the
 * 长辈模式 screens are saved under test-results/screenshots/.
 */
import type { Locator, Page } from 'playwright-core'
import { checkA11y } from './axe'
import { launchBrowser, screenshot, startServer, type TestBrowser, type TestServer } from './harness'
import { listReady, signIn } from './worker-pages'

jest.setTimeout(600_000)

let server: TestServer
let browser: TestBrowser
beforeAll(async () => {
  server = await startServer({ demo: true })
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
  await server?.dispose()
})

const figures: string[] = []
const note = (line: string) => figures.push(line)

/** The root font size once Taro's script has had its late go at it. */
async function rootPx(page: Page): Promise<number> {
  await page.waitForTimeout(1200)
  return page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize))
}

/** The page on screen, its main landmark: Taro H5 keeps earlier pages in the document, hidden (role queries skip them). */
const current = (page: Page) => page.getByRole('main').last()

async function heightOf(locator: Locator): Promise<number> {
  return locator.evaluate((el) => el.getBoundingClientRect().height)
}

/** Fills step 1's first answers through the names a screen reader reads out. */
async function answerSomeOfStep1(page: Page) {
  const step = current(page)
  await step.getByLabel('儿童姓名', { exact: true }).fill('陈小明')
  await step.getByLabel('儿童姓名', { exact: true }).blur()
  await step.getByRole('radiogroup', { name: '是否已登记户口' }).getByRole('radio', { name: '是' }).click()
  await step.getByLabel('儿童身份证号码', { exact: true }).fill('44142220150308123')
  await step.getByLabel('儿童身份证号码', { exact: true }).blur()
}

async function guardianScreens(page: Page, mode: 'normal' | 'elder') {
  const tag = mode === 'elder' ? '长辈模式' : '普通'
  await page.goto(`${server.url}/`)
  await page.getByRole('button', { name: '开始登记一个孩子' }).waitFor()
  if (mode === 'elder') {
    await page.getByRole('switch').click()
    await page.getByText('已开启，点一下关闭').waitFor()
  }
  const sizes: Record<string, number> = { home: await rootPx(page) }
  await checkA11y(page, `home (${tag})`)
  if (mode === 'elder') await screenshot(page, 'elder-home')

  await page.getByRole('button', { name: '开始登记一个孩子' }).click()
  await page.getByText('第1步，共5步：儿童信息').waitFor()
  sizes.step1 = await rootPx(page)
  const body = await current(page).evaluate((el) => parseFloat(getComputedStyle(el).fontSize))
  // The first field's label, by its words.
  const label = await current(page)
    .getByText('儿童姓名', { exact: true })
    .evaluate((el) => parseFloat(getComputedStyle(el).fontSize))
  note(`${tag}: body text ${body} px, field labels ${label} px`)
  if (mode === 'elder') expect(body).toBeGreaterThanOrEqual(20)

  // Option boxes: 56–80 px tall in 长辈模式, at least 44 px in normal mode; the step's height with the
  // rule that stretched them (flex-basis 6rem in a column) and without.
  const option = current(page).getByRole('radiogroup', { name: '是否已登记户口' }).getByRole('radio', { name: '是' })
  const optionHeight = await heightOf(option)
  const button = await heightOf(current(page).getByRole('button', { name: '下一步' }))
  note(`${tag}: option box ${optionHeight.toFixed(0)} px, 下一步 ${button.toFixed(0)} px`)
  if (mode === 'elder') {
    expect(optionHeight).toBeGreaterThanOrEqual(56)
    expect(optionHeight).toBeLessThanOrEqual(80)
    expect(button).toBeGreaterThanOrEqual(56)
  } else {
    expect(optionHeight).toBeGreaterThanOrEqual(44)
    expect(button).toBeGreaterThanOrEqual(44)
  }
  const after = await heightOf(current(page))
  const before = await page.evaluate(() => {
    const old = document.createElement('style')
    old.textContent = '.page--elder .choices--compact .choice, .choices--compact .choice { flex: 1 1 6rem !important }'
    document.head.appendChild(old)
    const pages = Array.from(document.querySelectorAll('.page')) as HTMLElement[]
    const shown = pages.filter((p) => p.offsetParent !== null || p.getClientRects().length > 0).pop()
    const h = shown ? shown.getBoundingClientRect().height : 0
    old.remove()
    return h
  })
  note(`${tag}: step 1 is ${after.toFixed(0)} px tall (${before.toFixed(0)} px with the option boxes' old flex rule)`)
  await checkA11y(page, `step 1 (${tag})`)
  if (mode === 'elder') await screenshot(page, 'elder-step1')

  // One error line under a 17-digit ID number, named by the input.
  await answerSomeOfStep1(page)
  await current(page).getByRole('button', { name: '下一步' }).click()
  const idBox = current(page).getByLabel('儿童身份证号码', { exact: true })
  await expect(idBox.getAttribute('aria-invalid')).resolves.toBe('true')
  await expect(
    current(page).locator('#field-child-idNumber .field__error, #field-child-idNumber .field__note--warn').count(),
  ).resolves.toBe(1)
  await checkA11y(page, `step 1 with errors (${tag})`)

  await page.goto(`${server.url}/#/pages/mine/index`)
  await page.getByRole('button', { name: '刷新', exact: true }).waitFor()
  sizes.mine = await rootPx(page)
  await checkA11y(page, `我的登记 (${tag})`)
  if (mode === 'elder') await screenshot(page, 'elder-mine')
  note(
    `${tag}: root font size ${Object.entries(sizes)
      .map(([k, v]) => `${k} ${v} px`)
      .join(', ')}`,
  )
  const distinct = new Set([sizes.home, sizes.step1, sizes.mine])
  expect([...distinct]).toEqual([mode === 'elder' ? 20 : 16])
}

test('guardian screens, normal mode: one root size, sizes, no serious or critical axe violations', async () => {
  const page = await browser.newPage()
  await guardianScreens(page, 'normal')
  await page.close()
})

test('guardian screens, 长辈模式: 20 px on every page, option boxes 56–80 px, no serious or critical axe violations', async () => {
  const context = await launchBrowser()
  try {
    const page = await context.newPage()
    await guardianScreens(page, 'elder')
  } finally {
    await context.close()
  }
})

test('worker screens: login and list: named controls, no serious or critical axe violations', async () => {
  const worker = await launchBrowser()
  try {
    const page = await worker.newPage()
    await page.goto(`${server.url}/#/worker/login/index`)
    await page.getByRole('textbox', { name: '用户名' }).waitFor()
    await checkA11y(page, 'worker login')
    await signIn(page, server.url, 'demo-maoping', 'demo-password-e2e')
    await listReady(page)
    await checkA11y(page, 'worker list')
    // A record's page and its panels: tests/e2e/sixteenth-birthday.test.ts.
  } finally {
    await worker.close()
  }
})

afterAll(() => {
  // The figures docs/guardian-app.md quotes.
  process.stdout.write(`\nA11Y FIGURES\n${figures.join('\n')}\n`)
})
