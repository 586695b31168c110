/**
 * Creating many accounts from one .xlsx sheet (docs/accounts.md, "Bulk import"). The sheet is read into
 * rows, each with every problem found in Chinese (preview); the import runs only when no row has one,
 * and creates every account in one transaction or none. The one-time passwords go back once, as a sheet
 * the server keeps sealed in the shared state for 30 minutes or until it is downloaded.
 */
import { randomUUID } from 'node:crypto'
import ExcelJS from 'exceljs'
import type { FastifyInstance } from 'fastify'
import type { ImportPreview, ImportResult, ImportRow } from '../../../src/domain/api'
import { PHONE_PATTERN, type StaffRole } from '../../../src/domain/accounts'
import { ROLE_LABELS } from '../../../src/domain/status'
import type { Actor } from '../actor'
import { audit } from '../db/audit'
import { addWorker, findByPhones, findByUsernames } from '../db/users'
import { badRequest, conflict, HttpError, notFound } from '../errors'
import { hashPassword, oneTimePassword } from '../passwords'
import { adminRange, placementProblem } from './accounts'

export const MAX_IMPORT_ROWS = 2000
const PASSWORDS_TTL_MS = 30 * 60_000
const HEADINGS = { name: '姓名', phone: '手机号', role: '角色', code: '辖区代码', township: '乡镇（街道）', village: '村（社区）' } as const
type Column = keyof typeof HEADINGS

/** Full-width brackets and spaces as ASCII, so that 村（居） and 村(居) are one word. */
const plain = (s: string) => s.replace(/（/g, '(').replace(/）/g, ')').replace(/\s+/g, '')

const ROLE_WORDS: Record<string, StaffRole> = Object.fromEntries(
  [
    ...Object.entries(ROLE_LABELS).filter(([role]) => role !== 'guardian'),
    ['village_worker', '儿童主任'],
    ['township_supervisor', '儿童督导员'],
    ...['village_worker', 'township_supervisor', 'county_admin', 'city_admin', 'province_admin'].map((r) => [r, r]),
  ].map(([role, word]) => [plain(word), role as StaffRole]),
)

interface SheetRow {
  row: number
  cells: Record<Column, string>
}

async function readSheet(file: Buffer): Promise<SheetRow[]> {
  const wb = new ExcelJS.Workbook()
  try {
    await wb.xlsx.load(file as never)
  } catch {
    throw badRequest('不是有效的 .xlsx 文件，请用 Excel 或 WPS 另存为 .xlsx 后再上传')
  }
  const ws = wb.worksheets[0]
  if (!ws) throw badRequest('表格是空的')
  const columns: Partial<Record<Column, number>> = {}
  ws.getRow(1).eachCell((cell, col) => {
    const heading = plain(cell.text)
    for (const [key, word] of Object.entries(HEADINGS)) if (heading === plain(word)) columns[key as Column] = col
  })
  if (!columns.name || !columns.phone || !columns.role || !(columns.code || columns.township))
    throw badRequest('第1行应为表头：姓名、手机号、角色，以及辖区代码或乡镇（街道）、村（社区）')
  const rows: SheetRow[] = []
  for (let r = 2; r <= ws.rowCount; r++) {
    const text = (c: Column) => (columns[c] ? ws.getRow(r).getCell(columns[c]!).text.trim() : '')
    const cells = Object.fromEntries((Object.keys(HEADINGS) as Column[]).map((c) => [c, text(c)])) as Record<Column, string>
    if (Object.values(cells).every((v) => v === '')) continue
    rows.push({ row: r, cells })
  }
  if (rows.length === 0) throw badRequest('表格中没有账号')
  if (rows.length > MAX_IMPORT_ROWS) throw badRequest(`一次最多导入${MAX_IMPORT_ROWS}个账号，请分开导入`)
  return rows
}

/** A child region by name: the exact name, or the one name that starts with what was written (茅坪 → 茅坪村委会). */
function childByName(app: FastifyInstance, parent: string, name: string): string | undefined {
  const items = app.regions.children(parent)
  const exact = items.filter((i) => i.name === name)
  const starts = items.filter((i) => i.name.startsWith(name))
  return (exact.length === 1 ? exact : starts.length === 1 ? starts : [])[0]?.code
}

function regionOf(app: FastifyInstance, actor: Actor, cells: Record<Column, string>): { code?: string; problem?: string } {
  if (cells.code) return { code: cells.code }
  if (!cells.township) return { problem: '请填写辖区代码，或乡镇（街道）和村（社区）名称' }
  if (actor.regionCode?.length !== 6) return { problem: '请填写辖区代码（按名称查找只用于本县的乡镇和村）' }
  const township = childByName(app, actor.regionCode, cells.township)
  if (!township) return { problem: `本县没有“${cells.township}”这个乡镇（街道）` }
  if (!cells.village) return { code: township }
  const village = childByName(app, township, cells.village)
  return village ? { code: village } : { problem: `${cells.township}没有“${cells.village}”这个村（社区）` }
}

