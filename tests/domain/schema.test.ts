/**
 * The registration schema: every step, the parent situations and their fields, and the rules that span steps.
 * The clock is frozen at TODAY for the field builders that read it themselves (future dates, age 18).
 */
import { PARENT_SITUATIONS, codesOf } from '@/domain/codes'
import { PARENT_COMMON_FIELDS, SITUATION_FIELDS, parentSchema, type Situation } from '@/domain/parents'
import {
  STEPS,
  STEP_SCHEMAS,
  childSchema,
  crossStepIssues,
  guardianshipSchema,
  validateRegistration,
  validateStep,
  type Issue,
  type StepKey,
} from '@/domain/schema'
import { FIXTURE_NAMES, TODAY, chinese, fixture, freezeToday, idFor, pathOf } from './helpers'

beforeAll(freezeToday)
afterAll(() => jest.useRealTimers())

// ---- helpers ----------------------------------------------------------------------------------------

/** Issues of the whole record (asserted Chinese). */
function recordIssues(record: unknown): Issue[] {
  const result = validateRegistration(record)
  return result.ok ? [] : chinese(result.issues)
}

/** Issues of one step of a record, with the cross-step rules for it (asserted Chinese). */
function stepIssues(step: StepKey, record: Record<string, unknown>): Issue[] {
  return chinese(validateStep(step, record, TODAY))
}

/** Issues of a schema on a value, in the same shape as the record's (asserted Chinese). */
function schemaIssues(schema: { safeParse: (v: unknown) => any }, value: unknown): Issue[] {
  const result = schema.safeParse(value)
  if (result.success) return []
  return chinese(result.error.issues.map((i: { path: (string | number)[]; message: string }) => ({ path: i.path, message: i.message })))
}

/** The record fails, with an issue at `path` whose message matches. */
function expectRefused(issues: Issue[], path: string, message?: string | RegExp) {
  const at = issues.filter((i) => pathOf(i) === path)
  expect({ path, found: at.length > 0, all: issues }).toMatchObject({ path, found: true })
  if (message !== undefined) {
    expect(at.map((i) => i.message)).toEqual(
      expect.arrayContaining([typeof message === 'string' ? expect.stringContaining(message) : expect.stringMatching(message)]),
    )
  }
}

const FATHER_ID = '441422198303040114' // male (17th digit 1), born 1983-03-04
const MOTHER_ID = '441422198706120282' // female (17th digit 8)

/** Plausible values for every field any situation asks for. */
const SAMPLE: Record<string, unknown> = {
  workPlace: '广东省深圳市',
  since: '2023-05-01',
  until: '2030-04-30',
  date: '2022-05-06',
  reportedToPolice: true,
  policeReportDate: '2024-01-15',
  diagnosis: '尿毒症',
  disabilityCertNo: `${FATHER_ID}11`,
  description: '长期在外，不管孩子',
}
const COMMON_SAMPLE = { name: '张伟', idNumber: FATHER_ID, phone: '13800138000' }

/** A father with exactly the common fields and the fields of `situation`. */
function fullParent(situation: Situation): Record<string, unknown> {
  const extra = Object.fromEntries(Object.keys(SITUATION_FIELDS[situation]).map((k) => [k, SAMPLE[k]]))
  return { situation, ...COMMON_SAMPLE, ...extra }
}

function without(obj: Record<string, unknown>, key: string): Record<string, unknown> {
  const copy = { ...obj }
  delete copy[key]
  return copy
}

// The variants of the parent union, read from the schema itself.
interface ZodLike {
  _zod: { def: { type: string; shape?: Record<string, ZodLike>; options?: ZodLike[]; values?: unknown[] }; optin?: string }
}
const fatherSchema = parentSchema('father')
const VARIANTS = new Map<string, Record<string, ZodLike>>(
  (fatherSchema as unknown as ZodLike)._zod.def.options!.map((o) => {
    const shape = o._zod.def.shape!
    return [String(shape.situation._zod.def.values![0]), shape]
  }),
)
const isOptional = (s: ZodLike) => s._zod.optin === 'optional'
const COMMON_KEYS = Object.keys(PARENT_COMMON_FIELDS)
const SITUATIONS = codesOf(PARENT_SITUATIONS)
const extraKeys = (situation: string) => Object.keys(VARIANTS.get(situation)!).filter((k) => !COMMON_KEYS.includes(k))
/** Required by a rule beyond the shape: the report date once a report was made. */
const CONDITIONALLY_REQUIRED: Partial<Record<Situation, string[]>> = { lost_contact: ['policeReportDate'] }

// ---- fixtures ---------------------------------------------------------------------------------------

