/**
 * The stores save their own structural changes: behind the app's throttled storage, a draft created,
 * opened for a fix, kept or removed, an outbox item queued, resolved or removed, and the 长辈模式 switch are
 * on the phone before the action returns, with no flush by the caller. Typing (answers, step moves) and
 * the sync layer's transitions wait for the throttle.
 */
import deFacto from '../fixtures/registrations/de-facto-unsupported.json'
import { emptyRecord, setIn } from '@/domain/record'
import type { Registration } from '@/domain/schema'
import { createThrottledStorage } from '@/platform/storage'
import { createDraftsStore, DRAFT_INDEX_KEY, DRAFT_PREFIX } from '@/store/drafts'
import { createOutboxStore, OUTBOX_INDEX_KEY, OUTBOX_PREFIX, toConflict, toSending } from '@/store/outbox'
import { createSettingsStore, SETTINGS_KEY } from '@/store/settings'
import { memoryStorage } from './memory-storage'

const record = deFacto as unknown as Registration
const T0 = Date.parse('2026-11-28T08:00:00.000Z')
const now = () => new Date(T0)

/** The phone's storage behind the app's throttle: a write waits in the buffer for an hour unless flushed. */
function phone() {
  const mem = memoryStorage()
  return { mem, storage: createThrottledStorage(mem.storage, 3600_000) }
}
const stored = (mem: ReturnType<typeof memoryStorage>, key: string) => {
  const raw = mem.data.get(key)
  return raw === undefined ? undefined : JSON.parse(raw)
}

// The throttle's timer never fires here: whatever reaches the phone was written by a flush.
beforeEach(() => jest.useFakeTimers())
afterEach(() => jest.useRealTimers())

test('drafts: created, opened for a fix, kept and removed are on the phone at once; typing waits', () => {
  const { mem, storage } = phone()
  const drafts = createDraftsStore(storage, now)
  const id = drafts.getState().createDraft()
  expect(stored(mem, DRAFT_PREFIX + id)).toEqual(drafts.getState().drafts[id])
  expect(stored(mem, DRAFT_INDEX_KEY)).toEqual({ v: 1, ids: [id], lastId: id })

  drafts.getState().updateRecord(id, (r) => setIn(r, 'child.name', '陈小明'))
  drafts.getState().setStep(id, 'parents')
  expect(storage.pending()).toBe(1)
  expect(stored(mem, DRAFT_PREFIX + id)).toMatchObject({ step: 'child', record: { child: {} } })

  // 保留 (keep): the draft and everything typed before it are written.
  drafts.getState().touch(id)
  expect(storage.pending()).toBe(0)
  expect(stored(mem, DRAFT_PREFIX + id)).toMatchObject({ step: 'parents', record: { child: { name: '陈小明' } } })

  const fixId = '0c3e7d2a-1b4c-4d5e-9f60-718293a4b5c6'
  drafts.getState().openFix(fixId, emptyRecord(), { source: 'returned', reason: '请核对姓名', fields: ['child.name'], baseVersion: 2 })
  expect(stored(mem, DRAFT_PREFIX + fixId)).toMatchObject({ id: fixId, fix: { reason: '请核对姓名', baseVersion: 2 } })
  expect(stored(mem, DRAFT_INDEX_KEY)).toEqual({ v: 1, ids: [id, fixId], lastId: fixId })

  drafts.getState().removeDraft(id)
  expect(mem.data.has(DRAFT_PREFIX + id)).toBe(false)
  expect(stored(mem, DRAFT_INDEX_KEY)).toEqual({ v: 1, ids: [fixId], lastId: fixId })
  expect(storage.pending()).toBe(0)
})

test('saveNow writes what typing left in the buffer (保存，以后再填)', () => {
  const { mem, storage } = phone()
  const drafts = createDraftsStore(storage, now)
  const id = drafts.getState().createDraft()
  drafts.getState().updateRecord(id, (r) => setIn(r, 'child.name', '陈小明'))
  expect(stored(mem, DRAFT_PREFIX + id).record.child.name).toBeUndefined()
  drafts.getState().saveNow()
  expect(stored(mem, DRAFT_PREFIX + id).record.child.name).toBe('陈小明')
})

test("outbox: queued, resolved for the server's version and removed are on the phone at once; sending waits", () => {
  const { mem, storage } = phone()
  const outbox = createOutboxStore(storage, () => T0)
  const id = '9b2f8c1e-4a5d-4e6f-8a7b-1c2d3e4f5a6b'
  outbox.getState().enqueue({ id, record })
  expect(stored(mem, OUTBOX_PREFIX + id)).toMatchObject({ id, status: 'queued', record })
  expect(stored(mem, OUTBOX_INDEX_KEY)).toEqual({ v: 2, ids: [id] })

  outbox.getState().update(id, (i) => toSending(i, T0))
  expect(stored(mem, OUTBOX_PREFIX + id).status).toBe('queued')

  const theirs = { ...record, child: { ...record.child, residenceAddress: '茅坪村上屋12号之一' } }
  outbox
    .getState()
    .update(id, (i) =>
      toConflict(
        i,
        { kind: 'http', status: 409, code: 'stale_version', message: '' },
        { record: theirs, server: { status: 'returned', version: 4 }, at: '2026-11-28T08:00:00.000Z' },
      ),
    )
  outbox.getState().acceptServerVersion(id)
  expect(stored(mem, OUTBOX_PREFIX + id)).toMatchObject({ status: 'synced', record: theirs, server: { version: 4 } })

  outbox.getState().remove(id)
  expect(mem.data.has(OUTBOX_PREFIX + id)).toBe(false)
  expect(stored(mem, OUTBOX_INDEX_KEY)).toEqual({ v: 2, ids: [] })
  expect(storage.pending()).toBe(0)
})

test('the 长辈模式 switch is on the phone at once', () => {
  const { mem, storage } = phone()
  createSettingsStore(storage).getState().setElderMode(true)
  expect(stored(mem, SETTINGS_KEY).state).toEqual({ elderMode: true })
})
