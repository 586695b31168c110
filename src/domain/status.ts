/**
 * The review chain as a pure state machine (docs/policy.md, "The review chain"). The server applies it
 * inside the transaction that writes the audit row; the mini-program uses `allowedActions` to offer only
 * the buttons that would succeed. Region checks are not here: they belong to whoever knows the actor's region.
 */

// The statuses and their labels are in statuses.ts, which the main package reads without the rules below.
import { STATUSES, statusLabel, type Status } from './statuses'

export { STATUSES, statusLabel, type Status }
export type Role = 'guardian' | 'village_worker' | 'township_supervisor' | 'county_admin' | 'city_admin' | 'province_admin'

export const ROLE_LABELS: Record<Role, string> = {
  guardian: '监护人',
  village_worker: '村(居)儿童主任',
  township_supervisor: '乡镇(街道)儿童督导员',
  county_admin: '县级民政',
  city_admin: '地市民政局',
  province_admin: '省民政厅',
}

export const ACTIONS = [
  { code: 'submit', label: '提交' },
  { code: 'withdraw', label: '撤回' },
  { code: 'start_review', label: '开始核实' },
  { code: 'verify', label: '核实通过' },
  { code: 'return', label: '退回' },
  { code: 'record_visit', label: '记录走访' },
  { code: 'approve', label: '审核通过' },
  { code: 'confirm', label: '确认' },
  { code: 'refuse', label: '不予认定' },
  { code: 'propose_termination', label: '提请终止' },
  { code: 'agree_termination', label: '同意终止' },
  { code: 'terminate', label: '决定终止' },
  { code: 'return_termination', label: '退回终止申请' },
  { code: 'keep_after_recheck', label: '复核后继续保障' },
  { code: 'submit_update', label: '提交变更' },
  { code: 'verify_update', label: '变更核实通过' },
  { code: 'approve_update', label: '变更审核通过' },
  { code: 'accept_update', label: '确认变更' },
  { code: 'return_update', label: '退回变更' },
] as const

export type Action = (typeof ACTIONS)[number]['code']

interface Rule {
  role: Role
  from: readonly Status[]
  /** undefined: the status stays (a home visit is recorded without moving the record). */
  to?: Status
  /** A written reason is required (退回 must tell the guardian why; 不予认定 must be explained in writing). */
  needsReason?: boolean
}

/** Every legal move. Anything not listed is refused. */
export const RULES: Record<Action, readonly Rule[]> = {
  submit: [{ role: 'guardian', from: ['draft', 'returned'], to: 'submitted' }],
  // A guardian may take a submission back before anyone has started to look at it, or drop one that was returned.
  withdraw: [{ role: 'guardian', from: ['submitted', 'returned'], to: 'withdrawn' }],
  start_review: [{ role: 'village_worker', from: ['submitted'], to: 'village_review' }],
  verify: [{ role: 'village_worker', from: ['village_review'], to: 'verified' }],
  return: [
    { role: 'village_worker', from: ['submitted', 'village_review'], to: 'returned', needsReason: true },
    { role: 'township_supervisor', from: ['verified'], to: 'returned', needsReason: true },
    { role: 'county_admin', from: ['township_approved'], to: 'returned', needsReason: true },
  ],
  // Before confirmation a visit checks the application; after it, the monthly home visit (docs/lifecycle.md) goes on
  // while the child is supported, a termination or a guardian's quarterly change under review included.
  record_visit: [
    {
      role: 'village_worker',
      from: [
        'submitted',
        'village_review',
        'verified',
        'confirmed',
        'termination_proposed',
        'termination_agreed',
        'update_village',
        'update_township',
        'update_county',
      ],
    },
  ],
  approve: [{ role: 'township_supervisor', from: ['verified'], to: 'township_approved' }],
  confirm: [{ role: 'county_admin', from: ['township_approved'], to: 'confirmed' }],
  refuse: [{ role: 'county_admin', from: ['township_approved'], to: 'rejected', needsReason: true }],
  // 终止/减员 (民发〔2019〕62号: the village reports the change, the township checks, the county decides).
  // A proposal returned at either level goes back to 县级已确认: the child stays supported until the county decides.
  propose_termination: [{ role: 'village_worker', from: ['confirmed'], to: 'termination_proposed' }],
  agree_termination: [{ role: 'township_supervisor', from: ['termination_proposed'], to: 'termination_agreed' }],
  terminate: [{ role: 'county_admin', from: ['termination_agreed'], to: 'terminated' }],
  return_termination: [
    { role: 'township_supervisor', from: ['termination_proposed'], to: 'confirmed', needsReason: true },
    { role: 'county_admin', from: ['termination_agreed'], to: 'confirmed', needsReason: true },
  ],
  // 待复核 (the daily re-check): the village worker has looked and the child stays (still in another category,
  // support continues past 18 in full-time school …); said why, in writing. Only on a flagged record (server).
  keep_after_recheck: [{ role: 'village_worker', from: ['confirmed'], needsReason: true }],
  // 动态更新: the guardian's change to a confirmed record (POST /registrations/:id/quarterly) goes up the same chain.
  // Returned at any level, the record is confirmed again as it was approved (the server restores that version).
  // Not while 终止 is under way: propose_termination needs 县级已确认, and a change needs it too.
  submit_update: [{ role: 'guardian', from: ['confirmed'], to: 'update_village' }],
  verify_update: [{ role: 'village_worker', from: ['update_village'], to: 'update_township' }],
  approve_update: [{ role: 'township_supervisor', from: ['update_township'], to: 'update_county' }],
  accept_update: [{ role: 'county_admin', from: ['update_county'], to: 'confirmed' }],
  return_update: [
    { role: 'village_worker', from: ['update_village'], to: 'confirmed', needsReason: true },
    { role: 'township_supervisor', from: ['update_township'], to: 'confirmed', needsReason: true },
    { role: 'county_admin', from: ['update_county'], to: 'confirmed', needsReason: true },
  ],
}

