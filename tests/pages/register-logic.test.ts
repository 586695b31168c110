/** The wizard's pure logic: skip rules, field lists, issue placement, optional fields, the record built. */
import leftBehind from '../fixtures/registrations/left-behind.json'
import deFacto from '../fixtures/registrations/de-facto-unsupported.json'
import disability from '../fixtures/registrations/disability.json'
import orphan from '../fixtures/registrations/orphan.json'
import { PARENT_COMMON_FIELDS, SITUATION_FIELDS } from '@/domain/parents'
import { STEPS, validateRegistration, validateStep } from '@/domain/schema'
import { STEP_TITLES } from '@/pages/index/strings'
import { PARENT_FIELDS, SITUATION_FIELD_KINDS, STEP_FIELDS, visibleFields } from '@/record/form-spec'
import { optionalPaths, placeIssues } from '@/register/logic/issues'
import { allowedArrangements, applySkipRules } from '@/record/skip-rules'
import { buildRegistration, chinaNowIso } from '@/features/registrations/submit'
import { emptyRecord, getIn, setIn, type DraftRecord } from '@/domain/record'

const asDraft = (fixture: any): DraftRecord => {
  const { schemaVersion: _v, consent: _c, ...r } = JSON.parse(JSON.stringify(fixture))
  return r
}
const FIXTURES = { leftBehind, deFacto, disability, orphan }

test("the home page step titles are the domain's", () => {
  expect(STEP_TITLES).toEqual(Object.fromEntries(STEPS.map((s) => [s.key, s.title])))
})

test('every situation field of the domain has a way to be answered and a spec', () => {
  for (const [situation, fields] of Object.entries(SITUATION_FIELDS)) {
    for (const key of Object.keys(fields)) {
      expect(SITUATION_FIELD_KINDS[key]).toBeDefined()
      for (const role of ['father', 'mother']) {
        expect(PARENT_FIELDS.some((s) => s.id === `parents.${role}.${key}@${situation}`)).toBe(true)
      }
    }
  }
  for (const key of Object.keys(PARENT_COMMON_FIELDS)) expect(PARENT_FIELDS.some((s) => s.path === `parents.father.${key}`)).toBe(true)
})

test('the fixtures are fixed points of the skip rules, and every answer in them has a visible field', () => {
  for (const [name, fixture] of Object.entries(FIXTURES)) {
    const record = asDraft(fixture)
    expect({ name, same: applySkipRules(record) === record }).toEqual({ name, same: true })
    for (const [step, specs] of Object.entries(STEP_FIELDS)) {
      const paths = visibleFields(specs, record).map((s) => s.path)
      const leaves = (value: unknown, prefix: string): string[] =>
        value && typeof value === 'object' && !Array.isArray(value)
          ? Object.entries(value).flatMap(([k, v]) => leaves(v, `${prefix}.${k}`))
          : [prefix]
      for (const leaf of leaves((record as any)[step], step))
        expect({ name, leaf, shown: paths.includes(leaf) }).toEqual({ name, leaf, shown: true })
    }
  }
})

test('a parent keeps exactly the common fields and those of the situation', () => {
  let r = setIn(emptyRecord(), 'parents.mother', {
    situation: 'lost_contact',
    name: '王丽',
    since: '2023-10-01',
    reportedToPolice: true,
    policeReportDate: '2024-01-15',
    workPlace: 'x',
  })
  r = applySkipRules(r)
  expect(Object.keys(r.parents.mother).sort()).toEqual(['name', 'policeReportDate', 'reportedToPolice', 'since', 'situation'])
  r = applySkipRules(setIn(r, 'parents.mother.situation', 'deceased'))
  expect(r.parents.mother).toEqual({ situation: 'deceased', name: '王丽' })
})

test('care arrangements follow the parents', () => {
  const with_ = (f?: string, m?: string) => ({ parents: { father: f ? { situation: f } : {}, mother: m ? { situation: m } : {} } })
  expect(allowedArrangements(with_())).toEqual(['both_parents', 'father', 'mother', 'carer', 'alone'])
  expect(allowedArrangements(with_('at_home', 'at_home'))).toEqual(['both_parents', 'father', 'mother', 'alone'])
  expect(allowedArrangements(with_('migrant_work', 'migrant_work'))).toEqual(['carer', 'alone'])
  expect(allowedArrangements(with_('at_home', 'imprisoned'))).toEqual(['father', 'carer', 'alone'])
})

