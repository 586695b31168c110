/**
 * The guardian's wizard driven as a screen reader user would: every control found by its accessible name
 * (getByLabel, getByRole with a name), never by a CSS selector or an id. The one wizard driver of the e2e
 * tests. Taro H5 keeps earlier pages in the document, hidden; role queries skip hidden elements, so they
 * find the page on screen, and a label is looked up among the visible elements only.
 */
import type { Page } from 'playwright-core'
import { screenshot } from './harness'

const exact = { exact: true } as const

export async function fill(page: Page, label: string, text: string) {
  const box = page.getByLabel(label, exact).filter({ visible: true })
  await box.fill(text)
  await box.blur() // a text field commits on blur
}

export async function choose(page: Page, question: string, answer: string) {
  await page
    .getByRole('radiogroup', { name: question, ...exact })
    .getByRole('radio', { name: answer, ...exact })
    .click()
}

export async function tick(page: Page, question: string, answer: string) {
  await page
    .getByRole('group', { name: question, ...exact })
    .getByRole('checkbox', { name: answer, ...exact })
    .click()
}

/** A picker's button is named 「label：answer」 (请选择 while empty); its sheet is a dialog named by the label. */
const picker = (page: Page, label: string) => page.getByRole('button', { name: new RegExp(`^${label}：`) })
const sheet = (page: Page, label: string) => page.getByRole('dialog', { name: label, ...exact })

export async function pick(page: Page, label: string, option: string) {
  await picker(page, label).click()
  await sheet(page, label)
    .getByRole('radio', { name: option, ...exact })
    .click()
}

/** '2021-02' (a month) or '2021-02-03'. */
export async function pickDate(page: Page, label: string, iso: string) {
  const [y, m, d] = iso.split('-').map(Number)
  await picker(page, label).click()
  const dialog = sheet(page, label)
  await dialog.getByRole('radio', { name: `${y}年`, ...exact }).click()
  await dialog.getByRole('radio', { name: `${m}月`, ...exact }).click()
  if (d !== undefined) await dialog.getByRole('radio', { name: `${d}日`, ...exact }).click()
  await dialog.getByRole('button', { name: '确定', ...exact }).click()
}

export async function pickRegion(page: Page, label: string, names: string[]) {
  await picker(page, label).click()
  const dialog = sheet(page, label)
  for (const name of names)
    await dialog
      .getByRole('radio', { name, ...exact })
      .first()
      .click()
  await dialog.waitFor({ state: 'detached' })
}

export const next = (page: Page) => page.getByRole('button', { name: '下一步', ...exact }).click()
export const expectStep = (page: Page, n: number, title: string) => page.getByText(`第${n}步，共5步：${title}`).waitFor()

export const MAOPING = ['梅州市', '大埔县', '茶阳镇', '茅坪村委会']

/** Step 1 for a child of 茅坪村 (birth date and sex come from the ID number). */
export async function fillChild(page: Page, c: { name: string; id: string; address: string }) {
  await expectStep(page, 1, '儿童信息')
  await fill(page, '儿童姓名', c.name)
  await choose(page, '是否已登记户口', '是')
  await fill(page, '儿童身份证号码', c.id)
  await page.getByText(/身份证号码显示：出生日期/).waitFor()
  await pick(page, '民族', '汉族')
  await choose(page, '户口性质', '农村户口')
  await pickRegion(page, '户籍地（村/社区）', MAOPING)
  await page.getByRole('button', { name: '与户籍地相同', ...exact }).click()
  await fill(page, '详细地址（门牌号）', c.address)
  await choose(page, '就学情况', '小学')
  await choose(page, '是否在学校寄宿', '否')
  await choose(page, '身体情况', '健康')
}

async function migrantParent(
  page: Page,
  who: '父亲' | '母亲',
  p: { name: string; id: string; phone: string; place: string; since: string },
) {
  await choose(page, `${who}目前的情况`, '外出务工')
  await fill(page, `${who}姓名`, p.name)
  await fill(page, `${who}身份证号码`, p.id)
  await fill(page, `${who}联系电话`, p.phone)
  await fill(page, `${who}务工地点（省、市）`, p.place)
  await pickDate(page, `${who}外出务工开始时间`, p.since)
}

export async function fillParents(page: Page) {
  await expectStep(page, 2, '父母情况')
  await migrantParent(page, '父亲', {
    name: '陈国强',
    id: '441422198507200319',
    phone: '13800138001',
    place: '广东省深圳市',
    since: '2021-02',
  })
  await migrantParent(page, '母亲', {
    name: '李秀英',
    id: '441422198811020427',
    phone: '13912345678',
    place: '广东省东莞市',
    since: '2022-03',
  })
}

export async function fillCare(page: Page) {
  await expectStep(page, 3, '监护照料')
  await choose(page, '孩子平时由谁照料', '委托他人照料')
  await fill(page, '照护人姓名', '陈桂英')
  await fill(page, '照护人身份证号码', '441422195504100642')
  await pick(page, '照护人与孩子的关系', '祖母')
  await fill(page, '照护人联系电话', '13711112222')
  await fill(page, '照护人居住地址', '大埔县茶阳镇茅坪村上屋12号')
  await choose(page, '照护能力', '基本能照顾')
  await choose(page, '是否签订委托照护协议', '是')
  await page.getByRole('button', { name: '填报人就是照护人', ...exact }).click()
}

export async function fillFamily(page: Page) {
  await expectStep(page, 4, '家庭情况')
  await choose(page, '祖父（爷爷）', '已故')
  await choose(page, '祖母（奶奶）', '健在')
  await fill(page, '祖母姓名', '陈桂英')
  await choose(page, '外祖父（外公）', '不详')
  await choose(page, '外祖母（外婆）', '不详')
  await choose(page, '家庭经济状况', '一般家庭')
  for (const label of ['打工收入', '种养殖业']) await tick(page, '家庭经济来源（可多选）', label)
  for (const label of ['教育', '心理']) await tick(page, '需要的帮助（可多选）', label)
}

/** Steps 2–4 of the left-behind fixture: both parents away for work, the grandmother cares. */
export async function fillFamilySteps(page: Page) {
  await fillParents(page)
  await next(page)
  await fillCare(page)
  await next(page)
  await fillFamily(page)
  // The grandparents: 已故, 健在 with a name (the birth date left out, as a grandmother may not know it), 不详.
  await screenshot(page, 'wizard-grandparents')
}

/** Step 5: tick the consent and submit; resolves on the done page. */
export async function consentAndSubmit(page: Page) {
  await expectStep(page, 5, '确认提交')
  await page.getByRole('checkbox', { name: /同意/ }).click()
  await page.getByRole('button', { name: '同意并提交', ...exact }).click()
  await page.getByRole('button', { name: '查看我的登记', ...exact }).waitFor()
}

/** A registration's badge on the page on screen: its mark and its words (components/sync-badge), e.g. 「✓ 已提交」. */
export const badge = (page: Page, label: string) => page.getByText(new RegExp(`^[✓…!•] ${label}$`)).filter({ visible: true })