/** Short reasons such as “不属实” are real reasons; one character is not. */
export const MIN_REASON_LENGTH = 2

export interface ActionInput {
  type: Action
  reason?: string
}

export type TransitionResult = { ok: true; from: Status; to: Status; changed: boolean } | { ok: false; reason: string }

export function actionLabel(action: Action): string {
  return ACTIONS.find((a) => a.code === action)?.label ?? action
}

export function transition(record: { status: Status }, action: ActionInput, actor: { role: Role }): TransitionResult {
  const rules = RULES[action.type]
  if (!rules) return { ok: false, reason: '不支持的操作' }
  const byRole = rules.filter((r) => r.role === actor.role)
  if (byRole.length === 0) return { ok: false, reason: `${ROLE_LABELS[actor.role]}不能执行“${actionLabel(action.type)}”` }
  const rule = byRole.find((r) => r.from.includes(record.status))
  if (!rule) return { ok: false, reason: `当前状态为“${statusLabel(record.status)}”，不能${actionLabel(action.type)}` }
  if (rule.needsReason && (action.reason ?? '').trim().length < MIN_REASON_LENGTH) {
    return { ok: false, reason: `${actionLabel(action.type)}时请写明原因（至少${MIN_REASON_LENGTH}个字）` }
  }
  const to = rule.to ?? record.status
  return { ok: true, from: record.status, to, changed: to !== record.status }
}

/** The actions this actor may take on a record in this status: what the page offers. */
export function allowedActions(status: Status, role: Role): Action[] {
  return (Object.keys(RULES) as Action[]).filter((a) => RULES[a].some((r) => r.role === role && r.from.includes(status)))
}

/** Statuses of a child the county has confirmed and not (yet) taken off: still supported, still visited. */
export const ACTIVE_STATUSES: readonly Status[] = [
  'confirmed',
  'termination_proposed',
  'termination_agreed',
  'update_village',
  'update_township',
  'update_county',
]

/** A guardian's change under review (动态更新): the record shown is the new version, not yet accepted. */
export const UPDATE_STATUSES: readonly Status[] = ['update_village', 'update_township', 'update_county']

/** Statuses that are over: out of the working lists (`status=all` in the queue), readable on their own filter. */
export const CLOSED_STATUSES: readonly Status[] = ['terminated']

/** Which role's queue a status waits in (undefined: nobody needs to act). */
export function awaitingRole(status: Status): Role | undefined {
  switch (status) {
    case 'submitted':
    case 'village_review':
    case 'update_village':
      return 'village_worker'
    case 'verified':
    case 'termination_proposed':
    case 'update_township':
      return 'township_supervisor'
    case 'township_approved':
    case 'termination_agreed':
    case 'update_county':
      return 'county_admin'
    case 'draft':
    case 'returned':
      return 'guardian'
    default:
      return undefined
  }
}
