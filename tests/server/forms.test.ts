/**
 * The official paperwork read back with the libraries that read it: the 一人一表 and the 事实无人抚养
 * application as PDF (text extracted by pdf-parse, i.e. pdf.js), the roster as .xlsx (exceljs). Every
 * heading of the 2016 form in its official wording; every field against the fixture records, and no blank
 * where the record has the answer. Who may print, the audit row of every file, and the grandparents of a
 * record submitted before the form asked for them. Each form's first page is rendered to PNG
 * (test-results/screenshots/, with poppler's pdftoppm) for people to look at.
 */
import { execFileSync } from 'node:child_process'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import pdfParse from 'pdf-parse/lib/pdf-parse.js'
import { getIn } from '../../src/domain/record'
import { today } from '../../server/src/clock'
import { classify } from '../../src/domain/eligibility'
import { formAnswers } from '../../server/src/forms/answers'
import { FORM_2016_GRID, formColumns } from '../../server/src/forms/form-2016'
import { choiceText } from '../../server/src/forms/pdf'
import { BACKENDS, FIXTURE_NAMES, TOWNSHIP, VILLAGE_A, VILLAGE_B, VILLAGE_C, fixture, startApp, uuid, type TestApp } from './helpers'

const SCREENSHOTS = join(__dirname, '..', '..', 'test-results', 'screenshots')

/** The headings of 附件1 of 民发〔2016〕42号, as the form words them (docs/forms.md). */
const OFFICIAL_HEADINGS = [
  '留守儿童个人基本情况',
  '姓名',
  '性别',
  '民族',
  '出生日期',
  '公民身份证号码',
  '是否登记户口',
  '户籍所在地',
  '现居住地',
  '身体情况',
  '残疾类别及等级',
  '患病类型',
  '是否学校寄宿',
  '就学情况',
  '家庭情况',
  '祖父',
  '祖母',
  '外祖父',
  '外祖母',
  '父亲',
  '母亲',
  '当前务工地点',
  '联系电话',
  '实际监护情况',
  '父母双方同时外出',
  '父母一方外出、另一方无监护能力',
  '父母外出有无委托其他监护人',
  '委托监护人',
  '与被监护人关系',
  '居住地地址',
  '监护类型',
  '监护情况评估',
  '家庭经济来源',
  '救助帮扶情况',
  '填报单位',
  '填报日期',
  '单位负责人',
  '复核人',
  '填表人',
]

/** Each answer of the form and the record paths it is read from (a parent's birth date: the ID number). */
const SOURCES: Record<string, string[]> = {
  'child.name': ['child.name'],
  'child.sex': ['child.sex'],
  'child.ethnicity': ['child.ethnicity'],
  'child.birthDate': ['child.birthDate'],
  'child.idNumber': ['child.idNumber'],
  'child.hasHukou': ['child.hasHukou'],
  'child.boarding': ['child.boarding'],
  'child.hukouRegion': ['child.hukouRegion'],
  'child.residence': ['child.residenceRegion', 'child.residenceAddress'],
  'child.health': ['child.health'],
  'child.disability': ['child.disability'],
  'child.illness': ['child.illness'],
  'child.schooling': ['child.schooling'],
  ...Object.fromEntries(
    ['paternalGrandfather', 'paternalGrandmother', 'maternalGrandfather', 'maternalGrandmother'].flatMap((g) => [
      [`grandparents.${g}.name`, [`family.grandparents.${g}.status`]],
      [`grandparents.${g}.birthDate`, [`family.grandparents.${g}.birthDate`]],
    ]),
  ),
  ...Object.fromEntries(
    ['father', 'mother'].flatMap((p) => [
      [`${p}.name`, [`parents.${p}.name`]],
      [`${p}.birthDate`, [`parents.${p}.idNumber`]],
      [`${p}.workPlace`, [`parents.${p}.workPlace`]],
      [`${p}.phone`, [`parents.${p}.phone`]],
      [`${p}.idNumber`, [`parents.${p}.idNumber`]],
      [`${p}.situation`, [`parents.${p}.situation`]],
    ]),
  ),
  'care.bothAway': ['parents.father.situation'],
  'care.oneAwayOtherUnable': ['parents.father.situation'],
  'care.unableParent': [],
  'care.entrusted': ['guardianship.arrangement'],
  'carer.name': ['guardianship.carer.name'],
  'carer.phone': ['guardianship.carer.phone'],
  'carer.idNumber': ['guardianship.carer.idNumber'],
  'carer.relation': ['guardianship.carer.relation'],
  'carer.address': ['guardianship.carer.address'],
  'care.type': [],
  'care.assessment': [],
  'family.incomeSources': ['family.incomeSources'],
  'family.assistance': ['family.assistance'],
}

