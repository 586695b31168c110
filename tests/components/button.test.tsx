/** The button in H5: reached with Tab and pressed with Enter or Space like a real button; a disabled one is neither. */
import { act, fireEvent, render } from '@testing-library/react'
import ActionButton from '@/components/button'

test('Tab reaches it, Enter and Space press it; disabled: out of the Tab order and not pressed', () => {
  const taps: string[] = []
  const view = render(
    <>
      <ActionButton id='on' label='接收' onTap={() => taps.push('on')} />
      <ActionButton id='off' label='撤回' disabled onTap={() => taps.push('off')} />
    </>,
  )
  const on = view.container.querySelector('#on') as HTMLElement
  const off = view.container.querySelector('#off') as HTMLElement
  expect(on.getAttribute('tabindex')).toBe('0')
  expect(off.getAttribute('tabindex')).toBe('-1')
  for (const key of ['Enter', ' ', 'a']) {
    act(() => {
      fireEvent.keyDown(on, { key })
      fireEvent.keyDown(off, { key })
    })
  }
  expect(taps).toEqual(['on', 'on'])
})