describe('the four fixtures', () => {
  test.each(FIXTURE_NAMES)('%s passes validateRegistration', (name) => {
    const result = validateRegistration(fixture(name))
    expect(result).toEqual({ ok: true, value: fixture(name) })
  })

  const steps = FIXTURE_NAMES.flatMap((name) => STEPS.map(({ key }) => ({ name, step: key })))
  test.each(steps)('$name: step $step passes validateStep', ({ name, step }) => {
    expect(validateStep(step, fixture(name), TODAY)).toEqual([])
  })

  test('the steps are the five of the wizard, each with a schema', () => {
    expect(STEPS.map((s) => s.key)).toEqual(['child', 'parents', 'guardianship', 'family', 'consent'])
    expect(Object.keys(STEP_SCHEMAS).sort()).toEqual(STEPS.map((s) => s.key).sort())
  })
})

// ---- unknown keys -----------------------------------------------------------------------------------

describe('unknown keys are refused at every level', () => {
  test.each([
    [
      'the record',
      (r: any) => {
        r.extra = 1
      },
      '',
    ],
    [
      'the child',
      (r: any) => {
        r.child.nickname = '小明'
      },
      'child',
    ],
    [
      "the child's disability",
      (r: any) => {
        r.child.disability = { category: '5', grade: '2', certificateNo: '44142220140125015252', note: 'x' }
      },
      'child.disability',
    ],
    [
      'the parents',
      (r: any) => {
        r.parents.stepfather = { situation: 'at_home', name: '王五' }
      },
      'parents',
    ],
    [
      'a parent variant (a migrant father with a 刑满日期)',
      (r: any) => {
        r.parents.father.until = '2030-01-01'
      },
      'parents.father',
    ],
    [
      'the carer',
      (r: any) => {
        r.guardianship.carer.wechat = 'abc'
      },
      'guardianship.carer',
    ],
    [
      'the contact',
      (r: any) => {
        r.guardianship.contact.email = 'a@b.c'
      },
      'guardianship.contact',
    ],
    [
      'the family',
      (r: any) => {
        r.family.income = 1000
      },
      'family',
    ],
    [
      'the consent',
      (r: any) => {
        r.consent.ip = '1.2.3.4'
      },
      'consent',
    ],
  ])('%s', (_, breakIt, path) => {
    const record = fixture('left-behind')
    if (path === 'child.disability') record.child.health = 'disabled'
    breakIt(record)
    expectRefused(recordIssues(record), path, '不接受的字段')
  })
})

// ---- parent situations ------------------------------------------------------------------------------

describe('SITUATION_FIELDS and the schema variants agree', () => {
  test('one variant per situation of the code table, and one row of SITUATION_FIELDS per situation', () => {
    expect([...VARIANTS.keys()].sort()).toEqual([...SITUATIONS].sort())
    expect(Object.keys(SITUATION_FIELDS).sort()).toEqual([...SITUATIONS].sort())
  })

  test.each(SITUATIONS)('%s: the variant has the common fields and exactly the fields of its row', (situation) => {
    const keys = Object.keys(VARIANTS.get(situation)!)
    expect(keys).toEqual(expect.arrayContaining(COMMON_KEYS))
    expect(extraKeys(situation).sort()).toEqual(Object.keys(SITUATION_FIELDS[situation]).sort())
  })

  test('every field has a Chinese label', () => {
    for (const row of Object.values(SITUATION_FIELDS)) {
      for (const label of Object.values(row)) expect(label).toMatch(/[\u4e00-\u9fa5]/)
    }
  })
})

