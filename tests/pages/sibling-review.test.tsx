/**
 * "再登记一个孩子" starts a draft with the family steps of the chosen registration and an empty child;
 * the review step shows the whole record, the suggested categories with their reasons, what is missing,
 * and will not submit without the guardian's consent.
 */
import { act, screen, waitFor, within } from '@testing-library/react'
import deFacto from '../fixtures/registrations/de-facto-unsupported.json'
import leftBehind from '../fixtures/registrations/left-behind.json'
import { draftsStore } from '@/store/drafts'
import { outboxStore } from '@/store/outbox'
import type { DraftRecord } from '@/domain/record'
import { expectStep, inputOf, tap, tapText } from './harness'
import { bootApp, wipePhone } from './setup-app'

let app: ReturnType<typeof bootApp>
beforeEach(() => {
  wipePhone()
})
afterEach(() => app.cleanup())

function asDraftRecord(fixture: any): DraftRecord {
  const { schemaVersion: _v, consent: _c, ...record } = JSON.parse(JSON.stringify(fixture))
  return record
}

function seedDraft(fixture: any, step: 'consent' | 'family' = 'consent'): string {
  const id = draftsStore.getState().createDraft()
  draftsStore.getState().updateRecord(id, () => asDraftRecord(fixture))
  draftsStore.getState().setStep(id, step)
  return id
}

/** Opens a draft from the home list (the once-per-start 接着填 offer is covered by restart.test). */
async function openFromHome(id: string) {
  const item = await waitFor(() => document.getElementById(`draft-${id}`) as HTMLElement)
  tap(within(item).getByText('继续填写'))
}

const newestDraft = () => Object.values(draftsStore.getState().drafts).sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0]

test('再登记一个孩子 from a draft copies parents, guardianship and family, not the child', async () => {
  const source = seedDraft(leftBehind, 'family')
  app = bootApp()
  const item = await waitFor(() => document.getElementById(`draft-${source}`) as HTMLElement)
  tap(within(item).getByText('再登记一个孩子'))
  await expectStep(1, '儿童信息')
  const copy = newestDraft()
  expect(copy.id).not.toBe(source)
  expect(copy.copiedFrom).toBe(source)
  expect(copy.record.child).toEqual({})
  expect(copy.record.parents).toEqual(leftBehind.parents)
  expect(copy.record.guardianship).toEqual(leftBehind.guardianship)
  expect(copy.record.family).toEqual(leftBehind.family)
  expect((await inputOf('child.name')).value).toBe('')
  // The source draft is untouched.
  expect(draftsStore.getState().drafts[source].record.child.name).toBe('陈小明')
})

test('after submitting, 再登记一个孩子 on the done page starts a sibling from the submitted record', async () => {
  const id = seedDraft(deFacto)
  app = bootApp()
  await openFromHome(id)
  await expectStep(5, '确认提交')
  tap(document.getElementById('consent-checkbox') as HTMLElement)
  tapText('同意并提交')
  await screen.findByText('登记已保存')
  tapText('再登记一个孩子（兄弟姐妹）')
  await expectStep(1, '儿童信息')
  const copy = newestDraft()
  expect(copy.record.child).toEqual({})
  expect(copy.record.parents).toEqual(deFacto.parents)
  expect(copy.record.guardianship).toEqual(deFacto.guardianship)
  expect(copy.record.family).toEqual(deFacto.family)
  expect(copy.copiedFrom).toBe(Object.keys(outboxStore.getState().items)[0])
})

test('the review step shows the record, the suggested categories with reasons, and asks for consent', async () => {
  const id = seedDraft(deFacto)
  app = bootApp()
  await openFromHome(id)
  await expectStep(5, '确认提交')
  const child = document.getElementById('review-child') as HTMLElement
  expect(within(child).getByText('张小芳')).toBeTruthy()
  // The villages of the county are fetched for the labels (this phone had never loaded them).
  await waitFor(() => expect(within(child).getAllByText('广东省梅州市大埔县茶阳镇大觉村委会')).toHaveLength(2))
  const parents = document.getElementById('review-parents') as HTMLElement
  expect(within(parents).getByText('服刑在押')).toBeTruthy()
  expect(within(parents).getByText('2030年4月30日')).toBeTruthy()

  const suggestions = document.getElementById('review-suggestions') as HTMLElement
  expect(within(suggestions).getByText('根据您填写的信息，孩子可能属于：')).toBeTruthy()
  expect(within(suggestions).getByText('事实无人抚养儿童')).toBeTruthy()
  expect(
    within(suggestions).getByText(
      /^原因：父亲服刑在押（2023-05-01至2030-04-30，期限6个月以上）；母亲失联，公安机关2024-01-15受理报案，已满6个月；孩子\d+周岁；广东省户籍。$/,
    ),
  ).toBeTruthy()
  expect(within(suggestions).getByText('困境儿童（家庭困境儿童（家庭贫困））')).toBeTruthy()
  expect(within(suggestions).getByText(/^原因：家庭为最低生活保障对象（低保）；孩子\d+周岁。$/)).toBeTruthy()
  expect(within(suggestions).getByText('• 照护人照护能力不足，请工作人员评估监护情况')).toBeTruthy()

  // The consent text is the domain's, with its version; submitting without it is refused.
  const consent = document.getElementById('review-consent') as HTMLElement
  expect(within(consent).getByText('儿童个人信息处理告知与监护人同意书')).toBeTruthy()
  expect(within(consent).getByText('不同意会怎样')).toBeTruthy()
  expect(within(consent).getByText('版本：2026.11-1')).toBeTruthy()
  tapText('同意并提交')
  await screen.findByText('✕ 请先阅读同意书，并勾选下面的同意声明。')
  expect(outboxStore.getState().items).toEqual({})
  expect(Object.keys(draftsStore.getState().drafts)).toHaveLength(1)
})

test('the review lists what is missing and 修改 returns to the step, then straight back to the review', async () => {
  const id = seedDraft(leftBehind)
  act(() =>
    draftsStore.getState().updateRecord(id, (r) => {
      const { hukouType: _gone, ...child } = r.child
      return { ...r, child }
    }),
  )
  app = bootApp()
  await openFromHome(id)
  await expectStep(5, '确认提交')
  const suggestions = document.getElementById('review-suggestions') as HTMLElement
  expect(within(suggestions).getByText('还需要补充或核实的情况')).toBeTruthy()
  expect(within(suggestions).getByText('• 孩子的户口性质（农村留守儿童限农村户籍）')).toBeTruthy()
  const incomplete = document.getElementById('review-incomplete') as HTMLElement
  expect(within(incomplete).getByText('儿童信息：还有1处需要填写或修改')).toBeTruthy()
  tap(within(incomplete).getByText('去修改'))
  await expectStep(1, '儿童信息')
  await screen.findByText('✕ 请选择户口性质')
  tapText('农村户口')
  tapText('保存并回到确认页')
  await expectStep(5, '确认提交')
  expect(document.getElementById('review-incomplete')).toBeNull()
  expect(within(document.getElementById('review-suggestions') as HTMLElement).getByText('农村留守儿童')).toBeTruthy()
})
