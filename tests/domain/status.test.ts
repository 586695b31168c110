/**
 * The review chain (docs/policy.md, "The review chain"). The legal moves are written out here by hand,
 * not read from RULES, so the test fails if the machine allows or forbids anything it should not.
 */
import {
  ACTIONS,
  MIN_REASON_LENGTH,
  STATUSES,
  allowedActions,
  awaitingRole,
  transition,
  type Action,
  type Role,
  type Status,
} from '@/domain/status'
import { isChineseMessage } from './helpers'

// ---- the expected legal moves -------------------------------------------------------------------------

interface Move {
  status: Status
  action: Action
  role: Role
  to: Status
  reason?: true
}

/** Every legal (status, action, role) and where it leads. `to` equal to `status`: the status stays. */
const LEGAL: readonly Move[] = [
  // the guardian submits a draft, or resubmits what was returned; may withdraw before review starts or after a return
  { status: 'draft', action: 'submit', role: 'guardian', to: 'submitted' },
  { status: 'returned', action: 'submit', role: 'guardian', to: 'submitted' },
  { status: 'submitted', action: 'withdraw', role: 'guardian', to: 'withdrawn' },
  { status: 'returned', action: 'withdraw', role: 'guardian', to: 'withdrawn' },
  // the village worker starts, verifies, returns (with a reason) and records home visits
  { status: 'submitted', action: 'start_review', role: 'village_worker', to: 'village_review' },
  { status: 'village_review', action: 'verify', role: 'village_worker', to: 'verified' },
  { status: 'submitted', action: 'return', role: 'village_worker', to: 'returned', reason: true },
  { status: 'village_review', action: 'return', role: 'village_worker', to: 'returned', reason: true },
  { status: 'submitted', action: 'record_visit', role: 'village_worker', to: 'submitted' },
  { status: 'village_review', action: 'record_visit', role: 'village_worker', to: 'village_review' },
  { status: 'verified', action: 'record_visit', role: 'village_worker', to: 'verified' },
  // and, once confirmed, the monthly home visit while the child is supported (a termination under way included)
  { status: 'confirmed', action: 'record_visit', role: 'village_worker', to: 'confirmed' },
  { status: 'termination_proposed', action: 'record_visit', role: 'village_worker', to: 'termination_proposed' },
  { status: 'termination_agreed', action: 'record_visit', role: 'village_worker', to: 'termination_agreed' },
  // the township approves or returns
  { status: 'verified', action: 'approve', role: 'township_supervisor', to: 'township_approved' },
  { status: 'verified', action: 'return', role: 'township_supervisor', to: 'returned', reason: true },
  // the county confirms, refuses in writing, or returns
  { status: 'township_approved', action: 'confirm', role: 'county_admin', to: 'confirmed' },
  { status: 'township_approved', action: 'refuse', role: 'county_admin', to: 'rejected', reason: true },
  { status: 'township_approved', action: 'return', role: 'county_admin', to: 'returned', reason: true },
  // 终止/减员 of a confirmed record: the village proposes, the township agrees or returns, the county decides or returns
  { status: 'confirmed', action: 'propose_termination', role: 'village_worker', to: 'termination_proposed' },
  { status: 'termination_proposed', action: 'agree_termination', role: 'township_supervisor', to: 'termination_agreed' },
  { status: 'termination_proposed', action: 'return_termination', role: 'township_supervisor', to: 'confirmed', reason: true },
  { status: 'termination_agreed', action: 'terminate', role: 'county_admin', to: 'terminated' },
  { status: 'termination_agreed', action: 'return_termination', role: 'county_admin', to: 'confirmed', reason: true },
  // 待复核: the village worker keeps a flagged record, in writing; the status stays
  { status: 'confirmed', action: 'keep_after_recheck', role: 'village_worker', to: 'confirmed', reason: true },
]