describe('each parent situation brings exactly its fields', () => {
  test.each(SITUATIONS)('%s: the common fields + its own fields pass', (situation) => {
    expect(schemaIssues(fatherSchema, fullParent(situation))).toEqual([])
  })

  // Dropping a field the shape requires fails, and the message names the field.
  const required = SITUATIONS.flatMap((situation) =>
    Object.entries(VARIANTS.get(situation)!)
      .filter(([, s]) => !isOptional(s))
      .map(([field]) => ({ situation, field })),
  )
  test.each(required)('$situation without $field fails, naming the field', ({ situation, field }) => {
    const label = SITUATION_FIELDS[situation][field] ?? PARENT_COMMON_FIELDS[field as keyof typeof PARENT_COMMON_FIELDS]
    const issues = schemaIssues(fatherSchema, without(fullParent(situation), field))
    expect(issues.length).toBeGreaterThan(0)
    expect(issues.map((i) => i.message).join('|')).toContain(label)
  })

  // Dropping an optional field still passes (unless another rule asks for it).
  const optional = SITUATIONS.flatMap((situation) =>
    Object.entries(VARIANTS.get(situation)!)
      .filter(([field, s]) => isOptional(s) && !(CONDITIONALLY_REQUIRED[situation] ?? []).includes(field))
      .map(([field]) => ({ situation, field })),
  )
  test.each(optional)('$situation without the optional $field passes', ({ situation, field }) => {
    expect(schemaIssues(fatherSchema, without(fullParent(situation), field))).toEqual([])
  })

  // A field of another situation is refused, never kept invisibly.
  const foreign = SITUATIONS.flatMap((situation) => {
    const own = Object.keys(SITUATION_FIELDS[situation])
    const others = [...new Set(Object.values(SITUATION_FIELDS).flatMap((row) => Object.keys(row)))].filter((k) => !own.includes(k))
    return others.map((field) => ({ situation, field }))
  })
  test.each(foreign)('$situation with $field (of another situation) fails', ({ situation, field }) => {
    const issues = schemaIssues(fatherSchema, { ...fullParent(situation), [field]: SAMPLE[field] })
    expect(issues).toEqual([expect.objectContaining({ path: [], message: `不接受的字段：${field}` })])
  })

  test('the required fields are what the situations need (the explicit list)', () => {
    const requiredExtra = Object.fromEntries(
      SITUATIONS.map((s) => [
        s,
        extraKeys(s)
          .filter((k) => !isOptional(VARIANTS.get(s)![k]))
          .sort(),
      ]),
    )
    expect(requiredExtra).toEqual({
      at_home: [],
      migrant_work: ['since', 'workPlace'],
      deceased: ['date'],
      declared_missing: [],
      lost_contact: ['reportedToPolice', 'since'],
      imprisoned: ['since', 'until'],
      drug_rehab: ['since', 'until'],
      liberty_restricted: ['since', 'until'],
      severe_illness: ['diagnosis'],
      severe_disability: ['disabilityCertNo'],
      guardianship_revoked: [],
      deported: [],
      unidentified: [],
      other: ['description'],
    })
  })

  test('a parent that cannot be identified needs no name; every other parent does', () => {
    expect(schemaIssues(fatherSchema, { situation: 'unidentified' })).toEqual([])
    expect(schemaIssues(fatherSchema, { situation: 'at_home' })).toEqual([{ path: ['name'], message: '请填写父亲姓名' }])
  })

  test('an unknown situation asks to choose one', () => {
    expect(schemaIssues(fatherSchema, { situation: 'abroad', name: '张伟' })).toEqual([
      { path: ['situation'], message: '请选择父亲的情况' },
    ])
    expect(schemaIssues(parentSchema('mother'), { name: '王丽' })).toEqual([{ path: ['situation'], message: '请选择母亲的情况' }])
  })
})

describe('conditional rules of the parent situations', () => {
  test.each(['workPlace', 'since', 'phone'])('外出务工 requires %s', (field) => {
    const issues = schemaIssues(fatherSchema, without(fullParent('migrant_work'), field))
    expect(issues.map((i) => i.path.join('.'))).toEqual([field])
  })

  test('the phone is optional for a parent at home', () => {
    expect(schemaIssues(fatherSchema, without(fullParent('at_home'), 'phone'))).toEqual([])
  })

  describe.each(['imprisoned', 'drug_rehab', 'liberty_restricted'] as const)('%s: a term with a start and an end', (situation) => {
    test.each(['since', 'until'])('without %s fails', (field) => {
      expectRefused(schemaIssues(fatherSchema, without(fullParent(situation), field)), field)
    })
    test.each([
      ['the same day', '2023-05-01'],
      ['before the start', '2023-04-30'],
    ])('an end on %s fails, on the end field', (_, until) => {
      expectRefused(schemaIssues(fatherSchema, { ...fullParent(situation), until }), 'until', '应晚于')
    })
    test('an end the day after the start passes; an end in the future is fine', () => {
      expect(schemaIssues(fatherSchema, { ...fullParent(situation), until: '2023-05-02' })).toEqual([])
      expect(schemaIssues(fatherSchema, { ...fullParent(situation), until: '2040-01-01' })).toEqual([])
    })
    test('a start in the future fails', () => {
      expectRefused(
        schemaIssues(fatherSchema, { ...fullParent(situation), since: '2026-11-29', until: '2027-12-01' }),
        'since',
        '不能晚于今天',
      )
    })
  })

  describe('失联 and the police report', () => {
    const lost = (over: Record<string, unknown>) => ({ ...fullParent('lost_contact'), ...over })
    test('reported to the police needs the date the report was accepted', () => {
      expectRefused(schemaIssues(fatherSchema, without(lost({}), 'policeReportDate')), 'policeReportDate', '公安机关受理报案日期')
    })
    test('not reported: no report date, and none may be given', () => {
      expect(schemaIssues(fatherSchema, without(lost({ reportedToPolice: false }), 'policeReportDate'))).toEqual([])
      expectRefused(schemaIssues(fatherSchema, lost({ reportedToPolice: false })), 'policeReportDate', '未报案')
    })
    test('the report cannot be accepted before contact was lost', () => {
      expectRefused(
        schemaIssues(fatherSchema, lost({ since: '2024-02-01', policeReportDate: '2024-01-15' })),
        'policeReportDate',
        '不能早于',
      )
    })
    test('whether it was reported must be answered', () => {
      expectRefused(schemaIssues(fatherSchema, without(lost({}), 'reportedToPolice')), 'reportedToPolice', '是否已向公安机关报案')
    })
  })

  describe('重残: the 残疾人证号 of the parent', () => {
    test("must begin with the parent's own ID number", () => {
      const other = idFor('1983-03-04', 'male', 40)
      expectRefused(
        schemaIssues(fatherSchema, { ...fullParent('severe_disability'), disabilityCertNo: `${other}11` }),
        'disabilityCertNo',
        '前18位',
      )
    })
    test('is 20 characters: ID + category 1–7 + grade 1–4', () => {
      for (const bad of [`${FATHER_ID}81`, `${FATHER_ID}15`, `${FATHER_ID}1`, FATHER_ID]) {
        expectRefused(schemaIssues(fatherSchema, { ...fullParent('severe_disability'), disabilityCertNo: bad }), 'disabilityCertNo', '20位')
      }
    })
    test("without the parent's ID number, only the certificate itself is checked", () => {
      expect(schemaIssues(fatherSchema, without(fullParent('severe_disability'), 'idNumber'))).toEqual([])
    })
  })
})

