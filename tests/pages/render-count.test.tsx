/**
 * Smooth typing on a slow phone: 20 characters typed one input event at a time re-render nothing (not
 * the step, not the field, not the page), change no store and write no storage; leaving the field
 * commits the text once.
 */
import { act, fireEvent, render } from '@testing-library/react'
import { Profiler } from 'react'
import { FormContext } from '@/components/form/context'
import { ChildStep } from '@/register/wizard/steps'
import { createWizard, WizardContext } from '@/register/wizard/wizard-state'
import { storage } from '@/platform/storage'
import { draftsStore } from '@/store/drafts'
import { expectStep, field, inputOf, tapText } from './harness'
import { bootApp, wipePhone } from './setup-app'

const TWENTY = '欧阳小明是个好孩子今年十一岁读小学四年级' // 20 characters, one keystroke each

beforeEach(() => wipePhone())

async function typeCharByChar(path: string) {
  const input = await inputOf(path)
  let text = ''
  for (const ch of TWENTY) {
    text += ch
    act(() => {
      fireEvent.input(input, { target: { value: text } })
    })
  }
  return input
}

test('the child step does not re-render while 20 characters are typed; blur commits them once', async () => {
  const id = draftsStore.getState().createDraft()
  storage.flush()
  const wizard = createWizard(id)
  let stepCommits = 0
  render(
    <WizardContext.Provider value={wizard}>
      <FormContext.Provider value={wizard.binding}>
        <Profiler id='child-step' onRender={() => stepCommits++}>
          <ChildStep />
        </Profiler>
      </FormContext.Provider>
    </WizardContext.Provider>,
  )
  const input = await inputOf('child.name')
  await inputOf('child.residenceAddress') // let the Taro inputs finish their first render
  const rendersBefore = stepCommits
  let storeChanges = 0
  const unsubscribe = draftsStore.subscribe(() => storeChanges++)
  const mutations: MutationRecord[] = []
  const observer = new MutationObserver((list) => mutations.push(...list))
  observer.observe(field('child.name').parentElement as HTMLElement, {
    subtree: true,
    childList: true,
    attributes: true,
    characterData: true,
  })

  await typeCharByChar('child.name')
  await act(async () => {
    await new Promise((r) => setTimeout(r, 20))
  })
  expect(input.value).toBe(TWENTY)
  expect(stepCommits).toBe(rendersBefore) // no React render anywhere in the step
  expect(mutations.filter((m) => m.target !== input)).toEqual([]) // nothing re-drawn
  expect(storeChanges).toBe(0)
  expect(draftsStore.getState().drafts[id].record.child.name).toBeUndefined()
  expect(storage.pending()).toBe(0)

  act(() => {
    fireEvent.blur(input)
  })
  expect(draftsStore.getState().drafts[id].record.child.name).toBe(TWENTY)
  expect(storeChanges).toBe(1)
  // One React commit: the name field showing its committed value; the step's field list is unchanged.
  expect(stepCommits).toBe(rendersBefore + 1)
  // The storage write is buffered (throttled), not done on the spot.
  expect(storage.pending()).toBe(1) // only this draft's key: the index did not change
  storage.flush()
  expect(storage.pending()).toBe(0)
  expect(JSON.parse(localStorage.getItem(`hutong:draft:${id}`) as string).data).toContain(TWENTY)
  observer.disconnect()
  unsubscribe()
})

test('in the whole wizard page, typing re-renders no page, bar or step', async () => {
  let appCommits = 0
  const app = bootApp()
  tapText('开始登记一个孩子')
  await expectStep(1, '儿童信息')
  app.view.rerender(
    <Profiler id='app' onRender={() => appCommits++}>
      <app.router.App />
    </Profiler>,
  )
  await inputOf('child.residenceAddress')
  const before = appCommits
  const input = await typeCharByChar('child.residenceAddress')
  expect(appCommits).toBe(before)
  act(() => {
    fireEvent.blur(input)
  })
  const draft = Object.values(draftsStore.getState().drafts)[0]
  expect(draft.record.child.residenceAddress).toBe(TWENTY)
  app.cleanup()
})
