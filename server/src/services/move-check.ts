/**
 * A quarterly update (动态更新) that puts the child in another village is not applied as an update: a move is a
 * transfer — the receiving village's worker takes the child on (docs/lifecycle.md, "Quarterly updates"). This is
 * the one place that says so; a transfer's start can replace the refusal here.
 */
import type { Registration } from '../../../src/domain/schema'
import { conflict } from '../errors'

export const MOVE_NEEDS_TRANSFER =
  '孩子的现住址换到了其他村（社区），需要办理转移：请联系村（社区）儿童主任办理，转入地的儿童主任接收后会继续跟进。这次更新还没有提交，手机上填好的内容仍然保留。'

/** Refuses (409 `transfer_required`) a quarterly update whose 现住址 village differs from the approved one. */
export function refuseMoveInQuarterlyUpdate(approved: Registration, update: Registration): void {
  if (approved.child.residenceRegion === update.child.residenceRegion) return
  throw conflict('transfer_required', MOVE_NEEDS_TRANSFER)
}
