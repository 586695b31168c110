/**
 * store/first-answer.ts, as the report form and the worker's visit use it: the item is on the phone before the
 * wait starts, the wait ends at the first answer (sent, refused, failed, or dropped once sent) or when the time
 * is up, and in every case but "sent and dropped" the item is still on the phone for the outbox's next try.
 */
import { enqueueForFirstAnswer } from '@/store/first-answer'
import { outboxStore, toFailed, toRejected, toSending, toSynced } from '@/store/outbox'

const item = (id: string) => ({ id, kind: 'report', record: { id, text: '邻居家孩子一个人在家' } })
const answer = (id: string, recipe: Parameters<ReturnType<typeof outboxStore.getState>['update']>[1]) =>
  outboxStore.getState().update(id, recipe)

afterEach(() => {
  for (const id of Object.keys(outboxStore.getState().items)) outboxStore.getState().remove(id)
  jest.useRealTimers()
})

test('kept on the phone at once; the first answer ends the wait with the item as it stands', async () => {
  const waiting = enqueueForFirstAnswer(item('a'), 10_000)
  expect(outboxStore.getState().items.a).toMatchObject({ status: 'queued', kind: 'report' })
  answer('a', (i) => toSending(i, Date.now()))
  answer('a', (i) => toSynced(i, undefined, Date.now()))
  await expect(waiting).resolves.toMatchObject({ id: 'a', status: 'synced' })
})

test("the server's refusal ends the wait with its reason; an item dropped once sent ends it as undefined", async () => {
  const refused = enqueueForFirstAnswer(item('b'), 10_000)
  answer('b', (i) => toRejected(i, { kind: 'http', status: 400, message: '请写明孩子所在的村' }))
  await expect(refused).resolves.toMatchObject({ status: 'rejected', lastError: { message: '请写明孩子所在的村' } })

  const dropped = enqueueForFirstAnswer(item('c'), 10_000)
  outboxStore.getState().remove('c')
  await expect(dropped).resolves.toBeUndefined()
})

test('no answer in time: the wait ends when it is up, the item still on the phone; a failed try ends it as failed', async () => {
  jest.useFakeTimers()
  const waiting = enqueueForFirstAnswer(item('d'), 8000)
  let settled = false
  void waiting.then(() => (settled = true))
  answer('d', (i) => toSending(i, Date.now()))
  await Promise.resolve()
  expect(settled).toBe(false)
  jest.advanceTimersByTime(8000)
  await expect(waiting).resolves.toMatchObject({ id: 'd', status: 'sending', attempts: 1 })
  expect(outboxStore.getState().items.d).toBeDefined()

  const failed = enqueueForFirstAnswer(item('e'), 8000)
  answer('e', (i) => toFailed(i, { kind: 'offline', message: 'request:fail' }, Date.now()))
  await expect(failed).resolves.toMatchObject({ id: 'e', status: 'failed' })
  expect(outboxStore.getState().items.e).toBeDefined()
})