const VILLAGE_OF: Record<string, string> = {
  'left-behind': VILLAGE_A,
  disability: VILLAGE_A,
  orphan: VILLAGE_B,
  'de-facto-unsupported': VILLAGE_C,
}

const strip = (s: string) => s.replace(/\s+/g, '')
async function pdfText(buffer: Buffer): Promise<{ text: string; pages: number }> {
  const data = await pdfParse(buffer)
  return { text: strip(data.text), pages: data.numpages }
}

/** The first page as a PNG, for people to look at (and proof that the file renders). */
function render(pdf: Buffer, name: string) {
  mkdirSync(SCREENSHOTS, { recursive: true })
  const file = join(SCREENSHOTS, name)
  try {
    execFileSync('pdftoppm', ['-png', '-r', '110', '-f', '1', '-l', '1', '-singlefile', '-', file], { input: pdf })
  } catch (error) {
    throw new Error(`pdftoppm (Debian poppler-utils, installed by .ci/run) could not render ${name}: ${String(error)}`)
  }
  const png = execFileSync('file', [`${file}.png`]).toString()
  // A4 portrait at 110 dpi: 910 × 1286 pixels.
  expect(png).toMatch(/PNG image data, 910 x 128[67]/)
}

describe.each(BACKENDS)('printed forms (%s)', (backend) => {
  let t: TestApp
  let guardian: string
  const ids: Record<string, string> = {}
  const village: Record<string, string> = {}
  beforeAll(async () => {
    t = await startApp(backend)
    guardian = await t.guardian()
    for (const name of FIXTURE_NAMES) {
      ids[name] = uuid()
      expect((await t.put(guardian, ids[name], fixture(name))).statusCode).toBe(201)
    }
    village.A = await t.worker('village_worker', VILLAGE_A)
    village.B = await t.worker('village_worker', VILLAGE_B)
    village.C = await t.worker('village_worker', VILLAGE_C)
    // A home visit records the worker's 监护情况评估 (一般) for 陈小明.
    await t.review(village.A, ids['left-behind'], {
      action: 'start_review',
      visit: { date: '2026-11-03', method: 'home', conclusion: 'true', guardianshipAssessment: 'fair' },
    })
  })
  afterAll(() => t.close())

  const tokenFor = (name: string) => village[{ [VILLAGE_A]: 'A', [VILLAGE_B]: 'B', [VILLAGE_C]: 'C' }[VILLAGE_OF[name]]!]
  const form = (name: string, query = '') => t.req('GET', `/api/v1/registrations/${ids[name]}/form.pdf${query}`, { token: tokenFor(name) })

  test('一人一表 of 陈小明: every field beside its heading, in the official words, with header, signatures and footer', async () => {
    const res = await form('left-behind')
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toBe('application/pdf')
    expect(res.headers['content-disposition']).toMatch(
      /^attachment; filename="registration_form-[0-9a-f]{8}-\d{4}-\d{2}-\d{2}\.pdf"; filename\*=UTF-8''/,
    )
    expect(decodeURIComponent(String(res.headers['content-disposition']).split("''")[1])).toBe(`一人一表-陈小明-${today()}.pdf`)
    const pdf = res.rawPayload
    const { text, pages } = await pdfText(pdf)
    expect(pages).toBe(1)
    expect(text).toContain('农村留守儿童基本情况登记表')
    for (const heading of OFFICIAL_HEADINGS) expect({ heading, found: text.includes(heading) }).toEqual({ heading, found: true })
    for (const expected of [
      '填报单位（盖章）：广东省梅州市大埔县茶阳镇茅坪村委会',
      `填报日期：${today()}`,
      'A.留守儿童个人基本情况姓名陈小明性别男民族汉族出生日期2015-03-08公民身份证号码441422201503081230是否登记户口是是否学校寄宿否',
      '户籍所在地广东省梅州市大埔县茶阳镇茅坪村委会现居住地广东省梅州市大埔县茶阳镇茅坪村委会茅坪村上屋12号',
      '身体情况■健康□残疾□患病残疾类别及等级患病类型',
      '就学情况□未入园□幼儿园■小学□初中□高中□中职□辍学□不在学',
      'B.家庭情况祖父姓名—出生日期—祖母姓名陈桂英出生日期1955-04-10外祖父姓名李德福出生日期1960-08-15外祖母姓名不详出生日期不详',
      '父亲姓名陈国强出生日期1985-07-20当前务工地点广东省深圳市联系电话13800138001公民身份证号码441422198507200319',
      '母亲姓名李秀英出生日期1988-11-02当前务工地点广东省东莞市联系电话13912345678公民身份证号码441422198811020427',
      'C.实际监护情况父母双方同时外出是父母一方外出、另一方无监护能力否无监护能力的一方父母外出有无委托其他监护人有',
      '委托监护人姓名陈桂英联系电话13711112222公民身份证号码441422195504100642与被监护人关系祖母居住地地址大埔县茶阳镇茅坪村上屋12号',
      '监护类型□无人监护□父或母无监护能力□受委托监护人监护能力不足■监护情况一般□监护情况较好监护情况评估□较好■一般□差',
      'D.家庭经济来源家庭经济来源■打工收入■种养殖业□政府救助□亲朋接济□其他',
      'E.救助帮扶情况救助帮扶情况□享受低保□临时救助□医疗救助□住房救助□其他救助',
      '监护人（或受委托监护人）确认签字：',
      '村（居）儿童主任签字：',
      '单位负责人：',
      '复核人：',
      '填表人：',
      `登记编号${ids['left-behind']}（第2版）`,
    ])
      expect(text).toContain(strip(expected))
    // The font travels with the file: a subset of Noto Sans SC, embedded (pdffonts would say emb yes, sub yes).
    const raw = pdf.toString('latin1')
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansSC-Regular/)
    expect(raw).toContain('/FontFile2')
    expect(raw).not.toContain('/Helvetica') // no font the reader would have to find on its own machine
    expect(raw).toMatch(/\/MediaBox \[0 0 595\.28 841\.89\]/)
    expect(pdf.length).toBeLessThan(120_000)
    render(pdf, 'forms-registration-form-left-behind')
  })

  test.each(FIXTURE_NAMES)('一人一表 of %s: no blank where the record has the answer', async (name) => {
    const record = fixture(name)
    const res = await form(name)
    expect(res.statusCode).toBe(200)
    const { text } = await pdfText(res.rawPayload)
    const answers = formAnswers(record, {
      place: (c) => (c ? (t.app.regions.fullName(c) ?? c) : ''),
      full: true,
      today: today(),
      assessment: name === 'left-behind' ? 'fair' : undefined,
      classification: classify(record, today()),
    })
    const choices = new Map(formColumns().map(({ field }) => [field.key, field.choices]))
    let checked = 0
    for (const row of FORM_2016_GRID) {
      row.forEach((cell, i) => {
        if (!('key' in cell)) return
        const sources = SOURCES[cell.key] ?? []
        const given = sources.some((p) => {
          const v = getIn(record, p)
          return v !== undefined && !(Array.isArray(v) && v.length === 0)
        })
        const answer = answers[cell.key]
        // The record has the answer: the form has it too, printed right after its heading.
        if (given) expect({ key: cell.key, answer }).not.toEqual({ key: cell.key, answer: '' })
        const heading = row[i - 1] && 'label' in row[i - 1] ? (row[i - 1] as { label: string }).label : ''
        const shown = (choices.get(cell.key)?.length ?? 0) > 2 ? choiceText(choices.get(cell.key)!, answer) : answer
        expect({ key: cell.key, found: text.includes(strip(`${heading}${shown}`)) }).toEqual({ key: cell.key, found: true })
        checked++
      })
    }
    expect(checked).toBe(Object.keys(SOURCES).length)
    render(res.rawPayload, `forms-registration-form-${name}`)
  })

  test('the 事实无人抚养 application: the child, both parents with the facts the rule used, the carer, the papers to bring', async () => {
    const res = await t.req('GET', `/api/v1/registrations/${ids['de-facto-unsupported']}/allowance-application.pdf`, { token: village.C })
    expect(res.statusCode).toBe(200)
    expect(decodeURIComponent(String(res.headers['content-disposition']).split("''")[1])).toBe(
      `事实无人抚养儿童基本生活补贴申请表-张小芳-${today()}.pdf`,
    )
    const { text, pages } = await pdfText(res.rawPayload)
    expect(pages).toBe(1)
    for (const expected of [
      '事实无人抚养儿童基本生活补贴申请表',
      '受理乡镇（街道）：广东省梅州市大埔县茶阳镇',
      '一、儿童基本情况姓名张小芳性别女民族汉族出生日期2012-09-15公民身份证号码441422201209150266就学情况初中身体情况健康',
      '户籍所在地广东省梅州市大埔县茶阳镇大觉村委会',
      '父亲姓名张伟公民身份证号码441422198303040114',
      '服刑在押（服刑开始日期：2023-05-01，刑满日期：2030-04-30）',
      '母亲姓名王丽公民身份证号码441422198706120282',
      '失联（失联开始时间：2023-10-01，是否已向公安机关报案：是，公安机关受理报案日期：2024-01-15）',
      '三、实际抚养（照料）人姓名张德明与儿童关系祖父公民身份证号码441422195609120375联系电话13622223333居住地址大埔县茶阳镇大觉村下围3号',
      '四、申请人姓名张德明与儿童关系祖父联系电话13622223333',
      '父亲服刑在押（2023-05-01至2030-04-30，期限6个月以上）',
      '母亲失联，公安机关2024-01-15受理报案，已满6个月',
      '广东省户籍',
      '父亲：人民法院刑事判决书或监狱出具的服刑证明',
      '母亲：公安机关受理报案回执，以及受理满6个月后公安机关出具的查找情况书面回执',
      '儿童的户口簿和身份证',
      '照护人照护能力不足',
      '申请人签字',
      '村（居）民委员会意见：',
      '乡镇人民政府（街道办事处）查验意见：',
      '县级民政部门确认意见：',
    ])
      expect(text).toContain(strip(expected))
    render(res.rawPayload, 'forms-allowance-application-de-facto-unsupported')
  })

  test('no application for a child the rules do not classify as 事实无人抚养 (409, with the reason)', async () => {
    const res = await t.req('GET', `/api/v1/registrations/${ids['left-behind']}/allowance-application.pdf`, { token: village.A })
    expect(res.statusCode).toBe(409)
    expect(res.json().error.message).toContain('暂不符合事实无人抚养儿童的条件')
  })

  test("only workers of the record's region print; every file is audited with the form and whether numbers were full", async () => {
    const outsider = await t.req('GET', `/api/v1/registrations/${ids['left-behind']}/form.pdf`, { token: village.B })
    expect(outsider.statusCode).toBe(404)
    expect((await t.req('GET', `/api/v1/registrations/${ids['left-behind']}/form.pdf`, { token: guardian })).statusCode).toBe(403)
    expect((await t.req('GET', `/api/v1/registrations/${ids['left-behind']}/form.pdf`)).statusCode).toBe(401)
    expect((await t.req('GET', `/api/v1/registrations/${ids['left-behind']}/form.pdf?mask=2`, { token: village.A })).statusCode).toBe(400)
    const township = await t.worker('township_supervisor', TOWNSHIP)
    const masked = await t.req('GET', `/api/v1/registrations/${ids['left-behind']}/form.pdf?mask=1`, { token: township })
    expect(masked.statusCode).toBe(200)
    const { text } = await pdfText(masked.rawPayload)
    expect(text).toContain('填报单位（盖章）：广东省梅州市大埔县茶阳镇')
    expect(text).not.toContain('441422201503081230')
    expect(text).toContain('4414**********1230')
    expect(text).toContain('身份证号码和电话号码已部分隐藏')
    const rows = await t.app.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'print')
      .where('target_id', '=', ids['left-behind'])
      .orderBy('at')
      .execute()
    const details = rows.map((r) => JSON.parse(r.detail!))
    expect(details).toContainEqual({ form: 'registration_form', fullIdNumbers: true })
    expect(details[details.length - 1]).toEqual({ form: 'registration_form', fullIdNumbers: false })
    // Refused requests leave no print row: the outsider's 404 is not among them.
    expect(rows.every((r) => r.region_code === VILLAGE_A)).toBe(true)
  })

  test('a record submitted before the grandparents were asked: accepted, printed with their cells empty; adding them shows in the history', async () => {
    const id = uuid()
    const old = fixture('left-behind')
    delete old.family.grandparents
    old.child.residenceAddress = '茅坪村旧登记1号'
    expect((await t.put(guardian, id, old)).statusCode).toBe(201)
    const printed = await t.req('GET', `/api/v1/registrations/${id}/form.pdf`, { token: village.A })
    const { text } = await pdfText(printed.rawPayload)
    expect(text).toContain('祖父姓名出生日期祖母姓名出生日期')
    expect((await t.review(village.A, id, { action: 'return', reason: '请补充祖父母的情况', fields: ['family'] })).statusCode).toBe(200)
    const next = fixture('left-behind')
    next.child.residenceAddress = old.child.residenceAddress
    expect((await t.put(guardian, id, { record: next, baseVersion: 2 })).statusCode).toBe(200)
    const history = (await t.req('GET', `/api/v1/registrations/${id}/history`, { token: guardian })).json()
    const diff = history.items.flatMap((e: { diff?: { path: string; to?: unknown }[] }) => e.diff ?? [])
    expect(diff).toContainEqual({ path: 'family.grandparents.paternalGrandmother.name', to: '陈桂英' })
    expect(diff).toContainEqual({ path: 'family.grandparents.paternalGrandfather.status', to: 'deceased' })
  })

  test("the roster of 陈小明: every column of the national form in its words and order, then the app's own", async () => {
    const township = await t.worker('township_supervisor', TOWNSHIP)
    const res = await t.req('GET', '/api/v1/export.xlsx', { token: township })
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(res.rawPayload as never)
    const ws = wb.getWorksheet('茅坪村委会')!
    const cell = (r: number, c: number) => String(ws.getCell(r, c).value ?? '')
    expect(cell(1, 1)).toBe('农村留守儿童和困境儿童信息花名册')
    expect(cell(2, 1)).toBe('填报单位（盖章）：广东省梅州市大埔县茶阳镇')
    expect(ws.getRow(2).values).toContain(`填报日期：${today()}`)
    expect(ws.getRow(2).values).toContain('村（居）：广东省梅州市大埔县茶阳镇茅坪村委会')
    const width = ws.getRow(3).cellCount
    // Three heading rows; a merged heading reads the same in every cell it covers.
    const heading = (c: number) => [cell(3, c), cell(4, c), cell(5, c)].filter((h, i, all) => h && all.indexOf(h) === i).join('/')
    const headings = Array.from({ length: width }, (_, i) => heading(i + 1))
    expect(headings.slice(0, 14)).toEqual([
      '序号',
      ...[
        '姓名',
        '性别',
        '民族',
        '出生日期',
        '公民身份证号码',
        '是否登记户口',
        '户籍所在地',
        '现居住地',
        '身体情况',
        '残疾类别及等级',
        '患病类型',
        '是否学校寄宿',
        '就学情况',
      ].map((h) => `A. 留守儿童个人基本情况/${h}`),
    ])
    expect(headings.slice(14, 32)).toEqual([
      ...['祖父', '祖母', '外祖父', '外祖母'].flatMap((g) => [`B. 家庭情况/${g}/姓名`, `B. 家庭情况/${g}/出生日期`]),
      ...['父亲', '母亲'].flatMap((g) =>
        ['姓名', '出生日期', '当前务工地点', '联系电话', '公民身份证号码'].map((f) => `B. 家庭情况/${g}/${f}`),
      ),
    ])
    expect(headings.slice(32, 43)).toEqual([
      'C. 实际监护情况/父母双方同时外出',
      'C. 实际监护情况/父母一方外出、另一方无监护能力',
      'C. 实际监护情况/无监护能力的一方',
      'C. 实际监护情况/父母外出有无委托其他监护人',
      ...['姓名', '联系电话', '公民身份证号码', '与被监护人关系', '居住地地址'].map((f) => `C. 实际监护情况/委托监护人/${f}`),
      'C. 实际监护情况/监护类型',
      'C. 实际监护情况/监护情况评估',
    ])
    expect(headings.slice(43, 45)).toEqual(['D. 家庭经济来源', 'E. 救助帮扶情况'])
    expect(headings.slice(45)).toEqual(
      [
        '照料安排',
        '父亲情况',
        '母亲情况',
        '家庭经济状况',
        '儿童类别',
        '困境儿童类别',
        '事实无人抚养情形',
        '状态',
        '核实人',
        '核实日期',
      ].map((h) => `其他情况（本系统）/${h}`),
    )
    const rowOf = (name: string) => {
      for (let r = 6; r <= ws.rowCount; r++) {
        if (ws.getCell(r, 2).value === name) return Array.from({ length: width }, (_, i) => ws.getCell(r, i + 1).value ?? '')
      }
      throw new Error(`${name} is not in the roster`)
    }
    const chen = rowOf('陈小明')
    expect(chen.slice(1)).toEqual([
      '陈小明',
      '男',
      '汉族',
      '2015-03-08',
      '441422201503081230',
      '是',
      '广东省梅州市大埔县茶阳镇茅坪村委会',
      '广东省梅州市大埔县茶阳镇茅坪村委会茅坪村上屋12号',
      '健康',
      '',
      '',
      '否',
      '小学',
      '—',
      '—',
      '陈桂英',
      '1955-04-10',
      '李德福',
      '1960-08-15',
      '不详',
      '不详',
      '陈国强',
      '1985-07-20',
      '广东省深圳市',
      '13800138001',
      '441422198507200319',
      '李秀英',
      '1988-11-02',
      '广东省东莞市',
      '13912345678',
      '441422198811020427',
      '是',
      '否',
      '',
      '有',
      '陈桂英',
      '13711112222',
      '441422195504100642',
      '祖母',
      '大埔县茶阳镇茅坪村上屋12号',
      '监护情况一般',
      '一般',
      '打工收入、种养殖业',
      '',
      '委托他人照料',
      '外出务工（外出务工开始时间：2021-02）',
      '外出务工（外出务工开始时间：2022-03）',
      '一般家庭',
      '农村留守儿童',
      '',
      '',
      '村级核实中',
      '',
      '',
    ])
    const liu = rowOf('刘小军')
    expect(liu.slice(9, 14)).toEqual(['残疾', '智力残疾二级', '', '否', '小学'])
    expect(liu[50]).toBe('家庭困境儿童（家庭贫困）、自身困境儿童（自身残疾）')
    // Ready to print and to read: headings frozen, A4 landscape with the heading rows on every page, widths set.
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 5, xSplit: 2 })
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToWidth: 1 })
    expect(ws.getColumn(6).width).toBe(20)
    const footer = ws.getRow(ws.rowCount).values as unknown[]
    expect([...new Set(footer.filter(Boolean))]).toEqual(['单位负责人：', '复核人：', '填表人：'])
    // The 事实无人抚养 facts, in a column of their own.
    const dajue = wb.getWorksheet('大觉村委会')!
    expect(String(dajue.getCell(6, 52).value)).toContain('父亲服刑在押（2023-05-01至2030-04-30，期限6个月以上）')
  })
})