/** Every row with every problem found. Writes nothing. */
export async function previewImport(app: FastifyInstance, actor: Actor, file: Buffer): Promise<ImportPreview> {
  adminRange(actor)
  const sheet = await readSheet(file)
  const phones = sheet.map((r) => r.cells.phone).filter((p) => PHONE_PATTERN.test(p))
  const taken = new Set([
    ...(await findByPhones(app.db, phones)).map((u) => u.phone),
    ...(await findByUsernames(app.db, phones)).map((u) => u.username),
  ])
  const firstRowOf = new Map<string, number>()
  const rows: ImportRow[] = sheet.map(({ row, cells }) => {
    const problems: string[] = []
    if (!cells.name) problems.push('缺少姓名')
    else if (cells.name.length > 40) problems.push('姓名太长（最多40个字）')
    else if (/\p{C}/u.test(cells.name)) problems.push('姓名中有不可见的字符')
    if (!PHONE_PATTERN.test(cells.phone)) problems.push(cells.phone ? `手机号“${cells.phone}”不是11位手机号` : '缺少手机号')
    else if (firstRowOf.has(cells.phone)) problems.push(`手机号与第${firstRowOf.get(cells.phone)}行重复`)
    else if (taken.has(cells.phone)) problems.push('这个手机号已有账号')
    if (PHONE_PATTERN.test(cells.phone) && !firstRowOf.has(cells.phone)) firstRowOf.set(cells.phone, row)
    const role = ROLE_WORDS[plain(cells.role)] ?? null
    if (!role) problems.push(cells.role ? `不认识的角色“${cells.role}”` : '缺少角色')
    const region = regionOf(app, actor, cells)
    let regionCode: string | null = null
    if (region.problem) problems.push(region.problem)
    else if (role) {
      const placed = placementProblem(app, actor, role, region.code!)
      if (placed.problem) problems.push(placed.problem)
      else regionCode = placed.code!
    }
    return {
      row,
      name: cells.name,
      phone: cells.phone,
      role,
      roleLabel: role ? ROLE_LABELS[role] : cells.role,
      regionCode,
      regionName: regionCode ? (app.regions.fullName(regionCode) ?? null) : null,
      problems,
    }
  })
  return { rows, bad: rows.filter((r) => r.problems.length > 0).length }
}

/** Hashes a few at a time: scrypt runs on libuv's threads, and all at once would hold 16 MiB each. */
async function hashAll(passwords: string[]): Promise<string[]> {
  const out: string[] = []
  for (let i = 0; i < passwords.length; i += 4) out.push(...(await Promise.all(passwords.slice(i, i + 4).map(hashPassword))))
  return out
}

const passwordsKey = (batch: string) => `account-import:${batch}`

export async function importAccounts(app: FastifyInstance, actor: Actor, file: Buffer, ip: string): Promise<ImportResult> {
  const preview = await previewImport(app, actor, file)
  if (preview.bad > 0) throw new HttpError(422, 'import_has_problems', `有${preview.bad}行需要修改，没有创建任何账号`, { current: preview })
  const batch = randomUUID()
  const passwords = preview.rows.map(() => oneTimePassword())
  const hashes = await hashAll(passwords)
  try {
    await app.db.transaction().execute(async (trx) => {
      for (const [i, r] of preview.rows.entries()) {
        const u = await addWorker(trx, {
          username: r.phone,
          passwordHash: hashes[i],
          role: r.role!,
          regionCode: r.regionCode!,
          displayName: r.name,
          phone: r.phone,
          mustChangePassword: true,
          createdBy: actor.id,
        })
        await audit(trx, {
          actor,
          action: 'account_create',
          targetType: 'user',
          targetId: u.id,
          regionCode: r.regionCode,
          ip,
          detail: { username: r.phone, role: r.role, batch },
        })
      }
      await audit(trx, {
        actor,
        action: 'account_import',
        targetType: 'region',
        targetId: actor.regionCode!,
        regionCode: actor.regionCode,
        ip,
        detail: { count: preview.rows.length, batch },
      })
    })
  } catch (err) {
    // A number taken between the preview and this transaction (another administrator): nothing was written.
    if (/unique|duplicate/i.test(String((err as Error).message)))
      throw conflict('import_conflict', '导入时有手机号刚被占用，没有创建任何账号，请重新预览')
    throw err
  }
  const sheet = await passwordSheet(preview, passwords)
  const sealed = app.vault.seal(sheet.toString('base64'), passwordsKey(batch))
  await app.sharedState.set(passwordsKey(batch), JSON.stringify({ owner: actor.id, sealed }), PASSWORDS_TTL_MS)
  return { created: preview.rows.length, batch }
}

async function passwordSheet(preview: ImportPreview, passwords: string[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('初始密码')
  ws.columns = [
    { header: '姓名', width: 12 },
    { header: '手机号（用户名）', width: 16 },
    { header: '角色', width: 22 },
    { header: '辖区', width: 40 },
    { header: '初始密码', width: 18 },
  ]
  preview.rows.forEach((r, i) => ws.addRow([r.name, r.phone, r.roleLabel, r.regionName, passwords[i]]))
  ws.addRow([])
  ws.addRow(['初始密码只能使用一次：首次登录后须设置新密码。本表请妥善保管，发放后销毁。'])
  return Buffer.from(await wb.xlsx.writeBuffer())
}

/** The sheet of one-time passwords, once, to the administrator who ran the import. */
export async function takePasswordSheet(app: FastifyInstance, actor: Actor, batch: string, ip: string): Promise<Buffer> {
  const gone = () => notFound('初始密码表已下载过或已过期；如需密码，请重置对应账号的密码')
  const stored = await app.sharedState.get(passwordsKey(batch))
  if (!stored) throw gone()
  const { owner, sealed } = JSON.parse(stored) as { owner: string; sealed: string }
  if (owner !== actor.id) throw gone()
  // The first of two concurrent downloads takes it; the second finds it gone.
  if (!(await app.sharedState.setIfAbsent(`${passwordsKey(batch)}:taken`, '1', PASSWORDS_TTL_MS))) throw gone()
  await app.sharedState.delete(passwordsKey(batch))
  await audit(app.db, {
    actor,
    action: 'account_import_passwords',
    targetType: 'region',
    targetId: actor.regionCode!,
    ip,
    detail: { batch },
  })
  return Buffer.from(app.vault.open(sealed, passwordsKey(batch)), 'base64')
}
