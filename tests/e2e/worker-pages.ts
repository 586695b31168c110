/**
 * The workers' H5 pages as a person finds their way through them: the sign-in by its labels, the list's rows
 * as links named by what they show, a record's status line by its words. Taro H5 keeps earlier pages in the
 * document, hidden: role queries skip those, and text is looked up among the visible elements only.
 */
import type { Page } from 'playwright-core'

const exact = { exact: true } as const

/** Types into the sign-in page on screen (after an expired session an earlier one stays in the stack, hidden). */
export async function fillSignIn(page: Page, url: string, username: string, password: string) {
  await page.goto(`${url}/#/worker/login/index`)
  await page.getByLabel('用户名', exact).filter({ visible: true }).fill(username)
  await page.getByLabel('密码', exact).filter({ visible: true }).fill(password)
}

export const submitSignIn = (page: Page) => page.getByRole('button', { name: '登录', ...exact }).click()

export async function signIn(page: Page, url: string, username: string, password: string) {
  await fillSignIn(page, url, username, password)
  await submitSignIn(page)
}

/** The list of the worker's region, loaded: its status filter on screen and nothing still loading. */
export async function listReady(page: Page) {
  await page.getByRole('radiogroup', { name: '状态' }).waitFor({ timeout: 60_000 })
  await page.getByText('正在加载…').waitFor({ state: 'detached' })
}

/** A registration's row in the list: a link, found by the child's masked ID number it shows. */
export const queueRow = (page: Page, maskedId: string) => page.getByRole('link', { name: new RegExp(maskedId.replace(/\*/g, '\\*')) })

/** A record's line 「当前状态：…（第n版）」. */
export const statusLine = (page: Page, status: string) =>
  page.getByText(new RegExp(`^当前状态：${status}（第\\d+版）$`)).filter({ visible: true })

/** A line of the page on screen, by its exact words. */
export const line = (page: Page, words: string) => page.getByText(words, exact).filter({ visible: true })

/** A card of the page on screen, by its title (the card holds its title and its lines). */
export const card = (page: Page, title: string) => line(page, title).locator('..')
