/**
 * The guardian's H5 pages driven as a person would: tap, type, pick. Taro's H5 components are custom
 * elements without shadow roots; a text field's host carries the id and the real <input> is inside it.
 */
import type { Page } from 'playwright-core'
import { screenshot } from './harness'

const fid = (path: string) => `#field-${path.replace(/\./g, '-')}`

export async function type(page: Page, path: string, text: string) {
  const input = page.locator(`${fid(path)} input, ${fid(path)} textarea`).first()
  await input.fill(text)
  await input.blur() // a text field commits on blur
}

export async function choose(page: Page, path: string, label: string) {
  await page.locator(fid(path)).getByText(label, { exact: true }).first().click()
}

export async function pickOption(page: Page, path: string, label: string) {
  await page.locator(`${fid(path)} .field__picker`).click()
  await page
    .locator(`${fid(path)} .sheet`)
    .getByText(label, { exact: true })
    .first()
    .click()
}

export async function pickDate(page: Page, path: string, iso: string) {
  const [y, m, d] = iso.split('-').map(Number)
  await page.locator(`${fid(path)} .field__picker`).click()
  const cell = (part: string) => page.locator(`${fid(path)}-${part}`)
  await cell(`y${y}`).click()
  await cell(`m${m}`).click()
  // A month-only field ('2021-02', 外出务工开始时间) has no day column.
  if (d !== undefined) await cell(`d${d}`).click()
  await page
    .locator(`${fid(path)} .sheet`)
    .getByText('确定', { exact: true })
    .click()
}

/** City, county, township, village by name (the village list comes from the server). */
export async function pickRegion(page: Page, path: string, names: string[]) {
  await page.locator(`${fid(path)} .field__picker`).click()
  for (const name of names)
    await page
      .locator(`${fid(path)} .sheet`)
      .getByText(name, { exact: true })
      .first()
      .click()
  await page.locator(`${fid(path)} .sheet`).waitFor({ state: 'detached' })
}

export async function expectStep(page: Page, n: number, title: string) {
  await page.getByText(`第${n}步，共5步：${title}`).waitFor()
}

export const next = (page: Page) => page.locator('#wizard-next').click()

export const MAOPING = ['梅州市', '大埔县', '茶阳镇', '茅坪村委会']

export interface Child {
  name: string
  id: string
  address: string
}

/** Step 1 for a child with a hukou in 茅坪村 (birth date and sex come from the ID number). */
export async function fillChild(page: Page, c: Child) {
  await expectStep(page, 1, '儿童信息')
  await type(page, 'child.name', c.name)
  await choose(page, 'child.hasHukou', '是')
  await type(page, 'child.idNumber', c.id)
  await page.getByText(/身份证号码显示：出生日期/).waitFor()
  await pickOption(page, 'child.ethnicity', '汉族')
  await choose(page, 'child.hukouType', '农村户口')
  await pickRegion(page, 'child.hukouRegion', MAOPING)
  await choose(page, 'child.residenceRegion', '与户籍地相同')
  await type(page, 'child.residenceAddress', c.address)
  await choose(page, 'child.schooling', '小学')
  await choose(page, 'child.boarding', '否')
  await choose(page, 'child.health', '健康')
}

async function migrantParent(
  page: Page,
  role: 'father' | 'mother',
  p: { name: string; id: string; phone: string; place: string; since: string },
) {
  await choose(page, `parents.${role}.situation`, '外出务工')
  await type(page, `parents.${role}.name`, p.name)
  await type(page, `parents.${role}.idNumber`, p.id)
  await type(page, `parents.${role}.phone`, p.phone)
  await type(page, `parents.${role}.workPlace`, p.place)
  await pickDate(page, `parents.${role}.since`, p.since)
}

/** Steps 2–4 of the left-behind fixture: both parents away for work, the grandmother cares. */
export async function fillFamilySteps(page: Page) {
  await expectStep(page, 2, '父母情况')
  await migrantParent(page, 'father', {
    name: '陈国强',
    id: '441422198507200319',
    phone: '13800138001',
    place: '广东省深圳市',
    since: '2021-02',
  })
  await migrantParent(page, 'mother', {
    name: '李秀英',
    id: '441422198811020427',
    phone: '13912345678',
    place: '广东省东莞市',
    since: '2022-03',
  })
  await next(page)
  await expectStep(page, 3, '监护照料')
  await choose(page, 'guardianship.arrangement', '委托他人照料')
  await type(page, 'guardianship.carer.name', '陈桂英')
  await type(page, 'guardianship.carer.idNumber', '441422195504100642')
  await pickOption(page, 'guardianship.carer.relation', '祖母')
  await type(page, 'guardianship.carer.phone', '13711112222')
  await type(page, 'guardianship.carer.address', '大埔县茶阳镇茅坪村上屋12号')
  await choose(page, 'guardianship.carer.ability', '基本能照顾')
  await choose(page, 'guardianship.carer.entrustmentSigned', '是')
  await page.getByText('填报人就是照护人', { exact: true }).click()
  await next(page)
  await expectStep(page, 4, '家庭情况')
  // The grandparents: 已故, 健在 with a name (the birth date left out, as a grandmother may not know it), 不详.
  await choose(page, 'family.grandparents.paternalGrandfather.status', '已故')
  await choose(page, 'family.grandparents.paternalGrandmother.status', '健在')
  await type(page, 'family.grandparents.paternalGrandmother.name', '陈桂英')
  await choose(page, 'family.grandparents.maternalGrandfather.status', '不详')
  await choose(page, 'family.grandparents.maternalGrandmother.status', '不详')
  await screenshot(page, 'wizard-grandparents')
  await choose(page, 'family.economicStatus', '一般家庭')
  for (const label of ['打工收入', '种养殖业']) await choose(page, 'family.incomeSources', label)
  for (const label of ['教育', '心理']) await choose(page, 'family.needs', label)
}

/** Step 5: tick the consent and submit; resolves on the done page. */
export async function consentAndSubmit(page: Page) {
  await expectStep(page, 5, '确认提交')
  await page.locator('#consent-checkbox').click()
  await page.locator('#submit').click()
  await page.locator('#done').waitFor()
}

/** The phone's storage as the H5 build keeps it: Taro wraps each value as {"data": …} in localStorage. */
export async function phoneStorage(page: Page, key: string): Promise<any> {
  const raw = await page.evaluate((k) => localStorage.getItem(k), key)
  if (!raw) return undefined
  const data = JSON.parse(raw)?.data
  return typeof data === 'string' ? JSON.parse(data) : data
}

/** A valid 18-digit ID number (GB 11643 check digit) for a birth date and a sequence number. */
export function idNumber(region: string, birth: string, sequence: string): string {
  const body = `${region}${birth.replace(/-/g, '')}${sequence}`
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
  const sum = [...body].reduce((s, c, i) => s + Number(c) * weights[i], 0)
  return body + '10X98765432'[sum % 11]
}
