/**
 * @jest-environment jsdom
 *
 * The mini-program build itself, not H5: pages rendered from dist/weapp with WeChat's WXML compiler and
 * the built JS (see weapp-simulate.ts). Proves on the real runtime what the H5 tests prove on jsdom:
 * typing costs no setData at all, blur commits, storage is written when the app hides, <page-meta>
 * gets the rem base and page-font-size, and validation messages reach the view. Run `npm run build:weapp` first.
 */
import { UUID_V4 } from '@/services/ids'
import { bootWeapp } from './weapp-simulate'

const TWENTY = '欧阳小明是个好孩子今年十一岁读小学四年级'

/** Polls until `find` returns something (the first render of a page waits for Taro's timer). */
async function until<T>(weapp: ReturnType<typeof bootWeapp>, find: () => T | undefined): Promise<T> {
  for (let i = 0; i < 100; i++) {
    const found = find()
    if (found) return found
    await weapp.sleep(10)
  }
  throw new Error('not rendered')
}

async function openWizard(weapp: ReturnType<typeof bootWeapp>) {
  const home = weapp.open('pages/index/index')
  const start = await until(weapp, () => home.comp.querySelectorAll('.btn').find((b: any) => b.dom.textContent === '开始登记一个孩子'))
  start.dispatchEvent('tap')
  await until(weapp, () => weapp.navigations[0])
  const id = new URLSearchParams(weapp.navigations[0].split('?')[1]).get('id') as string
  const wizard = weapp.open('register/wizard/index', { id })
  await until(weapp, () => wizard.comp.dom.querySelector('custom-wrapper'))
  // The step sits in a CustomWrapper (its own setData); find it by the sid Taro gives it.
  const sid = (wizard.comp.dom.querySelector('custom-wrapper') as HTMLElement).getAttribute('data-sid')
  return { home, wizard, id, step: wizard.comp.querySelector(`#${sid}`) }
}

const pageMetaValues = (calls: Record<string, unknown>[]) =>
  Object.values(calls.find((c) => 'pageMeta' in c)?.pageMeta as Record<string, unknown>)

test('<page-meta> receives the rem base and page-font-size="system"; 长辈模式 raises the base', async () => {
  const normal = bootWeapp({ fontSizeSetting: 17 })
  const page = normal.open('pages/index/index')
  await until(normal, () => page.setData.length)
  expect(pageMetaValues(page.setData)).toEqual(expect.arrayContaining(['17px', 'system']))
  const large = bootWeapp({ fontSizeSetting: 24 })
  const home = large.open('pages/index/index')
  await until(large, () => home.setData.length)
  expect(pageMetaValues(home.setData)).toEqual(expect.arrayContaining(['24px', 'system']))
  expect(home.comp.dom.innerHTML).toContain('page--elder')
})

test('20 keystrokes send no setData; blur commits; hiding the app writes the draft to wx storage', async () => {
  const weapp = bootWeapp()
  const { id, step } = await openWizard(weapp)
  expect(id).toMatch(UUID_V4)
  const name = step.querySelectorAll('.field__input').find((i: any) => i.dom.tagName === 'WX-INPUT')
  const before = weapp.allSetData.length
  let text = ''
  for (const ch of TWENTY) {
    text += ch
    name.dispatchEvent('input', { detail: { value: text, cursor: text.length } })
    await weapp.sleep(0)
  }
  await weapp.sleep(30)
  expect(weapp.allSetData.slice(before)).toEqual([])

  name.dispatchEvent('blur', { detail: { value: text } })
  await weapp.sleep(30)
  // The input already shows the committed text: nothing in the step is redrawn. (The home page below in
  // the page stack updates its draft list: one small setData per commit, never per keystroke.)
  expect(weapp.allSetData.slice(before).filter((c) => c.owner !== 'pages/index/index')).toEqual([])
  expect(weapp.storage.has(`hutong:draft:${id}`)).toBe(false) // buffered (throttled), not yet written
  weapp.hide()
  expect(JSON.parse(weapp.storage.get(`hutong:draft:${id}`) as string).record.child.name).toBe(TWENTY)
  expect(JSON.parse(weapp.storage.get('hutong:drafts') as string)).toEqual({ v: 1, ids: [id], lastId: id })
})

test('下一步 on an empty step shows the messages beside the fields, through the step wrapper only', async () => {
  const weapp = bootWeapp()
  const { wizard, step } = await openWizard(weapp)
  const before = weapp.allSetData.length
  wizard.comp.querySelectorAll('.btn').find((b: any) => b.dom.textContent === '下一步').dispatchEvent('tap')
  await weapp.sleep(100)
  expect(step.dom.textContent).toContain('✕ 请填写儿童姓名')
  expect(wizard.comp.dom.textContent).toContain('这一步还有10处需要填写或修改：')
  expect(wizard.comp.dom.textContent).toContain('第1步，共5步：儿童信息')
  const sent = JSON.stringify(weapp.allSetData.slice(before))
  expect(sent.length).toBeLessThan(20000)
})

test('text typed and not yet left survives the app going to the background and a re-render around it', async () => {
  const weapp = bootWeapp()
  const { id, step } = await openWizard(weapp)
  const name = step.querySelectorAll('.field__input').find((i: any) => i.dom.tagName === 'WX-INPUT')
  name.dispatchEvent('input', { detail: { value: '陈小', cursor: 2 } })
  await weapp.sleep(10)
  // A choice elsewhere in the step adds fields (户口 questions): the step is re-rendered around the input.
  step.querySelectorAll('.choice').find((c: any) => c.dom.textContent === '○是').dispatchEvent('tap')
  await weapp.sleep(30)
  const sent = JSON.stringify(weapp.allSetData)
  const at = sent.lastIndexOf('"uid":"field-child-name"')
  expect(at).toBeGreaterThan(-1) // the step was serialised again around the input…
  expect(sent.slice(at, at + 600)).toMatch(/"cl":"field__input "[^}]*"陈小"/) // …carrying the typed text, not the old default
  weapp.hide()
  const draft = JSON.parse(weapp.storage.get(`hutong:draft:${id}`) as string)
  expect(draft.record.child).toEqual({ name: '陈小', hasHukou: true })
})
