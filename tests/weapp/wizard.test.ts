/**
 * The wizard on the compiled weapp build (tests/weapp/harness.ts): 20 keystrokes cost no setData at all, blur
 * commits, storage is written when the app hides, validation messages reach the view through the step's
 * wrapper, and typed text survives a re-render of the step around it. Run `npm run build:weapp` first.
 * The first test must stay first: it checks the draft index holds exactly its own draft.
 */
import { byId, byText, closeAll, hideApp, inputIn, navigations, openPage, settle, settleUntil, setDataLog } from './harness'

const TWENTY = '欧阳小明是个好孩子今年十一岁读小学四年级'
const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/
const text = (page: { dom?: HTMLElement }) => page.dom?.textContent ?? ''

afterEach(closeAll)

/** Home → 开始登记一个孩子 → the wizard on the new draft, home below it in the page stack. */
async function openWizard() {
  const { page: home } = await openPage('pages/index/index')
  home.querySelector('#home-start')!.dispatchEvent('tap')
  await settle()
  const url = navigations.at(-1)?.url ?? ''
  const id = new URLSearchParams(url.split('?')[1]).get('id') as string
  const { page, storage } = await openPage('register/wizard/index', { id })
  return { page, storage, id }
}

test('20 keystrokes send no setData; blur commits; hiding the app writes the draft to wx storage', async () => {
  const { page, storage, id } = await openWizard()
  expect(id).toMatch(UUID_V4)
  const name = inputIn(page, 'field-child-name')!
  const before = setDataLog.length
  let typed = ''
  for (const ch of TWENTY) {
    typed += ch
    name.dispatchEvent('input', { detail: { value: typed, cursor: typed.length } })
    await settle(0)
  }
  await settle(30)
  expect(setDataLog.slice(before)).toEqual([])
  // Keystrokes are not commits: nothing typed has reached storage yet. (The new draft itself may have been
  // written by the storage throttle by now, so only its name is checked: a timing-free assertion.)
  const stored = () => storage.get(`hutong:draft:${id}`) as string | undefined
  expect(stored() ?? '').not.toContain(TWENTY.slice(0, 2))

  name.dispatchEvent('blur', { detail: { value: typed } })
  await settle(30)
  // The input already shows the committed text: nothing in the step is redrawn. (The home page below in
  // the page stack updates its draft list: one small setData per commit, never per keystroke.)
  expect(setDataLog.slice(before).filter((c) => c.component !== 'pages/index/index')).toEqual([])
  await hideApp()
  expect(JSON.parse(stored() as string).record.child.name).toBe(TWENTY)
  expect(JSON.parse(storage.get('hutong:drafts') as string)).toEqual({ v: 1, ids: [id], lastId: id })
})

test('下一步 on an empty step shows the messages beside the fields, through the step wrapper only', async () => {
  const { page } = await openWizard()
  const before = setDataLog.length
  byId(page, 'wizard-next')!.dispatchEvent('tap')
  await settle(100)
  expect(text(page)).toContain('✕ 请填写儿童姓名')
  expect(text(page)).toContain('这一步还有10处需要填写或修改：')
  expect(text(page)).toContain('第1步，共5步：儿童信息')
  const sent = JSON.stringify(setDataLog.slice(before).map((c) => c.payload))
  expect(sent.length).toBeLessThan(20000)
})

test('text typed and not yet left survives the app going to the background and a re-render around it', async () => {
  const { page, storage, id } = await openWizard()
  inputIn(page, 'field-child-name')!.dispatchEvent('input', { detail: { value: '陈小', cursor: 2 } })
  await settle(10)
  const before = setDataLog.length
  // A choice elsewhere in the step adds fields (户口 questions): the step is re-rendered around the input.
  byText(page, 'choice', '○是')!.dispatchEvent('tap')
  const sentSince = () => JSON.stringify(setDataLog.slice(before).map((c) => c.payload))
  await settleUntil(() => sentSince().includes('"uid":"field-child-name"'))
  const sent = sentSince()
  const at = sent.lastIndexOf('"uid":"field-child-name"')
  expect(at).toBeGreaterThan(-1) // the step was serialised again around the input…
  expect(sent.slice(at, at + 600)).toMatch(/"cl":"field__input "[^}]*"陈小"/) // …carrying the typed text, not the old default
  await hideApp()
  const draft = JSON.parse(storage.get(`hutong:draft:${id}`) as string)
  expect(draft.record.child).toEqual({ name: '陈小', hasHukou: true })
})