// ---- the child --------------------------------------------------------------------------------------

describe('the child: health, disability and illness', () => {
  // health → whether the disability and the illness blocks are required (true) or refused (false).
  const table = [
    { health: 'healthy', disability: false, illness: false },
    { health: 'ill', disability: false, illness: true },
    { health: 'disabled', disability: true, illness: false },
    { health: 'disabled_ill', disability: true, illness: true },
  ] as const
  const DISABILITY = { category: '5', grade: '2', certificateNo: '44142220140125015252' }
  const ILLNESS = { name: '白血病', critical: true }

  test.each(table)('health $health: disability required=$disability, illness required=$illness', ({ health, disability, illness }) => {
    const base = fixture('disability')
    base.child.health = health
    delete base.child.disability
    delete base.child.illness

    const withBoth = { ...base, child: { ...base.child, disability: DISABILITY, illness: ILLNESS } }
    const withNeither = base
    const both = stepIssues('child', withBoth).map(pathOf)
    const neither = stepIssues('child', withNeither).map(pathOf)

    // Required: missing when absent. Refused: reported when present.
    expect(neither.includes('child.disability')).toBe(disability)
    expect(both.includes('child.disability')).toBe(!disability)
    expect(neither.includes('child.illness')).toBe(illness)
    expect(both.includes('child.illness')).toBe(!illness)

    // The right combination passes, in the step and in the whole record.
    const right = {
      ...base,
      child: { ...base.child, ...(disability ? { disability: DISABILITY } : {}), ...(illness ? { illness: ILLNESS } : {}) },
    }
    expect(stepIssues('child', right)).toEqual([])
    expect(recordIssues(right)).toEqual([])
  })

  describe('the 残疾人证号 belongs to the child and says the chosen category and grade', () => {
    test('a certificate of another person is refused', () => {
      const r = fixture('disability')
      r.child.disability.certificateNo = `${idFor('2014-01-25', 'male', 40)}52`
      expectRefused(stepIssues('child', r), 'child.disability.certificateNo', '孩子的身份证号码')
      expectRefused(recordIssues(r), 'child.disability.certificateNo', '孩子的身份证号码')
    })
    test.each([
      ['a category other than the one chosen', '42'],
      ['a grade other than the one chosen', '53'],
    ])('%s is refused', (_, ending) => {
      const r = fixture('disability')
      r.child.disability.certificateNo = `${r.child.idNumber}${ending}`
      expectRefused(stepIssues('child', r), 'child.disability.certificateNo', '类别和等级')
      expectRefused(recordIssues(r), 'child.disability.certificateNo', '类别和等级')
    })
    test('an ID ending in x typed in lower case still matches its certificate', () => {
      const id = '44142220140125169X' // male, born 2014-01-25
      const r = fixture('disability')
      r.child.idNumber = id.toLowerCase()
      r.child.disability.certificateNo = `${id}52`
      expect(stepIssues('child', r)).toEqual([])
      expect(recordIssues(r)).toEqual([])
      r.child.idNumber = id
      r.child.disability.certificateNo = `${id.toLowerCase()}52`
      expect(stepIssues('child', r)).toEqual([])
      expect(recordIssues(r)).toEqual([])
    })
  })
})

