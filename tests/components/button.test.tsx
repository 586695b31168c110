/** The button in H5: in the tab order, and Enter or Space acts as a tap (not while disabled). */
import { act, fireEvent, render } from '@testing-library/react'
import ActionButton from '@/components/button'

test('reachable with the keyboard: tabindex 0, Enter and Space tap, other keys and a disabled button do nothing', () => {
  const taps: string[] = []
  const view = render(
    <>
      <ActionButton id='go' label='发送报告' onTap={() => taps.push('go')} />
      <ActionButton id='off' label='正在发送…' disabled onTap={() => taps.push('off')} />
    </>,
  )
  const go = view.container.querySelector('#go')!
  expect(go.getAttribute('tabindex')).toBe('0')
  act(() => {
    fireEvent.keyDown(go, { key: 'Enter' })
    fireEvent.keyDown(go, { key: ' ' })
    fireEvent.keyDown(go, { key: 'a' })
    fireEvent.keyDown(view.container.querySelector('#off')!, { key: 'Enter' })
  })
  expect(taps).toEqual(['go', 'go'])
})