test('issues stand beside the first field of the object they name, in page order', () => {
  const record = emptyRecord()
  const issues = validateStep('parents', record as any)
  const placed = placeIssues(issues, visibleFields(STEP_FIELDS.parents, record))
  expect(placed.byPath).toEqual({ 'parents.father.situation': '请选择父亲的情况', 'parents.mother.situation': '请选择母亲的情况' })
  const child = setIn(setIn(emptyRecord(), 'child.hasHukou', true), 'child.name', '陈小明')
  const childIssues = placeIssues(validateStep('child', child as any), visibleFields(STEP_FIELDS.child, child))
  // 户口 rules come from the cross-step checks (listed last by the schema) but are shown in page order.
  expect(childIssues.summary.slice(0, 2).map((i) => i.path)).toEqual(['child.idNumber', 'child.sex'])
})

test('"选填" comes from the schema: what may be left empty for this situation', () => {
  const r = asDraft(leftBehind)
  const opt = optionalPaths('parents', r, visibleFields(STEP_FIELDS.parents, r))
  expect(opt.has('parents.father.idNumber')).toBe(true)
  expect(opt.has('parents.father.phone')).toBe(false) // a migrant worker's phone is required
  const home = asDraft(disability)
  expect(optionalPaths('parents', home, visibleFields(STEP_FIELDS.parents, home)).has('parents.mother.phone')).toBe(true)
  const fam = optionalPaths('family', r, visibleFields(STEP_FIELDS.family, r))
  expect([...fam].sort()).toEqual([
    'family.assistance',
    // A grandparent's birth date may be left empty; 健在/已故/不详 and a living one's name may not.
    'family.grandparents.maternalGrandfather.birthDate',
    'family.grandparents.paternalGrandmother.birthDate',
    'family.needs',
    'family.needsNote',
  ])
})

test('the grandparents: each asked as 健在 / 已故 / 不详, a name only while living, required even in an old draft', () => {
  // A draft from before the question existed gets the four grandparents as soon as anything is answered.
  const { grandparents: _none, ...oldFamily } = asDraft(leftBehind).family as any
  let r = applySkipRules(setIn({ ...asDraft(leftBehind), family: oldFamily }, 'family.needsNote', '无'))
  expect(r.family.grandparents).toEqual({
    paternalGrandfather: {},
    paternalGrandmother: {},
    maternalGrandfather: {},
    maternalGrandmother: {},
  })
  let shown = visibleFields(STEP_FIELDS.family, r)
    .map((s) => s.path)
    .filter((p) => p.startsWith('family.grandparents.'))
  expect(shown).toEqual(
    ['paternalGrandfather', 'paternalGrandmother', 'maternalGrandfather', 'maternalGrandmother'].map(
      (g) => `family.grandparents.${g}.status`,
    ),
  )
  const placed = placeIssues(validateStep('family', r as any), visibleFields(STEP_FIELDS.family, r))
  expect(placed.byPath['family.grandparents.maternalGrandmother.status']).toBe('请选择外祖母的情况')
  expect(optionalPaths('family', r, visibleFields(STEP_FIELDS.family, r)).has('family.grandparents.paternalGrandfather.status')).toBe(false)
  r = applySkipRules(setIn(r, 'family.grandparents.paternalGrandfather', { status: 'living', name: '陈大山', birthDate: '1950-01-01' }))
  shown = visibleFields(STEP_FIELDS.family, r).map((s) => s.path)
  expect(shown).toContain('family.grandparents.paternalGrandfather.name')
  expect(optionalPaths('family', r, visibleFields(STEP_FIELDS.family, r)).has('family.grandparents.paternalGrandfather.name')).toBe(false)
  r = applySkipRules(setIn(r, 'family.grandparents.paternalGrandfather.status', 'deceased'))
  expect(r.family.grandparents).toMatchObject({ paternalGrandfather: { status: 'deceased' } })
  expect(getIn(r, 'family.grandparents.paternalGrandfather.name')).toBeUndefined()
})

test('the submitted record is the draft plus a versioned consent, valid for every fixture', () => {
  expect(chinaNowIso(new Date('2026-11-20T01:30:00Z'))).toBe('2026-11-20T09:30:00+08:00')
  for (const fixture of Object.values(FIXTURES)) {
    const built = buildRegistration(asDraft(fixture), fixture.consent.agreedAt)
    const result = validateRegistration(built)
    expect(result.ok && result.value).toEqual(fixture)
  }
  expect(getIn(buildRegistration(emptyRecord(), 'x'), 'consent.version')).toBe('2026.11-1')
})
