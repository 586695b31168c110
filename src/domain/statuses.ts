/**
 * A registration's statuses and their labels, apart from the review chain's rules (status.ts): the main
 * package shows a status in words (我的登记) and carries neither the rules nor the actions' and roles' words.
 */

export const STATUSES = [
  { code: 'draft', label: '草稿' },
  { code: 'submitted', label: '已提交' },
  { code: 'village_review', label: '村级核实中' },
  { code: 'verified', label: '村级已核实' },
  { code: 'township_approved', label: '乡镇已审核' },
  { code: 'confirmed', label: '县级已确认' },
  { code: 'rejected', label: '不予认定' },
  { code: 'returned', label: '已退回' },
  { code: 'withdrawn', label: '已撤回' },
  // After confirmation (docs/lifecycle.md): 终止/减员 is proposed by the village, agreed by the township, decided by the county.
  { code: 'termination_proposed', label: '终止待乡镇审核' },
  { code: 'termination_agreed', label: '终止待县级决定' },
  { code: 'terminated', label: '已终止' },
  // 动态更新 (docs/lifecycle.md, "Quarterly updates"): a guardian's change to a confirmed record is checked again by
  // every level; the child stays confirmed and supported meanwhile.
  { code: 'update_village', label: '变更待村级核实' },
  { code: 'update_township', label: '变更待乡镇审核' },
  { code: 'update_county', label: '变更待县级确认' },
] as const

export type Status = (typeof STATUSES)[number]['code']

export function statusLabel(status: Status): string {
  return STATUSES.find((s) => s.code === status)?.label ?? status
}
