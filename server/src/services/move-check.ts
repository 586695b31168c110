/**
 * A quarterly update (动态更新) that puts the child in another village is not applied as an update: a move is a
 * transfer — the receiving village's worker takes the child on (docs/lifecycle.md, "Quarterly updates" and
 * "Transfers"). This is the one place that tells the two apart.
 */
import type { Registration } from '../../../src/domain/schema'
import { diffRecords } from './diff'

/** The fields a move changes; anything else in the same update waits on the guardian's phone. */
const MOVE_FIELDS = ['child.residenceRegion', 'child.residenceAddress']

export const MOVE_STARTED = '孩子的现住址换到了其他村（社区）：已转给迁入地的儿童主任办理迁移，对方接收后登记就转过去。'
export const MOVE_STARTED_MORE = '这次更新里的其他变化还保留在手机上，迁移办好后请再点“有变化，去更新”提交。'

export interface Move {
  toVillage: string
  address: string
  /** The update also changes something other than where the family lives. */
  otherChanges: boolean
}

/** The move in a quarterly update, when its 现住址 village differs from the approved one. */
export function moveIn(approved: Registration, update: Registration): Move | undefined {
  if (approved.child.residenceRegion === update.child.residenceRegion) return undefined
  // The consent is given again with every sending: its time is not a change of the child's situation.
  const others = diffRecords(approved, update).filter((c) => !MOVE_FIELDS.includes(c.path) && !c.path.startsWith('consent.'))
  return { toVillage: update.child.residenceRegion, address: update.child.residenceAddress, otherChanges: others.length > 0 }
}