describe('the child: 户口', () => {
  test.each(['idNumber', 'hukouType', 'hukouRegion'])('registered (hasHukou=true) requires %s', (field) => {
    const r = fixture('left-behind')
    delete r.child[field]
    expectRefused(stepIssues('child', r), `child.${field}`)
    expectRefused(recordIssues(r), `child.${field}`)
  })

  test.each(['idNumber', 'hukouType', 'hukouRegion'])('not registered (hasHukou=false) refuses %s', (field) => {
    const r = fixture('left-behind')
    r.child.hasHukou = false
    for (const f of ['idNumber', 'hukouType', 'hukouRegion']) if (f !== field) delete r.child[f]
    expectRefused(stepIssues('child', r), `child.${field}`, '未登记户口')
    expectRefused(recordIssues(r), `child.${field}`, '未登记户口')
  })

  test('not registered and none of the three: passes', () => {
    const r = fixture('left-behind')
    r.child.hasHukou = false
    delete r.child.idNumber
    delete r.child.hukouType
    delete r.child.hukouRegion
    expect(stepIssues('child', r)).toEqual([])
    expect(recordIssues(r)).toEqual([])
  })

  test('the 户籍地 and 现住址 are chosen down to a village in Guangdong', () => {
    for (const code of ['441422101000', '4414221012', '431422101200']) {
      const r = fixture('left-behind')
      r.child.residenceRegion = code
      expectRefused(stepIssues('child', r), 'child.residenceRegion', '村（社区）')
    }
  })
})

describe("the child's ID number against the birth date, the sex and the age", () => {
  test("a birth date that differs from the ID number is explained with the ID's date", () => {
    const r = fixture('left-behind')
    r.child.birthDate = '2015-03-09'
    expectRefused(stepIssues('child', r), 'child.birthDate', '2015-03-08')
    expectRefused(recordIssues(r), 'child.birthDate', '2015-03-08')
  })

  test('a sex that differs from the ID number is explained', () => {
    const r = fixture('left-behind')
    r.child.sex = 'female'
    expectRefused(stepIssues('child', r), 'child.sex', '身份证号码上是男')
  })

  test("an invalid ID number is refused with the ID's own reason", () => {
    const r = fixture('left-behind')
    r.child.idNumber = '441422201503081231'
    expectRefused(stepIssues('child', r), 'child.idNumber', '校验码')
  })

  test('a child of 18 (today is the 18th birthday) is refused; the day before is fine', () => {
    const adult = fixture('left-behind')
    Object.assign(adult.child, { birthDate: '2008-11-28', idNumber: idFor('2008-11-28', 'male') })
    expectRefused(stepIssues('child', adult), 'child.birthDate', '未满18周岁')
    expectRefused(recordIssues(adult), 'child.birthDate', '未满18周岁')

    const seventeen = fixture('left-behind')
    Object.assign(seventeen.child, { birthDate: '2008-11-29', idNumber: idFor('2008-11-29', 'male') })
    expect(stepIssues('child', seventeen)).toEqual([])
    expect(recordIssues(seventeen)).toEqual([])
  })

  test('a birth date in the future is refused', () => {
    const r = fixture('left-behind')
    delete r.child.idNumber
    r.child.hasHukou = false
    delete r.child.hukouType
    delete r.child.hukouRegion
    r.child.birthDate = '2026-11-29'
    expectRefused(stepIssues('child', r), 'child.birthDate', '不能晚于今天')
    r.child.birthDate = TODAY
    expect(stepIssues('child', r)).toEqual([])
  })

  test.each(['2015-02-29', '2015-3-8', '08/03/2015', ''])('birth date %p is not a date', (birthDate) => {
    const r = fixture('left-behind')
    r.child.birthDate = birthDate
    expectRefused(stepIssues('child', r), 'child.birthDate', '请选择出生日期')
  })
})

// ---- parents against their ID numbers -----------------------------------------------------------------

