import leftBehind from '../fixtures/registrations/left-behind.json'
import { UUID_V4 } from '@/platform/ids'
import { createDraftsStore, DRAFT_INDEX_KEY, DRAFT_PREFIX, sortedDrafts } from '@/store/drafts'
import { emptyRecord, setIn } from '@/domain/record'
import { memoryStorage } from './memory-storage'

let clock = Date.parse('2026-11-28T08:00:00Z')
const now = () => new Date((clock += 1000))

test('a draft gets a UUID v4, starts empty at step 1 and is stored under its own key', () => {
  const mem = memoryStorage()
  const store = createDraftsStore(mem.storage, now)
  const id = store.getState().createDraft()
  expect(id).toMatch(UUID_V4)
  const draft = store.getState().drafts[id]
  expect(draft).toMatchObject({ id, step: 'child', record: emptyRecord() })
  expect(JSON.parse(mem.data.get(DRAFT_PREFIX + id) as string)).toEqual(draft)
  expect(JSON.parse(mem.data.get(DRAFT_INDEX_KEY) as string)).toEqual({ v: 1, ids: [id], lastId: id })
})

test('a store created again over the same storage has every draft, its step and the last one edited', () => {
  const mem = memoryStorage()
  const first = createDraftsStore(mem.storage, now)
  const a = first.getState().createDraft()
  const b = first.getState().createDraft()
  first.getState().updateRecord(a, (r) => setIn(r, 'child.name', '陈小明'))
  first.getState().setStep(a, 'guardianship')
  first.getState().updateRecord(b, (r) => setIn(r, 'child.name', '陈小红'))

  const restarted = createDraftsStore(mem.storage, now)
  expect(restarted.getState().drafts).toEqual(first.getState().drafts)
  expect(restarted.getState().lastId).toBe(b)
  expect(restarted.getState().drafts[a].step).toBe('guardianship')
  expect(sortedDrafts(restarted.getState().drafts).map((d) => d.id)).toEqual([b, a])
})

test('updates keep other drafts untouched, bump the time, and removal deletes the key', () => {
  const mem = memoryStorage()
  const store = createDraftsStore(mem.storage, now)
  const a = store.getState().createDraft()
  const b = store.getState().createDraft()
  const before = store.getState().drafts[b]
  mem.writes.length = 0
  store.getState().updateRecord(a, (r) => setIn(r, 'child.name', '陈小明'))
  expect(store.getState().drafts[b]).toBe(before)
  expect(mem.writes).toEqual([DRAFT_PREFIX + a, DRAFT_INDEX_KEY]) // lastId moved from b to a
  expect(store.getState().drafts[a].updatedAt > store.getState().drafts[a].createdAt).toBe(true)
  // A change to nothing writes nothing.
  mem.writes.length = 0
  store.getState().updateRecord(a, (r) => setIn(r, 'child.name', '陈小明'))
  expect(mem.writes).toEqual([])

  store.getState().removeDraft(a)
  expect(mem.data.has(DRAFT_PREFIX + a)).toBe(false)
  expect(store.getState().lastId).toBeUndefined()
  expect(JSON.parse(mem.data.get(DRAFT_INDEX_KEY) as string).ids).toEqual([b])
})

test('再登记一个孩子 copies parents, guardianship and family (as copies) and leaves the child empty', () => {
  const store = createDraftsStore(memoryStorage().storage, now)
  const { schemaVersion: _v, consent: _c, ...record } = JSON.parse(JSON.stringify(leftBehind))
  const id = store.getState().createDraft({ id: 'source-id', record })
  const copy = store.getState().drafts[id]
  expect(copy.copiedFrom).toBe('source-id')
  expect(copy.record).toEqual({ child: {}, parents: record.parents, guardianship: record.guardianship, family: record.family })
  expect(copy.record.parents.father).not.toBe(record.parents.father)
})
