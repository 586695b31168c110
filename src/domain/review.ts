/**
 * What a reviewer sends with an action (POST /registrations/:id/review), checked by the server and by the
 * worker pages with the same schema: the action, the reason, the record fields the guardian must fix when a
 * record is returned, and the home-visit record (走访记录). Pure: no I/O.
 */
import * as z from 'zod/mini'
import { choice, date, note } from './fields'
import { PARENT_COMMON_FIELDS, SITUATION_FIELDS } from './parents'
import { STEP_SCHEMAS, type Issue } from './schema'
import { ACTIONS, MIN_REASON_LENGTH, type Action } from './status'
import { codesOf } from './codes'
import { terminationSchema } from './lifecycle'
import { GUARDIANSHIP_FINDINGS } from './eligibility'

export const VISIT_METHODS = [
  { code: 'home', label: '入户走访' },
  { code: 'phone', label: '电话核实' },
  { code: 'data_check', label: '部门数据比对' },
] as const

export const VISIT_CONCLUSIONS = [
  { code: 'true', label: '属实' },
  { code: 'false', label: '不属实' },
  { code: 'needs_more', label: '需补充' },
] as const

/** 监护情况评估: the worker's own judgement, separate from the carer ability the guardian declares. */
export const GUARDIANSHIP_ASSESSMENTS = [
  { code: 'good', label: '较好' },
  { code: 'fair', label: '一般' },
  { code: 'poor', label: '差' },
] as const

export const visitSchema = z.strictObject({
  date: date('走访日期'),
  method: choice(codesOf(VISIT_METHODS), '核实方式'),
  conclusion: choice(codesOf(VISIT_CONCLUSIONS), '核实结论'),
  guardianshipAssessment: choice(codesOf(GUARDIANSHIP_ASSESSMENTS), '监护情况评估'),
  notes: note('走访记录', 500),
  /** 监护缺失 / 监护不当 seen on this visit: counts for 困境儿童 (安全困境) from then on (eligibility.ts). */
  guardianshipFinding: z.optional(choice(codesOf(GUARDIANSHIP_FINDINGS), '监护问题')),
})
export type Visit = z.infer<typeof visitSchema>

/** The actions a reviewer may send; submit, withdraw and submit_update belong to the guardian's own endpoints. */
type GuardianAction = 'submit' | 'withdraw' | 'submit_update'
export const REVIEW_ACTIONS = ACTIONS.map((a) => a.code).filter((c) => c !== 'submit' && c !== 'withdraw' && c !== 'submit_update') as [
  Exclude<Action, GuardianAction>,
  ...Exclude<Action, GuardianAction>[],
]
export type ReviewAction = (typeof REVIEW_ACTIONS)[number]

type AnyDef = { type: string; shape?: Record<string, { _zod: { def: AnyDef } }>; innerType?: { _zod: { def: AnyDef } } }

/** Walks a zod/mini object schema for its field paths, nested objects included (optional unwrapped). */
function collect(prefix: string, def: AnyDef, out: Set<string>) {
  while (def.type === 'optional' && def.innerType) def = def.innerType._zod.def
  if (def.type !== 'object' || !def.shape) return
  for (const [key, child] of Object.entries(def.shape)) {
    const path = `${prefix}.${key}`
    out.add(path)
    collect(path, child._zod.def, out)
  }
}

/**
 * Every path a reviewer may name as "to be fixed": a step ('child'), a field ('child.idNumber'), a nested
 * field ('guardianship.carer.phone'), or a parent's field of any situation ('parents.mother.workPlace').
 */
export const RETURNABLE_FIELDS: ReadonlySet<string> = (() => {
  const out = new Set<string>()
  for (const [step, schema] of Object.entries(STEP_SCHEMAS)) {
    out.add(step)
    if (step !== 'parents') collect(step, (schema as unknown as { _zod: { def: AnyDef } })._zod.def, out)
  }
  for (const who of ['father', 'mother']) {
    out.add(`parents.${who}`)
    for (const field of Object.keys(PARENT_COMMON_FIELDS)) out.add(`parents.${who}.${field}`)
    for (const fields of Object.values(SITUATION_FIELDS)) for (const f of Object.keys(fields)) out.add(`parents.${who}.${f}`)
  }
  return out
})()

const fieldPath = z.string({ error: '退回的字段格式不对' }).check(z.refine((p) => RETURNABLE_FIELDS.has(p), '退回的字段不存在'))

const NEEDS_REASON: ReadonlySet<string> = new Set(['return', 'refuse', 'return_termination', 'keep_after_recheck', 'return_update'])
const REASON_WORDS: Record<string, string> = {
  return: '退回',
  refuse: '不予认定',
  return_termination: '退回终止申请',
  keep_after_recheck: '复核后继续保障',
  return_update: '退回变更',
}

export const reviewSchema = z
  .strictObject({
    action: choice(REVIEW_ACTIONS, '审核操作'),
    reason: note('原因', 500),
    fields: z.optional(
      z.array(fieldPath).check(
        z.maxLength(50, '退回的字段太多'),
        z.refine((list) => new Set(list).size === list.length, '退回的字段有重复'),
      ),
    ),
    visit: z.optional(visitSchema),
    /** 提请终止: why the record should end (a code, and words with 其他). */
    termination: z.optional(terminationSchema),
    /**
     * The phone's id for this action (a UUID), when it is sent from the outbox: a resend after a lost answer
     * is answered with the record as it is, and not applied again.
     */
    requestId: z.optional(
      z
        .string({ error: '请求编号格式不对' })
        .check(z.regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, '请求编号格式不对')),
    ),
    /** The version the reviewer saw; when given and no longer current, the server answers 409. */
    version: z.optional(z.int({ error: '版本号格式不对' }).check(z.positive('版本号格式不对'))),
  })
  .check(
    z.superRefine((body, ctx) => {
      const add = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message, input: body })
      if (NEEDS_REASON.has(body.action) && (body.reason ?? '').length < MIN_REASON_LENGTH) {
        add('reason', `${REASON_WORDS[body.action]}时请写明原因（至少${MIN_REASON_LENGTH}个字）`)
      }
      if (body.action === 'return' && !body.fields?.length) add('fields', '退回时请指出需要修改的内容')
      if (body.action !== 'return' && body.fields !== undefined) add('fields', '只有退回时才需要指出要修改的内容')
      if (body.action === 'record_visit' && !body.visit) add('visit', '请填写走访记录')
      if (body.action === 'propose_termination' && !body.termination) add('termination', '请选择终止原因')
      if (body.action !== 'propose_termination' && body.termination !== undefined) add('termination', '只有提请终止时才需要终止原因')
    }),
  )
export type ReviewInput = z.infer<typeof reviewSchema>

/** `{ ok, value }` or Chinese issues, the same shape as validateRegistration. */
export function validateReview(input: unknown): { ok: true; value: ReviewInput } | { ok: false; issues: Issue[] } {
  const result = reviewSchema.safeParse(input)
  if (result.success) return { ok: true, value: result.data }
  return { ok: false, issues: result.error.issues.map((i) => ({ path: i.path as (string | number)[], message: i.message })) }
}