describe("a parent's ID number must fit the parent", () => {
  test('a father whose ID number says female is refused', () => {
    const r = fixture('left-behind')
    r.parents.father.idNumber = MOTHER_ID
    expectRefused(stepIssues('parents', r), 'parents.father.idNumber', '性别为女')
    expectRefused(recordIssues(r), 'parents.father.idNumber', '性别为女')
  })
  test('a mother whose ID number says male is refused', () => {
    const r = fixture('left-behind')
    r.parents.mother.idNumber = FATHER_ID
    expectRefused(stepIssues('parents', r), 'parents.mother.idNumber', '性别为男')
  })
  test("a parent's date in the future is refused", () => {
    const r = fixture('left-behind')
    r.parents.father.since = '2027-01-01'
    expectRefused(stepIssues('parents', r), 'parents.father.since', '不能晚于今天')
    const o = fixture('orphan')
    o.parents.mother.date = '2026-12-01'
    expectRefused(recordIssues(o), 'parents.mother.date', '不能晚于今天')
  })
})

// ---- guardianship -----------------------------------------------------------------------------------

describe('who cares for the child must fit where the parents are', () => {
  const CARER = fixture('left-behind').guardianship.carer

  /** The disability fixture has both parents at home; the left-behind one has both away. */
  function record(fixtureName: 'disability' | 'left-behind', arrangement: string, carer: boolean, fatherSituation?: string) {
    const r = fixture(fixtureName)
    r.guardianship.arrangement = arrangement
    if (carer) r.guardianship.carer = CARER
    else delete r.guardianship.carer
    if (fatherSituation === 'at_home') {
      r.parents.father = { situation: 'at_home', name: r.parents.father.name, idNumber: r.parents.father.idNumber }
    }
    return r
  }

  test.each([
    // [case, fixture, arrangement, carer given, father at home, refused path or null]
    ['both parents at home, 父母共同照料', 'disability', 'both_parents', false, undefined, null],
    ['both parents at home, 父亲照料', 'disability', 'father', false, undefined, null],
    ['both parents away, 委托他人照料 with the carer', 'left-behind', 'carer', true, undefined, null],
    ['both parents away, no one (alone)', 'left-behind', 'alone', false, undefined, null],
    ['father home, mother away, 父亲照料', 'left-behind', 'father', false, 'at_home', null],
    ['both parents away, 父母共同照料', 'left-behind', 'both_parents', false, undefined, 'guardianship.arrangement'],
    ['father home, mother away, 父母共同照料', 'left-behind', 'both_parents', false, 'at_home', 'guardianship.arrangement'],
    ['both parents away, 父亲照料', 'left-behind', 'father', false, undefined, 'guardianship.arrangement'],
    ['father home, mother away, 母亲照料', 'left-behind', 'mother', false, 'at_home', 'guardianship.arrangement'],
    ['both parents at home, 委托他人照料', 'disability', 'carer', true, undefined, 'guardianship.arrangement'],
    ['both parents away, 委托他人照料 without the carer', 'left-behind', 'carer', false, undefined, 'guardianship.carer'],
    ['both parents at home, a carer given anyway', 'disability', 'both_parents', true, undefined, 'guardianship.carer'],
    ['both parents away, alone, a carer given anyway', 'left-behind', 'alone', true, undefined, 'guardianship.carer'],
  ] as const)('%s', (_, name, arrangement, carer, father, refusedAt) => {
    const r = record(name, arrangement, carer, father)
    const step = stepIssues('guardianship', r)
    const whole = recordIssues(r)
    if (refusedAt === null) {
      expect(step).toEqual([])
      expect(whole).toEqual([])
    } else {
      expectRefused(step, refusedAt)
      expectRefused(whole, refusedAt)
    }
  })

  test("the carer's fields are all required", () => {
    for (const field of Object.keys(CARER)) {
      const r = fixture('left-behind')
      delete r.guardianship.carer[field]
      expectRefused(stepIssues('guardianship', r), `guardianship.carer.${field}`)
    }
  })
})

// ---- phones, names, free text, dates ------------------------------------------------------------------

describe('phone numbers', () => {
  const phoneOf = (phone: string) => {
    const g = fixture('left-behind').guardianship
    g.contact.phone = phone
    return guardianshipSchema.safeParse(g)
  }
  test.each([
    ['a mobile', '13800138000', '13800138000'],
    ['a 19x mobile', '19212345678', '19212345678'],
    ['+86', '+8613800138000', '13800138000'],
    ['+86 with spaces', '+86 138 0013 8000', '13800138000'],
    ['0086', '008613800138000', '13800138000'],
    ['+86-', '+86-13800138000', '13800138000'],
    ['full-width spaces', '138\u30000013\u30008000', '13800138000'],
    ['a landline with a 4-digit area code', '0755-12345678', '0755-12345678'],
    ['a landline with a 3-digit area code, 7 digits', '020-1234567', '020-1234567'],
    ['a landline without the hyphen', '075512345678', '075512345678'],
  ])('%s is accepted (%s)', (_, input, stored) => {
    const result = phoneOf(input)
    expect(result.success).toBe(true)
    expect(result.data?.contact.phone).toBe(stored)
  })

  test.each([
    ['12x is no mobile prefix', '12800138000'],
    ['10 digits', '1380013800'],
    ['12 digits', '138001380001'],
    ['a landline without the area code', '12345678'],
    ['an area code with a 6-digit number', '010-123456'],
    ['an area code with a 9-digit number', '0755-123456789'],
    ['a 400 number', '400-1234567'],
    ['letters', 'abcdefghijk'],
    ['empty', ''],
  ])('%s is refused (%s)', (_, input) => {
    const result = phoneOf(input)
    expect(result.success).toBe(false)
    expect(chinese(result.error!.issues.map((i) => ({ path: i.path as string[], message: i.message })))).toEqual([
      { path: ['contact', 'phone'], message: '填报人联系电话应为11位手机号码，或带区号的固定电话' },
    ])
  })
})

