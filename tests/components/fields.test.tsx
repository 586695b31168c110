/** The field components on their own: commit rules, error display, pickers. */
import { act, fireEvent, screen, within } from '@testing-library/react'
import ChoiceField, { YES_NO } from '@/components/choice-list'
import DateField from '@/components/date-picker'
import MultiField from '@/components/multi-select'
import TextField from '@/components/text-input'
import { normaliseIdInput } from '@/domain/idcard'
import { field, inputOf, tap, tapText } from '../pages/harness'
import { renderInForm } from './form-harness'

test('a text field commits trimmed text on blur, removes the answer when emptied, and shows its error in words', async () => {
  const form = renderInForm(<TextField path='child.name' label='儿童姓名' />, {}, { 'child.name': '请填写儿童姓名' })
  expect(within(field('child.name')).getByText('✕ 请填写儿童姓名')).toBeTruthy()
  expect(field('child.name').className).toContain('field--invalid')
  const input = await inputOf('child.name')
  act(() => {
    fireEvent.input(input, { target: { value: '  陈小明 ' } })
  })
  expect(form.values()).toEqual({})
  act(() => {
    fireEvent.blur(input)
  })
  expect(form.values()).toEqual({ child: { name: '陈小明' } })
  act(() => {
    fireEvent.input(input, { target: { value: '   ' } })
    fireEvent.blur(input)
  })
  expect(form.values()).toEqual({ child: {} })
})

test('text typed but not left is committed when the form flushes pending edits or the field unmounts', async () => {
  const form = renderInForm(<TextField path='a.b' label='x' />)
  const input = await inputOf('a.b')
  act(() => {
    fireEvent.input(input, { target: { value: '半截' } })
  })
  act(() => form.flushPending())
  expect(form.values()).toEqual({ a: { b: '半截' } })
  act(() => {
    fireEvent.input(input, { target: { value: '半截话' } })
  })
  form.view.unmount()
  expect(form.values()).toEqual({ a: { b: '半截话' } })
})

test('an answer changed elsewhere (or normalised) replaces what the input shows', async () => {
  const form = renderInForm(<TextField path='id' label='身份证号码' kind='id' normalise={normaliseIdInput} />)
  const input = await inputOf('id')
  act(() => {
    fireEvent.input(input, { target: { value: '44142220150308123x' } })
    fireEvent.blur(input)
  })
  expect(form.values()).toEqual({ id: '44142220150308123X' })
  expect((await inputOf('id')).value).toBe('44142220150308123X')
  act(() => form.store.setState({ values: { id: '441422201209150266' } }))
  expect((await inputOf('id')).value).toBe('441422201209150266')
})

test('choices mark the chosen one with ✓ and aria-checked; yes/no commit booleans', () => {
  const form = renderInForm(<ChoiceField path='x' label='是否寄宿' options={YES_NO} />)
  tapText('否')
  expect(form.values()).toEqual({ x: false })
  const chosen = within(field('x')).getByText('否').parentElement as HTMLElement
  expect(chosen.getAttribute('aria-checked')).toBe('true')
  expect(within(chosen).getByText('✓')).toBeTruthy()
})

test('multi-select toggles, keeps the tap order and may be empty', () => {
  const options = [
    { value: 'a', label: '生活' },
    { value: 'b', label: '教育' },
    { value: 'c', label: '医疗' },
  ]
  const form = renderInForm(<MultiField path='needs' label='需要的帮助' options={options} />, { needs: [] })
  tapText('医疗')
  tapText('生活')
  expect(form.values()).toEqual({ needs: ['c', 'a'] })
  tapText('医疗')
  tapText('生活')
  expect(form.values()).toEqual({ needs: [] })
})

test('the date picker offers the days of the chosen month and needs all three parts', () => {
  const form = renderInForm(<DateField path='d' label='失联开始时间' years={[2020, 2026]} optional />)
  tap(field('d').querySelector('.field__picker') as Element)
  const sheet = field('d').querySelector('.sheet') as HTMLElement
  expect(within(sheet).getByText('请选好年、月、日')).toBeTruthy()
  tapText('2024年', sheet)
  tapText('2月', sheet)
  expect(within(sheet).getByText('29日')).toBeTruthy()
  expect(within(sheet).queryByText('30日')).toBeNull()
  tapText('29日', sheet)
  tapText('确定', sheet)
  expect(form.values()).toEqual({ d: '2024-02-29' })
  expect(screen.getByText('2024年2月29日')).toBeTruthy()
  // An optional date can be cleared.
  tap(field('d').querySelector('.field__picker') as Element)
  tapText('清除', field('d').querySelector('.sheet') as HTMLElement)
  expect(form.values()).toEqual({})
})

test('an option is in the tab order and Enter or Space picks it, as a native radio would (H5)', () => {
  const form = renderInForm(<ChoiceField path='x' label='是否寄宿' options={YES_NO} />)
  const no = within(field('x')).getByText('否').parentElement as HTMLElement
  expect(no.getAttribute('tabindex')).toBe('0')
  fireEvent.keyDown(no, { key: 'Enter' })
  expect(form.values()).toEqual({ x: false })
  const yes = within(field('x')).getByText('是').parentElement as HTMLElement
  fireEvent.keyDown(yes, { key: ' ' })
  expect(form.values()).toEqual({ x: true })
  fireEvent.keyDown(no, { key: 'a' })
  expect(form.values()).toEqual({ x: true })
})
