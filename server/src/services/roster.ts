/**
 * The roster (花名册) of a region as an .xlsx, in the column order of the national form of 民发〔2016〕42号
 * (docs/policy.md, "Code tables of the form"). ID numbers and phone numbers are full for the township and
 * county levels, who hand the roster to the civil-affairs office (the national roster carries 公民身份证号码),
 * and masked for village workers or when `mask` is asked for (export.ts decides, and audits which one was produced).
 */
import ExcelJS from 'exceljs'
import type { FastifyInstance } from 'fastify'
import {
  CARE_ARRANGEMENTS, ETHNICITIES, HEALTH, PARENT_SITUATIONS, RELATIONS, SCHOOLING, SEXES, labelOf,
  DISABILITY_CATEGORIES, DISABILITY_GRADES,
} from '../../../src/domain/codes'
import { categoryLabel } from '../../../src/domain/eligibility'
import { maskIdNumber, maskPhone } from '../../../src/domain/mask'
import { GUARDIANSHIP_ASSESSMENTS, type Visit } from '../../../src/domain/review'
import type { Registration } from '../../../src/domain/schema'
import { statusLabel } from '../../../src/domain/status'
import type { Parent } from '../../../src/domain/parents'
import { categoriesOf, type RegistrationRow } from '../db/registrations'
import { openRecord } from './views'

export const ROSTER_COLUMNS = [
  '序号', '姓名', '性别', '民族', '出生日期', '身份证号码', '户籍地', '现居住地', '就学情况', '身体状况',
  '父亲姓名', '父亲情况（务工地点）', '父亲联系电话', '母亲姓名', '母亲情况（务工地点）', '母亲联系电话',
  '监护类型', '委托照护人', '监护情况评估', '儿童类别', '状态', '核实人', '核实日期',
] as const

export interface RosterInput {
  title: string
  rows: RegistrationRow[]
  verifiedBy: Map<string, { by: string; at: string }>
  assessments: Map<string, Visit['guardianshipAssessment']>
  full: boolean
}

function parentSituation(p: Parent): string {
  const label = labelOf(PARENT_SITUATIONS, p.situation)
  return p.situation === 'migrant_work' ? `${label}（${p.workPlace}）` : label
}

function health(child: Registration['child']): string {
  const parts = [labelOf(HEALTH, child.health)]
  if (child.disability) parts.push(`${labelOf(DISABILITY_CATEGORIES, child.disability.category)}${labelOf(DISABILITY_GRADES, child.disability.grade)}`)
  if (child.illness) parts.push(child.illness.name)
  return parts.join('，')
}

export async function buildRoster(app: FastifyInstance, input: RosterInput): Promise<Buffer> {
  const id = (v?: string) => (input.full ? v ?? '' : maskIdNumber(v))
  const phone = (v?: string) => (input.full ? v ?? '' : maskPhone(v))
  const place = (code?: string) => (code ? app.regions.fullName(code) ?? code : '')

  const wb = new ExcelJS.Workbook()
  wb.creator = '护童登记'
  const ws = wb.addWorksheet('花名册', { views: [{ state: 'frozen', ySplit: 2 }] })
  ws.mergeCells(1, 1, 1, ROSTER_COLUMNS.length)
  ws.getCell(1, 1).value = input.title
  ws.getCell(1, 1).font = { bold: true, size: 14 }
  ws.getCell(1, 1).alignment = { horizontal: 'center' }
  const header = ws.getRow(2)
  header.values = [...ROSTER_COLUMNS]
  header.font = { bold: true }

  input.rows.forEach((row, i) => {
    const r = openRecord(app, row)
    const { child, parents, guardianship } = r
    const carer = guardianship.carer
    const verified = input.verifiedBy.get(row.id)
    const assessment = input.assessments.get(row.id)
    ws.addRow([
      i + 1, child.name, labelOf(SEXES, child.sex), labelOf(ETHNICITIES, child.ethnicity), child.birthDate,
      id(child.idNumber), place(child.hukouRegion), `${place(child.residenceRegion)}${child.residenceAddress}`,
      labelOf(SCHOOLING, child.schooling), health(child),
      parents.father.name ?? '', parentSituation(parents.father), phone(parents.father.phone),
      parents.mother.name ?? '', parentSituation(parents.mother), phone(parents.mother.phone),
      labelOf(CARE_ARRANGEMENTS, guardianship.arrangement),
      carer ? `${carer.name}（${labelOf(RELATIONS, carer.relation)}，${phone(carer.phone)}）` : '',
      assessment ? labelOf(GUARDIANSHIP_ASSESSMENTS, assessment) : '',
      categoriesOf(row).map(categoryLabel).join('、'), statusLabel(row.status),
      verified?.by ?? '', verified ? verified.at.slice(0, 10) : '',
    ])
  })
  // Text cells: Excel must not turn an 18-digit number into 4.41422E+17 or drop leading zeros.
  for (const col of [6, 13, 16]) ws.getColumn(col).numFmt = '@'
  ws.columns.forEach((c, i) => { c.width = [6, 10, 6, 8, 12, 22, 30, 40][i] ?? 16 })
  return Buffer.from(await wb.xlsx.writeBuffer())
}