describe('names', () => {
  const nameOf = (name: string) => schemaIssues(childSchema, { ...fixture('left-behind').child, name })
  test.each(['陈小明', '阿依古丽·买买提', '欧阳娜娜', 'Li Ming'])('%s is accepted', (name) => {
    expect(nameOf(name)).toEqual([])
  })
  test.each([
    ['digits', '陈小明2'],
    ['full-width digits', '陈小明２'],
    ['a script tag', '<script>'],
    ['a script tag around a name', '<script>陈小明</script>'],
    ['SQL', "陈'; DROP TABLE x; --"],
    ['an @', '陈@明'],
    ['only spaces', '   '],
    ['31 characters', '陈'.repeat(31)],
  ])('%s is refused', (_, name) => {
    expectRefused(nameOf(name), 'name', '儿童姓名')
  })
  test('a name is trimmed', () => {
    const result = childSchema.safeParse({ ...fixture('left-behind').child, name: '  陈小明 ' })
    expect(result.data?.name).toBe('陈小明')
  })
})

describe('free text is kept verbatim', () => {
  test.each(["'; DROP TABLE x; --", '<script>alert(1)</script>', '家里有"困难"&需要帮助'])('%s', (text) => {
    const r = fixture('left-behind')
    r.family.needsNote = text
    r.child.residenceAddress = text
    r.parents.mother = { situation: 'other', name: '李秀英', description: text }
    r.guardianship.arrangement = 'carer'
    const result = validateRegistration(r)
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.value.family.needsNote).toBe(text)
    expect(result.value.child.residenceAddress).toBe(text)
    expect(result.value.parents.mother).toMatchObject({ description: text })
  })

  test('a note longer than 200 characters is refused', () => {
    const r = fixture('left-behind')
    r.family.needsNote = '难'.repeat(201)
    expectRefused(recordIssues(r), 'family.needsNote', '200')
  })
})

describe('the family and the consent', () => {
  test('at least one income source; no repeated choices', () => {
    const r = fixture('left-behind')
    r.family.incomeSources = []
    expectRefused(recordIssues(r), 'family.incomeSources', '至少选择一项')
    r.family.incomeSources = ['wages', 'wages']
    expectRefused(recordIssues(r), 'family.incomeSources', '重复')
  })

  test('the consent must be agreed, with a time and an offset', () => {
    const r = fixture('left-behind')
    r.consent.agreed = false
    expectRefused(recordIssues(r), 'consent.agreed', '勾选同意')
    const t = fixture('left-behind')
    t.consent.agreedAt = '2026-11-20 09:30'
    expectRefused(recordIssues(t), 'consent.agreedAt', '同意时间')
  })

  test('another schema version is refused', () => {
    const r = fixture('left-behind')
    r.schemaVersion = 2
    expectRefused(recordIssues(r), 'schemaVersion', '更新小程序')
  })
})

describe('every message is Chinese', () => {
  test('an empty record, and a record of wrong types, explain themselves in Chinese', () => {
    const empty = recordIssues({})
    expect(empty.length).toBeGreaterThanOrEqual(6)
    const wrong = recordIssues({
      schemaVersion: '1',
      child: { name: 3, hasHukou: 'yes', sex: 1, birthDate: 20150308, ethnicity: 1, health: [] },
      parents: { father: { situation: 1 }, mother: null },
      guardianship: [],
      family: { incomeSources: 'wages' },
      consent: { agreed: 'true' },
    })
    expect(wrong.length).toBeGreaterThanOrEqual(10)
    for (const step of STEPS) chinese(validateStep(step.key, {}, TODAY))
  })

  test('crossStepIssues on partial data (as the wizard holds it) is Chinese and never throws', () => {
    const partials = [
      {},
      { child: {} },
      { child: { hasHukou: true } },
      { child: { hasHukou: false, idNumber: '1' } },
      { parents: { father: { situation: 'migrant_work' } } },
      { guardianship: { arrangement: 'carer' } },
      { child: { birthDate: '2000-01-01', health: 'disabled', disability: { category: '5', grade: '2', certificateNo: '123' } } },
    ]
    for (const p of partials) chinese(crossStepIssues(p as never, ['child', 'parents', 'guardianship'], TODAY))
    expect(crossStepIssues({ child: { hasHukou: true } }, ['child'], TODAY).length).toBe(3)
  })
})

