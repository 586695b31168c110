/**
 * 迁移: a family that moves to another village (docs/lifecycle.md, "Transfers"). The sending village's child
 * director (or the guardian's own change of 现住址) starts it; the receiving village's child director accepts
 * or declines; until then the record stays with the sending village. Pure: the bodies and the words.
 */
import * as z from 'zod/mini'
import { note, villageCode } from './fields'
import type { Issue } from './schema'
import type { Status } from './status'

/** A record may move while it is being reviewed or once confirmed; not once it is over or being ended. */
export const TRANSFERABLE: readonly Status[] = ['submitted', 'village_review', 'verified', 'returned', 'township_approved', 'confirmed']

export const TRANSFER_STATES = [
  { code: 'pending', label: '待接收' },
  { code: 'accepted', label: '已接收' },
  { code: 'declined', label: '已拒绝' },
  { code: 'cancelled', label: '已撤回' },
] as const
export type TransferState = (typeof TRANSFER_STATES)[number]['code']

/** The history events of a transfer (beside the review actions of status.ts). */
export const TRANSFER_EVENTS = [
  { code: 'transfer_start', label: '发起迁移' },
  { code: 'transfer_accept', label: '接收迁入' },
  { code: 'transfer_decline', label: '拒绝迁入' },
  { code: 'transfer_cancel', label: '撤回迁移' },
] as const
export type TransferEvent = (typeof TRANSFER_EVENTS)[number]['code']

export const transferStateLabel = (s: string) => TRANSFER_STATES.find((x) => x.code === s)?.label ?? s
export const transferEventLabel = (e: string) => TRANSFER_EVENTS.find((x) => x.code === e)?.label ?? e
export const isTransferEvent = (e: string): e is TransferEvent => TRANSFER_EVENTS.some((x) => x.code === e)

/** `POST /registrations/:id/transfer`: where the family now lives, and (optionally) the new address and why. */
export const transferStartSchema = z.strictObject({
  toVillage: villageCode('迁入的村（社区）'),
  /** The new 详细地址 (门牌号); without it the record keeps the old one until the family corrects it. */
  address: note('迁入后的详细地址', 100),
  note: note('迁移说明', 200),
})
export type TransferStart = z.infer<typeof transferStartSchema>

/** `POST /transfers/:id/decline`: the receiving village says why (the sending village reads it). */
export const transferDeclineSchema = z.strictObject({
  reason: z
    .string({ error: '请写明拒绝原因' })
    .check(z.trim(), z.minLength(2, '请写明拒绝原因（至少2个字）'), z.maxLength(200, '拒绝原因不能超过200个字')),
})
export type TransferDecline = z.infer<typeof transferDeclineSchema>

export function parseBody<T>(schema: z.ZodMiniType<T>, input: unknown): { ok: true; value: T } | { ok: false; issues: Issue[] } {
  const result = schema.safeParse(input ?? {})
  if (result.success) return { ok: true, value: result.data }
  return { ok: false, issues: result.error.issues.map((i) => ({ path: i.path as (string | number)[], message: i.message })) }
}
