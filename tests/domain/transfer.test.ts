/** 迁移's bodies and words (src/domain/transfer.ts): the messages a worker reads, and which records may move. */
import { ACTIVE_STATUSES, CLOSED_STATUSES } from '@/domain/status'
import {
  parseBody,
  TRANSFERABLE,
  transferDeclineSchema,
  transferEventLabel,
  transferStartSchema,
  transferStateLabel,
} from '@/domain/transfer'

const messages = (r: ReturnType<typeof parseBody>) => (r.ok ? [] : r.issues.map((i) => `${i.path.join('.')}: ${i.message}`))

test('start: a village (12 digits, Guangdong, not a township) is required; address and note optional and bounded', () => {
  expect(messages(parseBody(transferStartSchema, {}))).toEqual(['toVillage: 请选择迁入的村（社区）'])
  expect(messages(parseBody(transferStartSchema, { toVillage: '441422101000' }))).toEqual([
    'toVillage: 请把迁入的村（社区）选到村（社区）一级',
  ])
  expect(messages(parseBody(transferStartSchema, { toVillage: '451422101200' }))).toHaveLength(1)
  expect(messages(parseBody(transferStartSchema, { toVillage: '441422101201', note: '字'.repeat(201) }))).toEqual([
    'note: 迁移说明不能超过200个字',
  ])
  expect(messages(parseBody(transferStartSchema, { toVillage: '441422101201', extra: 1 }))).toHaveLength(1)
  expect(parseBody(transferStartSchema, { toVillage: '441422101201', address: ' 城北路8号 ' })).toEqual({
    ok: true,
    value: { toVillage: '441422101201', address: '城北路8号' },
  })
})

test('decline: a reason of at least 2 characters', () => {
  expect(messages(parseBody(transferDeclineSchema, { reason: ' 否 ' }))).toEqual(['reason: 请写明拒绝原因（至少2个字）'])
  expect(messages(parseBody(transferDeclineSchema, undefined))).toEqual(['reason: 请写明拒绝原因'])
  expect(parseBody(transferDeclineSchema, { reason: '家庭未迁来' }).ok).toBe(true)
})

test('which records may move: under review or confirmed; not ended, nor with a termination under way', () => {
  expect(TRANSFERABLE).toContain('confirmed')
  expect(TRANSFERABLE).toContain('submitted')
  for (const s of [...CLOSED_STATUSES, ...ACTIVE_STATUSES.filter((x) => x !== 'confirmed'), 'withdrawn', 'rejected', 'draft'] as const) {
    expect([s, TRANSFERABLE.includes(s)]).toEqual([s, false])
  }
  expect([transferStateLabel('pending'), transferEventLabel('transfer_accept')]).toEqual(['待接收', '接收迁入'])
})
