/**
 * Leaving a step validates it: the guardian stays on the step, each problem stands beside its field and
 * in the summary at the top (in words, with a ✕), the first one is scrolled into view, and each message
 * goes away once that field is fixed. ID numbers are explained as soon as typing ends.
 */
import { act, screen, waitFor, within } from '@testing-library/react'
import { draftsStore } from '@/store/drafts'
import { choose, expectStep, field, next, pickDate, tapText, type } from './harness'
import { bootApp, wipePhone } from './setup-app'

let app: ReturnType<typeof bootApp>
const scrolled: Element[] = []
beforeAll(() => {
  ;(Element.prototype as any).scrollIntoView = function (this: Element) {
    scrolled.push(this)
  }
})
beforeEach(async () => {
  wipePhone()
  scrolled.length = 0
  app = bootApp()
  tapText('开始登记一个孩子')
  await expectStep(1, '儿童信息')
})
afterEach(() => app.cleanup())

const summary = () => document.getElementById('error-summary') as HTMLElement
const draft = () => Object.values(draftsStore.getState().drafts)[0]

test('an empty step does not let the guardian go on, and says why beside each field and at the top', async () => {
  next()
  await waitFor(() => expect(summary()).toBeTruthy())
  await expectStep(1, '儿童信息')
  expect(draft().step).toBe('child')
  expect(within(summary()).getByText('这一步还有10处需要填写或修改：')).toBeTruthy()
  expect(within(summary()).getByText('1. 请填写儿童姓名')).toBeTruthy()
  expect(within(field('child.name')).getByText('✕ 请填写儿童姓名')).toBeTruthy()
  expect(within(field('child.hasHukou')).getByText('✕ 请选择是否已登记户口')).toBeTruthy()
  expect(field('child.name').className).toContain('field--invalid')
  // The first problem on the page is scrolled into view.
  await waitFor(() => expect(scrolled[0]?.id).toBe('field-child-name'))

  // Fixing a field removes its message at once, and the summary counts down.
  await type('child.name', '陈小明')
  await waitFor(() => expect(within(field('child.name')).queryByText(/✕/)).toBeNull())
  expect(within(summary()).getByText('这一步还有9处需要填写或修改：')).toBeTruthy()

  // Answering 已登记户口 brings the ID number, 户口性质 and 户籍地, which are now required too.
  choose('child.hasHukou', '是')
  await waitFor(() => expect(within(field('child.idNumber')).getByText('✕ 已登记户口的孩子请填写身份证号码')).toBeTruthy())
})

test('a parent situation asks for its own fields, and says which one is missing', async () => {
  act(() => draftsStore.getState().setStep(draft().id, 'parents'))
  await expectStep(2, '父母情况')
  choose('parents.father.situation', '外出务工')
  await type('parents.father.name', '陈国强')
  next()
  await waitFor(() => expect(summary()).toBeTruthy())
  expect(within(field('parents.father.workPlace')).getByText('✕ 请填写父亲务工地点（省、市）')).toBeTruthy()
  expect(within(field('parents.father.phone')).getByText('✕ 请填写父亲联系电话')).toBeTruthy()
  expect(within(summary()).getByText(/请选择母亲的情况/)).toBeTruthy()
  // The mother's situation message stands beside her situation question.
  expect(within(field('parents.mother.situation')).getByText('✕ 请选择母亲的情况')).toBeTruthy()
  // Optional fields say so: the ID number is 选填, the phone of a migrant worker is not.
  expect(within(field('parents.father.idNumber')).getByText('（选填）')).toBeTruthy()
  expect(within(field('parents.father.phone')).queryByText('（选填）')).toBeNull()
})

test('the child ID number fills birth date and sex, and a different birth date is explained', async () => {
  choose('child.hasHukou', '是')
  await type('child.idNumber', '441422201503081230')
  await waitFor(() => expect(draft().record.child.birthDate).toBe('2015-03-08'))
  expect(draft().record.child.sex).toBe('male')
  expect(within(field('child.birthDate')).getByText('2015年3月8日')).toBeTruthy()
  expect(screen.getByText(/身份证号码显示：出生日期2015年3月8日，男，现在\d+周岁。/)).toBeTruthy()

  pickDate('child.birthDate', '2015-03-09')
  await screen.findByText('您选择的出生日期是2015年3月9日，但身份证号码上是2015年3月8日。两者应当一致，请对照户口本核对。')
  next()
  await waitFor(() =>
    expect(within(field('child.birthDate')).getByText('✕ 出生日期与身份证号码不一致：身份证号码上是2015-03-08')).toBeTruthy(),
  )
  tapText('改为身份证上的出生日期')
  await waitFor(() => expect(draft().record.child.birthDate).toBe('2015-03-08'))
  await waitFor(() => expect(within(field('child.birthDate')).queryByText(/✕/)).toBeNull())

  // A corrected number moves what it had filled in.
  await type('child.idNumber', '441422201209150266')
  await waitFor(() => expect(draft().record.child.birthDate).toBe('2012-09-15'))
  expect(draft().record.child.sex).toBe('female')
})

test('a mistyped ID number is explained when typing ends', async () => {
  choose('child.hasHukou', '是')
  await type('child.idNumber', '441422201503081231')
  await screen.findByText('这个号码有问题：证件号码最后一位（校验码）不对，请逐位核对')
  expect(draft().record.child.birthDate).toBeUndefined()
  await type('child.idNumber', '44142220150308123x')
  await screen.findByText('这个号码有问题：证件号码最后一位（校验码）不对，请逐位核对')
  // Lower-case x and spaces are normalised before the number is kept.
  await type('child.idNumber', ' 4414222015030812３0 ')
  await waitFor(() => expect(draft().record.child.idNumber).toBe('441422201503081230'))
})