const ALL_STATUSES: Status[] = [
  'draft',
  'submitted',
  'village_review',
  'verified',
  'township_approved',
  'confirmed',
  'rejected',
  'returned',
  'withdrawn',
  'termination_proposed',
  'termination_agreed',
  'terminated',
]
const ALL_ACTIONS: Action[] = [
  'submit',
  'withdraw',
  'start_review',
  'verify',
  'return',
  'record_visit',
  'approve',
  'confirm',
  'refuse',
  'propose_termination',
  'agree_termination',
  'terminate',
  'return_termination',
  'keep_after_recheck',
]
const ALL_ROLES: Role[] = ['guardian', 'village_worker', 'township_supervisor', 'county_admin']

const REASON = '户籍地填写有误，请核对'
const legal = (status: Status, action: Action, role: Role) =>
  LEGAL.find((m) => m.status === status && m.action === action && m.role === role)

function go(status: Status, action: Action, role: Role, reason?: string) {
  return transition({ status }, { type: action, reason }, { role })
}

// ---- tests ----------------------------------------------------------------------------------------------

test('the lists in this test cover every status and action of the module', () => {
  expect(STATUSES.map((s) => s.code).sort()).toEqual([...ALL_STATUSES].sort())
  expect(ACTIONS.map((a) => a.code).sort()).toEqual([...ALL_ACTIONS].sort())
})

test('the full legal path: draft → submitted → village_review → verified → township_approved → confirmed', () => {
  const path: [Action, Role, Status][] = [
    ['submit', 'guardian', 'submitted'],
    ['start_review', 'village_worker', 'village_review'],
    ['record_visit', 'village_worker', 'village_review'],
    ['verify', 'village_worker', 'verified'],
    ['approve', 'township_supervisor', 'township_approved'],
    ['confirm', 'county_admin', 'confirmed'],
  ]
  let status: Status = 'draft'
  for (const [action, role, to] of path) {
    const result = go(status, action, role)
    expect(result).toEqual({ ok: true, from: status, to, changed: to !== status })
    status = to
  }
  expect(allowedActions('confirmed', 'county_admin')).toEqual([])
})

test('returned with a reason, then submitted again, at each level of review', () => {
  const returns: [Status, Role][] = [
    ['submitted', 'village_worker'],
    ['village_review', 'village_worker'],
    ['verified', 'township_supervisor'],
    ['township_approved', 'county_admin'],
  ]
  for (const [from, role] of returns) {
    expect(go(from, 'return', role, REASON)).toEqual({ ok: true, from, to: 'returned', changed: true })
    expect(go('returned', 'submit', 'guardian')).toEqual({ ok: true, from: 'returned', to: 'submitted', changed: true })
  }
})

describe('a written reason', () => {
  test.each([
    ['return', 'village_review', 'village_worker'],
    ['return', 'verified', 'township_supervisor'],
    ['return', 'township_approved', 'county_admin'],
    ['refuse', 'township_approved', 'county_admin'],
    ['return_termination', 'termination_proposed', 'township_supervisor'],
    ['return_termination', 'termination_agreed', 'county_admin'],
    ['keep_after_recheck', 'confirmed', 'village_worker'],
  ] as [Action, Status, Role][])('%s from %s by %s needs one', (action, status, role) => {
    for (const reason of [undefined, '', '    ', '不', ' 不 ']) {
      const result = go(status, action, role, reason)
      expect(result.ok).toBe(false)
      if (!result.ok) {
        expect(result.reason).toContain(`至少${MIN_REASON_LENGTH}个字`)
        expect(isChineseMessage(result.reason)).toBe(true)
      }
    }
    expect(go(status, action, role, '经核实不属实').ok).toBe(true)
  })

  test('county refuse: with a written reason it becomes 不予认定', () => {
    expect(go('township_approved', 'refuse', 'county_admin', '父母一方在家，不符合认定条件')).toEqual({
      ok: true,
      from: 'township_approved',
      to: 'rejected',
      changed: true,
    })
  })

  test('actions that need no reason ignore one', () => {
    expect(go('draft', 'submit', 'guardian', '')).toEqual({ ok: true, from: 'draft', to: 'submitted', changed: true })
  })
})

