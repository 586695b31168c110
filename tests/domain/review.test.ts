/**
 * The reviewer's body (src/domain/review.ts), shared by the server and the worker pages: which actions,
 * when a reason and fields are needed, which record paths may be named, and the home-visit record.
 */
import {
  GUARDIANSHIP_ASSESSMENTS,
  RETURNABLE_FIELDS,
  REVIEW_ACTIONS,
  VISIT_CONCLUSIONS,
  VISIT_METHODS,
  validateReview,
} from '@/domain/review'
import { SITUATION_FIELDS } from '@/domain/parents'
import { isChineseMessage } from './helpers'

const visit = { date: '2026-11-20', method: 'home', conclusion: 'true', guardianshipAssessment: 'good' }
const issues = (input: unknown) => {
  const r = validateReview(input)
  return r.ok ? [] : r.issues.map((i) => `${i.path.join('.')}: ${i.message}`)
}

describe('validateReview', () => {
  test("reviewer actions only: the guardian's submit, withdraw and submit_update are not among them", () => {
    expect([...REVIEW_ACTIONS].sort()).toEqual([
      'accept_update',
      'agree_termination',
      'approve',
      'approve_update',
      'confirm',
      'keep_after_recheck',
      'propose_termination',
      'record_visit',
      'refuse',
      'return',
      'return_termination',
      'return_update',
      'start_review',
      'terminate',
      'verify',
      'verify_update',
    ])
    expect(issues({ action: 'submit' })).toHaveLength(1)
    expect(issues({ action: 'submit_update' })).toHaveLength(1)
    expect(issues({ action: 'return_update' })).toEqual(['reason: 退回变更时请写明原因（至少2个字）'])
    expect(issues({ action: 'withdraw' })).toHaveLength(1)
    expect(issues({ action: 'verify' })).toEqual([])
  })

  test('return needs a reason and the fields; refuse needs a reason; fields only with return', () => {
    expect(issues({ action: 'return', fields: ['child.name'] })).toEqual(['reason: 退回时请写明原因（至少2个字）'])
    expect(issues({ action: 'return', reason: '姓名有误' })).toEqual(['fields: 退回时请指出需要修改的内容'])
    expect(issues({ action: 'return', reason: '姓名有误', fields: ['child.name'] })).toEqual([])
    expect(issues({ action: 'refuse', reason: ' ' })).toEqual(['reason: 不予认定时请写明原因（至少2个字）'])
    expect(issues({ action: 'refuse', reason: '不属实' })).toEqual([])
    expect(issues({ action: 'verify', fields: ['child.name'] })).toEqual(['fields: 只有退回时才需要指出要修改的内容'])
  })

  test('fields must be known record paths, without repeats', () => {
    expect(issues({ action: 'return', reason: '请核对', fields: ['child.nickname'] })).toEqual(['fields.0: 退回的字段不存在'])
    expect(issues({ action: 'return', reason: '请核对', fields: ['child', 'child'] })).toEqual(['fields: 退回的字段有重复'])
    expect(issues({ action: 'return', reason: '请核对', fields: 'child.name' })).toHaveLength(1)
  })

  test("the known paths: steps, fields, nested fields, every parent situation's fields", () => {
    for (const p of [
      'child',
      'child.idNumber',
      'child.disability.certificateNo',
      'guardianship.carer.phone',
      'guardianship.contact.name',
      'family.needs',
      'consent',
    ]) {
      expect(RETURNABLE_FIELDS.has(p)).toBe(true)
    }
    for (const fields of Object.values(SITUATION_FIELDS)) {
      for (const f of Object.keys(fields)) expect(RETURNABLE_FIELDS.has(`parents.mother.${f}`)).toBe(true)
    }
    expect(RETURNABLE_FIELDS.has('parents.father.nickname')).toBe(false)
    expect(RETURNABLE_FIELDS.has('child.name.first')).toBe(false)
  })

  test('a home visit: the record_visit action needs one; its fields are checked, unknown keys refused', () => {
    expect(issues({ action: 'record_visit' })).toEqual(['visit: 请填写走访记录'])
    expect(issues({ action: 'record_visit', visit })).toEqual([])
    expect(issues({ action: 'start_review', visit: { ...visit, notes: '孩子在家，祖母照顾' } })).toEqual([])
    expect(issues({ action: 'verify', visit: { ...visit, method: 'email' } })).toEqual(['visit.method: 请选择核实方式'])
    expect(issues({ action: 'verify', visit: { ...visit, date: '2999-01-01' } })).toEqual(['visit.date: 走访日期不能晚于今天'])
    expect(issues({ action: 'verify', visit: { ...visit, extra: 1 } })).toHaveLength(1)
    expect(issues({ action: 'verify', visit: { ...visit, notes: 'x'.repeat(501) } })).toHaveLength(1)
  })

  test('a visit may carry a guardianship finding (监护缺失 / 监护不当), from the list only', () => {
    expect(issues({ action: 'record_visit', visit: { ...visit, guardianshipFinding: 'missing' } })).toEqual([])
    expect(issues({ action: 'record_visit', visit: { ...visit, guardianshipFinding: 'improper' } })).toEqual([])
    expect(issues({ action: 'record_visit', visit: { ...visit, guardianshipFinding: 'bad' } })).toEqual([
      'visit.guardianshipFinding: 请选择监护问题',
    ])
  })

  test('the optional version is a positive integer; unknown keys are refused', () => {
    expect(issues({ action: 'verify', version: 3 })).toEqual([])
    expect(issues({ action: 'verify', version: 0 })).toHaveLength(1)
    expect(issues({ action: 'verify', version: '3' })).toHaveLength(1)
    expect(issues({ action: 'verify', status: 'confirmed' })).toEqual([': 不接受的字段：status'])
  })

  test('code tables carry Chinese labels, and every message is for a Chinese reader', () => {
    expect(VISIT_METHODS.map((m) => m.label)).toEqual(['入户走访', '电话核实', '部门数据比对'])
    expect(VISIT_CONCLUSIONS.map((m) => m.label)).toEqual(['属实', '不属实', '需补充'])
    expect(GUARDIANSHIP_ASSESSMENTS.map((m) => m.label)).toEqual(['较好', '一般', '差'])
    const r = validateReview({ action: 'return', fields: [1], visit: { method: 'x' } })
    expect(r.ok).toBe(false)
    if (!r.ok) for (const i of r.issues) expect(isChineseMessage(i.message)).toBe(true)
  })
})