describe('the entrusted carer is an adult (未成年人保护法 Art.22)', () => {
  test('a carer aged 17 by the ID number is refused; 18 is accepted', () => {
    const record = fixture('left-behind') as any
    record.guardianship.carer.idNumber = idFor('2009-11-29', 'female') // 17 on 2026-11-28
    expectRefused(stepIssues('guardianship', record), 'guardianship.carer.idNumber', /成年人/)
    record.guardianship.carer.idNumber = idFor('2008-11-28', 'female') // 18 that day
    expect(stepIssues('guardianship', record)).toEqual([])
  })
})

describe('the grandparents (family.grandparents)', () => {
  const withGrandparents = (grandparents: unknown) => {
    const r = fixture('left-behind')
    r.family.grandparents = grandparents
    return r
  }

  test('a record submitted before the form asked for them is still valid', () => {
    const old = fixture('left-behind')
    delete old.family.grandparents
    expect(recordIssues(old)).toEqual([])
  })

  test('健在 with a name (the birth date may be unknown), 已故 and 不详 with nothing more', () => {
    const ok = {
      paternalGrandfather: { status: 'living', name: '陈大山' },
      paternalGrandmother: { status: 'living', name: '陈桂英', birthDate: '1955-04-10' },
      maternalGrandfather: { status: 'deceased' },
      maternalGrandmother: { status: 'unknown' },
    }
    expect(recordIssues(withGrandparents(ok))).toEqual([])
    const issues = recordIssues(
      withGrandparents({
        ...ok,
        paternalGrandfather: { status: 'living' },
        maternalGrandfather: { status: 'deceased', name: '李某' },
        maternalGrandmother: undefined,
      }),
    )
    expect(issues.map(pathOf).sort()).toEqual([
      'family.grandparents.maternalGrandfather',
      'family.grandparents.maternalGrandmother',
      'family.grandparents.paternalGrandfather.name',
    ])
    expect(issues.find((i) => pathOf(i) === 'family.grandparents.paternalGrandfather.name')?.message).toBe('请填写祖父姓名')
    expect(issues.find((i) => pathOf(i) === 'family.grandparents.maternalGrandmother')?.message).toBe('请选择外祖母的情况')
  })

  test('a birth date in the future is refused', () => {
    const issues = recordIssues(
      withGrandparents({
        paternalGrandfather: { status: 'living', name: '陈大山', birthDate: '2027-01-01' },
        paternalGrandmother: { status: 'unknown' },
        maternalGrandfather: { status: 'unknown' },
        maternalGrandmother: { status: 'unknown' },
      }),
    )
    expect(issues).toEqual([{ path: ['family', 'grandparents', 'paternalGrandfather', 'birthDate'], message: '祖父出生日期不能晚于今天' }])
  })
})

describe('names: characters that print as nothing or reorder the text are refused', () => {
  const MESSAGE = '儿童姓名里有看不见的字符（如零宽空格、文字方向符号），请删掉后重新输入'
  test.each([
    ['zero-width space', '张\u200b伟'],
    ['right-to-left override', '\u202e伟张'],
    ['byte-order mark inside', '张\ufeff伟'],
    ['Hangul filler', '张\u3164伟'],
    ['Hangul filler alone', '\u3164'],
    ['first-strong isolate', '张\u2068伟\u2069'],
    ['soft hyphen', '张\u00ad伟'],
    ['a control character', '张\u0007伟'],
    ['a tag character', '张伟\udb40\udc41'],
  ])('%s', (_label, name) => {
    const issues = childSchema.safeParse({ ...fixture('orphan').child, name })
    expect(issues.success).toBe(false)
    expect(issues.error?.issues.map((i) => i.message)).toContain(MESSAGE)
  })

  test.each(['张伟', '阿依·古丽', '欧阳娜娜', 'Ma Li'])('%s is still a name', (name) => {
    const issues = childSchema.safeParse({ ...fixture('orphan').child, name })
    expect(issues.error?.issues.filter((i) => i.path[0] === 'name') ?? []).toEqual([])
  })
})