test('withdraw only from submitted or returned', () => {
  for (const status of ALL_STATUSES) {
    expect({ status, ok: go(status, 'withdraw', 'guardian').ok }).toEqual({ status, ok: status === 'submitted' || status === 'returned' })
  }
})

test('record_visit keeps the status', () => {
  for (const status of ['submitted', 'village_review', 'verified'] as Status[]) {
    expect(go(status, 'record_visit', 'village_worker')).toEqual({ ok: true, from: status, to: status, changed: false })
  }
})

// Every combination of status × action × role: legal ones lead where LEGAL says, all others are refused
// with a Chinese reason. 12 × 14 × 4 = 672.
const COMBINATIONS = ALL_STATUSES.flatMap((status) => ALL_ACTIONS.flatMap((action) => ALL_ROLES.map((role) => ({ status, action, role }))))

describe('every (status × action × role)', () => {
  test('each legal move needs a written reason exactly where the table marks one', () => {
    for (const move of LEGAL) {
      const withoutReason = go(move.status, move.action, move.role).ok
      expect({ ...move, withoutReason }).toEqual({ ...move, withoutReason: !move.reason })
    }
  })

  test.each(COMBINATIONS)('$status × $action × $role', ({ status, action, role }) => {
    const move = legal(status, action, role)
    const result = go(status, action, role, REASON)
    if (move) {
      expect(result).toEqual({ ok: true, from: status, to: move.to, changed: move.to !== status })
    } else {
      expect(result.ok).toBe(false)
      if (!result.ok)
        expect({ reason: result.reason, chinese: isChineseMessage(result.reason) }).toEqual({ reason: result.reason, chinese: true })
    }
  })
})

describe('allowedActions matches the legal moves', () => {
  const pairs = ALL_STATUSES.flatMap((status) => ALL_ROLES.map((role) => ({ status, role })))
  test.each(pairs)('$status, $role', ({ status, role }) => {
    const expected = LEGAL.filter((m) => m.status === status && m.role === role).map((m) => m.action)
    expect([...allowedActions(status, role)].sort()).toEqual([...expected].sort())
  })
})

test('the refusal says why: the role, or the status', () => {
  const byRole = go('submitted', 'verify', 'guardian')
  expect(byRole).toEqual({ ok: false, reason: expect.stringContaining('监护人') })
  const byStatus = go('confirmed', 'return', 'county_admin', REASON)
  expect(byStatus).toEqual({ ok: false, reason: expect.stringContaining('县级已确认') })
})

test('each status waits in the queue of the role that moves it on', () => {
  const expected: Record<Status, Role | undefined> = {
    draft: 'guardian',
    returned: 'guardian',
    submitted: 'village_worker',
    village_review: 'village_worker',
    verified: 'township_supervisor',
    township_approved: 'county_admin',
    confirmed: undefined,
    rejected: undefined,
    withdrawn: undefined,
    termination_proposed: 'township_supervisor',
    termination_agreed: 'county_admin',
    terminated: undefined,
  }
  for (const status of ALL_STATUSES) expect({ status, role: awaitingRole(status) }).toEqual({ status, role: expected[status] })
})

test('an ended record is final: no role may move it, and nothing ends without the county', () => {
  for (const role of ALL_ROLES) expect(allowedActions('terminated', role)).toEqual([])
  for (const status of ALL_STATUSES) {
    for (const role of ALL_ROLES.filter((r) => r !== 'county_admin')) {
      for (const action of ALL_ACTIONS) {
        const r = go(status, action, role, REASON)
        if (r.ok) expect(r.to).not.toBe('terminated')
      }
    }
  }
})
