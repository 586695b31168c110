/**
 * Access transparency (docs/accounts.md): who has read a child's record. A county administrator of the
 * record's county sees each read — who, which action, which field revealed or form printed, and when —
 * and the roster exports that held it. The guardian who registered it sees which levels have opened it
 * (村、乡镇、县…), never which people: a guardian who knew a name could pressure that person.
 */
import type { FastifyInstance } from 'fastify'
import type { AccessAnswer, AccessEntry, AccessLevel } from '../../../src/domain/api'
import { ROLE_LABELS, type Role } from '../../../src/domain/status'
import type { Actor } from '../actor'
import { accessesOf, type AccessRow } from '../db/audit'
import { forbidden } from '../errors'
import { reachable } from './records'

const ACTION_LABELS: Record<AccessEntry['action'], string> = {
  view: '查看登记',
  view_history: '查看记录历史',
  reveal: '查看完整信息',
  print: '打印表格',
  export: '导出花名册',
}
/** The revealable fields (src/domain/mask.ts SENSITIVE_FIELDS) in the words of the form. */
const FIELD_LABELS: Record<string, string> = {
  'child.idNumber': '儿童身份证号',
  'child.disability.certificateNo': '儿童残疾人证号',
  'parents.father.idNumber': '父亲身份证号',
  'parents.father.phone': '父亲电话',
  'parents.father.disabilityCertNo': '父亲残疾人证号',
  'parents.mother.idNumber': '母亲身份证号',
  'parents.mother.phone': '母亲电话',
  'parents.mother.disabilityCertNo': '母亲残疾人证号',
  'guardianship.carer.idNumber': '照料人身份证号',
  'guardianship.carer.phone': '照料人电话',
  'guardianship.contact.phone': '联系人电话',
}
const FORM_LABELS: Record<string, string> = { registration_form: '一人一表', allowance_application: '事实无人抚养儿童认定申请表' }

function detailOf(row: AccessRow): string | null {
  const detail = row.detail ? (JSON.parse(row.detail) as Record<string, unknown>) : {}
  if (row.action === 'reveal' && typeof detail.field === 'string') return FIELD_LABELS[detail.field] ?? detail.field
  if (row.action === 'print' && typeof detail.form === 'string') return FORM_LABELS[detail.form] ?? detail.form
  if (row.action === 'export') return detail.fullIdNumbers ? '含完整身份证号' : '身份证号已遮盖'
  return null
}

function levelsOf(rows: AccessRow[]): AccessLevel[] {
  const levels = new Map<string, AccessLevel>()
  for (const r of rows) {
    const role = (r.actor_role ?? '') as Role
    if (!ROLE_LABELS[role] || role === 'guardian') continue
    const level = levels.get(role) ?? { role, roleLabel: ROLE_LABELS[role], count: 0, lastAt: r.at }
    level.count += 1
    levels.set(role, level)
  }
  return [...levels.values()]
}

export async function accessOf(app: FastifyInstance, actor: Actor, id: string): Promise<AccessAnswer> {
  if (actor.role !== 'guardian' && actor.role !== 'county_admin') throw forbidden('只有县级民政和监护人可以查看访问记录')
  // The guardian's own record, or one inside the county administrator's county; otherwise 404.
  const row = await reachable(app, actor, id)
  const prefixes = [2, 4, 6, 9, 12].map((n) => row.village_code.slice(0, n))
  const rows = await accessesOf(app.db, row.id, prefixes, row.created_at)
  const levels = levelsOf(rows)
  if (actor.role === 'guardian') return { levels }
  return {
    levels,
    items: rows.map((r) => ({
      at: r.at,
      action: r.action as AccessEntry['action'],
      actionLabel: ACTION_LABELS[r.action as AccessEntry['action']] ?? r.action,
      detail: detailOf(r),
      role: r.actor_role as Role,
      roleLabel: ROLE_LABELS[r.actor_role as Role] ?? r.actor_role ?? '',
      who: r.username ? `${r.display_name ?? ''}（${r.username}）`.replace(/^（(.*)）$/, '$1') : null,
    })),
  }
}
