/**
 * Which categories a record suggests (docs/policy.md, "Which children: the four categories"): 事实无人抚养
 * over every combination of parent situations with the 2020 additions, 孤儿, 农村留守儿童 and 困境儿童, with the
 * near misses that must not qualify.
 */
import { PARENT_SITUATIONS } from '@/domain/codes'
import { checkSituation, classify, findingLabel, type Category, type Classification, type ClassifyContext } from '@/domain/eligibility'
import { TODAY, fixture, isChineseMessage, type FixtureName } from './helpers'

// ---- helpers ----------------------------------------------------------------------------------------

type Role = 'father' | 'mother'
type ParentValue = Record<string, unknown>
type ParentMaker = (role: Role) => ParentValue

const ID: Record<Role, string> = { father: '441422198303040114', mother: '441422198706120282' }
const NAME: Record<Role, string> = { father: '张伟', mother: '王丽' }
const person = (role: Role, situation: string, extra: ParentValue = {}): ParentValue => ({
  situation,
  name: NAME[role],
  idNumber: ID[role],
  ...extra,
})

/** The eight situations of the set S (民发〔2019〕62号 + 民发〔2020〕125号), each in a form that qualifies on TODAY. */
const S: Record<string, ParentMaker> = {
  重残: (r) => person(r, 'severe_disability', { disabilityCertNo: `${ID[r]}11` }),
  重病: (r) => person(r, 'severe_illness', { diagnosis: '尿毒症' }),
  服刑在押: (r) => person(r, 'imprisoned', { since: '2025-01-01', until: '2029-12-31' }),
  强制隔离戒毒: (r) => person(r, 'drug_rehab', { since: '2026-03-01', until: '2028-03-01' }),
  被执行其他限制人身自由的措施: (r) => person(r, 'liberty_restricted', { since: '2026-05-01', until: '2027-05-01' }),
  失联: (r) => person(r, 'lost_contact', { since: '2024-01-01', reportedToPolice: true, policeReportDate: '2024-03-01' }),
  被撤销监护资格: (r) => person(r, 'guardianship_revoked', { date: '2025-06-01' }),
  '被遣送（驱逐）出境': (r) => person(r, 'deported', { date: '2025-06-01' }),
}

/** 死亡 and 宣告失踪: with one of them, the other parent in S is enough. */
const GATEWAY: Record<string, ParentMaker> = {
  死亡: (r) => person(r, 'deceased', { date: '2020-01-01' }),
  宣告失踪: (r) => person(r, 'declared_missing', { date: '2021-01-01' }),
}

/** Lost to the child (孤儿): 死亡, 宣告失踪, and a birth parent who cannot be found. */
const LOST: Record<string, ParentMaker> = {
  ...GATEWAY,
  查找不到: () => ({ situation: 'unidentified' }),
}

const migrant: ParentMaker = (r) => person(r, 'migrant_work', { workPlace: '广东省深圳市', since: '2022-01-01', phone: '13800138000' })
const atHome: ParentMaker = (r) => person(r, 'at_home')

/**
 * A record built from a fixture with the given parents. The de-facto fixture is a 14-year-old girl with a
 * Guangdong rural hukou; the left-behind fixture an 11-year-old boy.
 */
function withParents(father: ParentMaker, mother: ParentMaker, base: FixtureName = 'de-facto-unsupported', tweak?: (r: any) => void) {
  const r = fixture(base)
  r.parents = { father: father('father'), mother: mother('mother') }
  tweak?.(r)
  return r
}

/** Classifies on TODAY and checks what every classification must satisfy, then returns it. */
function run(record: unknown, today = TODAY, context: ClassifyContext = {}): Classification {
  const c = classify(record as never, today, context)
  for (const f of c.findings) {
    expect(isChineseMessage(f.rule)).toBe(true)
    expect(f.facts.length).toBeGreaterThan(0)
    for (const fact of f.facts) expect({ fact, ok: fact.length > 0 && /[\u4e00-\u9fa5]/.test(fact) }).toEqual({ fact, ok: true })
    expect(isChineseMessage(f.label)).toBe(true)
  }
  for (const text of [...c.missing, ...c.notes]) expect({ text, chinese: isChineseMessage(text) }).toEqual({ text, chinese: true })
  return c
}

const categories = (c: Classification): Category[] => c.findings.map((f) => f.category)
const has = (c: Classification, category: Category) => categories(c).includes(category)
const finding = (c: Classification, category: Category) => c.findings.find((f) => f.category === category)

/** Unordered pairs with repetition from a list: [a, a], [a, b] … */
function pairsWithRepetition<T>(items: T[]): [T, T][] {
  return items.flatMap((a, i) => items.slice(i).map((b) => [a, b] as [T, T]))
}

// ---- 事实无人抚养: the qualifying combinations ----------------------------------------------------------

const S_NAMES = Object.keys(S)
const GATEWAY_NAMES = Object.keys(GATEWAY)
const BOTH_IN_S = pairsWithRepetition(S_NAMES)
const GATEWAY_AND_S = GATEWAY_NAMES.flatMap((g) => S_NAMES.map((s) => [g, s] as [string, string]))
const makerOf = (name: string) => S[name] ?? GATEWAY[name] ?? LOST[name]

/** Each unordered combination, tried with the father first and with the mother first. */
const bothOrders = (pairs: [string, string][]) =>
  pairs.flatMap(([a, b]) =>
    a === b
      ? [{ father: a, mother: b }]
      : [
          { father: a, mother: b },
          { father: b, mother: a },
        ],
  )

describe('事实无人抚养儿童: every qualifying combination (with the 2020 additions)', () => {
  // With the 8 situations of S: 36 unordered both-parent pairs + 16 one-parent-dead-or-missing combinations = 52.
  test('S here is every situation of the form that counts, no more and no fewer: the 8 of 62号 and 125号', () => {
    const inS = S_NAMES.map((name) => S[name]('father').situation as string)
    expect(new Set(inS).size).toBe(8)
    for (const name of S_NAMES)
      expect({ name, inS: checkSituation('father', S[name]('father') as never, TODAY)?.inS }).toEqual({ name, inS: true })
    // Every other situation the form offers never counts, whatever else the parent's entry says.
    for (const { code } of PARENT_SITUATIONS.filter((s) => !inS.includes(s.code))) {
      expect({ code, inS: checkSituation('father', person('father', code) as never, TODAY)?.inS }).toEqual({ code, inS: false })
    }
  })

  test.each(bothOrders(BOTH_IN_S))('both parents in S: father $father, mother $mother', ({ father, mother }) => {
    const c = run(withParents(makerOf(father), makerOf(mother)))
    expect(has(c, 'de_facto_unsupported')).toBe(true)
    expect(has(c, 'orphan')).toBe(false)
    expect(finding(c, 'de_facto_unsupported')!.facts).toEqual(expect.arrayContaining(['广东省户籍', '孩子14周岁']))
    expect(c.missing).toEqual([])
  })

  test.each(bothOrders(GATEWAY_AND_S))(
    'one parent dead or declared missing, the other in S: father $father, mother $mother',
    ({ father, mother }) => {
      const c = run(withParents(makerOf(father), makerOf(mother)))
      expect(has(c, 'de_facto_unsupported')).toBe(true)
      expect(has(c, 'orphan')).toBe(false)
      expect(c.missing).toEqual([])
    },
  )

  test('the rule names the documents it applies', () => {
    const rule = finding(run(fixture('de-facto-unsupported')), 'de_facto_unsupported')!.rule
    for (const source of ['民发〔2019〕62号', '民发〔2020〕125号', '粤民规字〔2019〕10号']) expect(rule).toContain(source)
  })
})

// ---- 孤儿 ---------------------------------------------------------------------------------------------

describe('孤儿 takes precedence over 事实无人抚养', () => {
  const LOST_PAIRS = pairsWithRepetition(Object.keys(LOST)) // 6 unordered combinations
  test('死亡 / 宣告失踪 / 查找不到 are the situations that count as lost to the child, and no other', () => {
    const lost = PARENT_SITUATIONS.map((s) => s.code).filter(
      (code) => checkSituation('father', person('father', code) as never, TODAY)?.lost,
    )
    expect(lost.sort()).toEqual(
      Object.values(LOST)
        .map((make) => make('father').situation)
        .sort(),
    )
  })

  test.each(bothOrders(LOST_PAIRS))('father $father, mother $mother → 孤儿, not 事实无人抚养', ({ father, mother }) => {
    const c = run(withParents(makerOf(father), makerOf(mother)))
    expect(has(c, 'orphan')).toBe(true)
    expect(has(c, 'de_facto_unsupported')).toBe(false)
    expect(has(c, 'left_behind')).toBe(false)
    expect(finding(c, 'orphan')!.rule).toContain('未满18周岁')
  })

  test('查找不到 with the other parent alive: a note on what would make the child 事实无人抚养', () => {
    const c = run(withParents(makerOf('查找不到'), migrant))
    expect(has(c, 'de_facto_unsupported')).toBe(false)
    const note = c.notes.find((n) => n.startsWith('父亲查找不到'))!
    expect(note).toContain('报案受理已满6个月')
    expect(note).toContain('宣告失踪')
  })

  test('查找不到 beside another lost parent is 孤儿 already: no such note', () => {
    const c = run(withParents(makerOf('查找不到'), makerOf('死亡')))
    expect(has(c, 'orphan')).toBe(true)
    expect(c.notes.join()).not.toContain('报案受理已满6个月')
  })

  test('the orphan fixture', () => {
    const c = run(fixture('orphan'))
    expect(categories(c).sort()).toEqual(['difficulty', 'orphan'])
    expect(finding(c, 'orphan')!.facts).toEqual(['父亲已死亡（2019-08-12）', '母亲已死亡（2021-03-05）', '孩子15周岁'])
  })
})

// ---- 事实无人抚养: near misses --------------------------------------------------------------------------

describe('事实无人抚养: near misses', () => {
  const dead = GATEWAY['死亡']
  const notDeFacto = (c: Classification) => expect(categories(c)).not.toContain('de_facto_unsupported')

  test('one parent dead, the other working away: not 事实无人抚养, not 留守 either', () => {
    const c = run(withParents(dead, migrant))
    notDeFacto(c)
    expect(categories(c)).not.toContain('left_behind')
    expect(c.notes.join()).toContain('一方外出务工')
  })

  test('one parent dead, the other at home', () => {
    const c = run(withParents(atHome, dead))
    notDeFacto(c)
    expect(has(c, 'orphan')).toBe(false)
  })

  describe.each([
    ['服刑在押', 'imprisoned'],
    ['强制隔离戒毒', 'drug_rehab'],
    ['被执行其他限制人身自由的措施', 'liberty_restricted'],
  ])('%s: a term of 6 months or more, still running', (label, situation) => {
    const term =
      (since: string, until: string): ParentMaker =>
      (r) =>
        person(r, situation, { since, until })

    test.each([
      ['6 months less a day', '2026-09-01', '2027-02-28', false],
      ['exactly 6 months', '2026-09-01', '2027-03-01', true],
      ['ended yesterday', '2024-01-01', '2026-11-27', false],
      ['ends today (still running)', '2024-01-01', TODAY, true],
    ])('%s (%s to %s)', (_, since, until, qualifies) => {
      const c = run(withParents(dead, term(since, until)))
      expect(has(c, 'de_facto_unsupported')).toBe(qualifies)
      if (!qualifies) {
        const why = until < TODAY ? '已结束' : '不满6个月'
        expect(c.notes.join()).toContain(`母亲${label}`)
        expect(c.notes.join()).toContain(why)
      }
    })
  })

  test('失联 not reported to the police: missing says a report is needed', () => {
    const c = run(withParents(dead, (r) => person(r, 'lost_contact', { since: '2023-01-01', reportedToPolice: false })))
    notDeFacto(c)
    expect(c.missing.join()).toContain('报案')
  })

  test('失联 reported less than 6 months ago: missing names the day it will qualify', () => {
    const c = run(
      withParents(dead, (r) => person(r, 'lost_contact', { since: '2026-06-01', reportedToPolice: true, policeReportDate: '2026-07-01' })),
    )
    notDeFacto(c)
    expect(c.missing.join()).toContain('2027-01-01')
  })

  test.each([
    ['6 months less a day ago', '2026-05-29', false],
    ['exactly 6 months ago', '2026-05-28', true],
  ])('失联 reported %s', (_, reported, qualifies) => {
    const c = run(
      withParents(dead, (r) => person(r, 'lost_contact', { since: '2026-01-01', reportedToPolice: true, policeReportDate: reported })),
    )
    expect(has(c, 'de_facto_unsupported')).toBe(qualifies)
  })

  // 重残 = 一级、二级, or 三级、四级 精神 (6) / 智力 (5) 残疾. Every category × grade of the 残疾人证号.
  const GRADES = ['1', '2', '3', '4']
  const CATEGORIES = ['1', '2', '3', '4', '5', '6', '7']
  const certCases = CATEGORIES.flatMap((category) =>
    GRADES.map((grade) => ({
      category,
      grade,
      severe: grade === '1' || grade === '2' || category === '5' || category === '6',
    })),
  )
  test('28 certificate endings, 18 of them 重残 (14 of grade 1–2, 4 of 智力/精神 grade 3–4)', () => {
    expect(certCases.filter((c) => c.severe)).toHaveLength(18)
  })
  test.each(certCases)('残疾人证 category $category grade $grade → 重残: $severe', ({ category, grade, severe }) => {
    const disabled: ParentMaker = (r) => person(r, 'severe_disability', { disabilityCertNo: `${ID[r]}${category}${grade}` })
    const c = run(withParents(disabled, dead))
    expect(has(c, 'de_facto_unsupported')).toBe(severe)
    // 多重残疾 of grade 3–4: 重残 only if it includes 精神 or 智力, which the number does not say.
    if (!severe && category !== '7') expect(c.notes.join()).toContain('不属于重残')
  })
  test.each(['3', '4'])('多重残疾 grade %s: the worker is asked to check what it is made of, not told it is never 重残', (grade) => {
    const c = run(withParents((r) => person(r, 'severe_disability', { disabilityCertNo: `${ID[r]}7${grade}` }), dead))
    notDeFacto(c)
    const note = c.notes.find((n) => n.includes('多重残疾'))!
    expect(note).toContain('核实多重残疾包含哪几类残疾')
    expect(note).toContain('含精神或智力残疾的三、四级属于重残')
    expect(note).not.toContain('不属于重残（')
  })
  test('grade 3: 肢体 is not 重残, 智力 and 精神 are', () => {
    const cert =
      (ending: string): ParentMaker =>
      (r) =>
        person(r, 'severe_disability', { disabilityCertNo: `${ID[r]}${ending}` })
    expect(has(run(withParents(cert('43'), dead)), 'de_facto_unsupported')).toBe(false)
    expect(has(run(withParents(cert('53'), dead)), 'de_facto_unsupported')).toBe(true)
    expect(has(run(withParents(cert('63'), dead)), 'de_facto_unsupported')).toBe(true)
  })
  test('重残 without a certificate number: missing asks for it', () => {
    const c = run(withParents((r) => person(r, 'severe_disability'), dead))
    notDeFacto(c)
    expect(c.missing.join()).toContain('残疾人证号')
  })

  test('a child of 18 qualifies for nothing; the day before the 18th birthday still does', () => {
    const adult = run(
      withParents(S['服刑在押'], S['失联'], 'de-facto-unsupported', (r) => {
        r.child.birthDate = '2008-11-28'
      }),
    )
    expect(adult.findings).toEqual([])
    expect(adult.age).toBe(18)
    expect(adult.notes.join()).toContain('18周岁')
    const seventeen = run(
      withParents(S['服刑在押'], S['失联'], 'de-facto-unsupported', (r) => {
        r.child.birthDate = '2008-11-29'
      }),
    )
    expect(has(seventeen, 'de_facto_unsupported')).toBe(true)
  })

  test('a hukou outside Guangdong: not 事实无人抚养 here, and missing says why', () => {
    const c = run(
      withParents(S['服刑在押'], S['失联'], 'de-facto-unsupported', (r) => {
        r.child.hukouRegion = '431022101200'
      }),
    )
    notDeFacto(c)
    expect(c.missing.join()).toContain('本省户籍')
  })

  test('no hukou at all: missing asks to register one', () => {
    const c = run(
      withParents(S['服刑在押'], S['失联'], 'de-facto-unsupported', (r) => {
        r.child.hasHukou = false
        delete r.child.hukouRegion
        delete r.child.hukouType
        delete r.child.idNumber
      }),
    )
    notDeFacto(c)
    expect(c.missing.join()).toContain('登记户口')
  })

  test('one parent in S and the other at home or away is not enough', () => {
    for (const other of [atHome, migrant]) {
      for (const name of S_NAMES) {
        expect(has(run(withParents(S[name], other)), 'de_facto_unsupported')).toBe(false)
        expect(has(run(withParents(other, S[name])), 'de_facto_unsupported')).toBe(false)
      }
    }
  })

  test('a missing parent situation is listed, and nothing is guessed', () => {
    const r = fixture('de-facto-unsupported')
    delete r.parents.mother
    const c = run(r)
    expect(c.missing).toContain('母亲的情况')
    expect(categories(c)).not.toContain('de_facto_unsupported')
  })

  test('no birth date: only that is missing', () => {
    const r = fixture('de-facto-unsupported')
    delete r.child.birthDate
    expect(run(r)).toEqual({ findings: [], missing: ['孩子的出生日期'], notes: [] })
  })
})

// ---- 农村留守儿童 --------------------------------------------------------------------------------------

describe('农村留守儿童 (国发〔2016〕13号, 民发〔2016〕42号)', () => {
  const lb = (father: ParentMaker, mother: ParentMaker, tweak?: (r: any) => void) => run(withParents(father, mother, 'left-behind', tweak))
  const ill = S['重病']
  const severelyDisabled = S['重残']

  test('both parents working away', () => {
    const c = lb(migrant, migrant)
    expect(has(c, 'left_behind')).toBe(true)
    expect(finding(c, 'left_behind')!.facts).toEqual(expect.arrayContaining(['孩子11周岁', '农村户口']))
  })

  test('the left-behind fixture', () => {
    const c = run(fixture('left-behind'))
    expect(categories(c)).toEqual(['left_behind'])
  })

  test.each([
    ['father away, mother 重病', migrant, ill],
    ['father 重病, mother away', ill, migrant],
    ['father away, mother 重残', migrant, severelyDisabled],
    ['father 重残, mother away', severelyDisabled, migrant],
  ])('%s (the other parent cannot be a guardian)', (_, father, mother) => {
    expect(has(lb(father, mother), 'left_behind')).toBe(true)
  })

  test('one parent away, the other with a disability that is not 重残 (肢体四级): not left behind', () => {
    const mild: ParentMaker = (r) => person(r, 'severe_disability', { disabilityCertNo: `${ID[r]}44` })
    const c = lb(migrant, mild)
    expect(has(c, 'left_behind')).toBe(false)
    expect(c.notes.join()).toContain('不属于重残')
  })

  test('one parent away, the other at home: not left behind, with a note', () => {
    const c = lb(migrant, atHome)
    expect(has(c, 'left_behind')).toBe(false)
    expect(c.notes.join()).toContain('另一方')
  })

  test('one parent away, the other dead: not left behind, and the worker is asked to check', () => {
    const c = lb(GATEWAY['死亡'], migrant)
    expect(has(c, 'left_behind')).toBe(false)
    expect(has(c, 'de_facto_unsupported')).toBe(false)
    expect(c.notes.join()).toContain('请工作人员核实')
  })

  test('both parents at home: not left behind, no note about it', () => {
    const c = lb(atHome, atHome)
    expect(c.findings).toEqual([])
    expect(c.notes).toEqual([])
  })

  test.each([
    ['15, the day before the 16th birthday', '2010-11-29', 15, true],
    ['16 on the 16th birthday', '2010-11-28', 16, false],
    ['17', '2009-06-01', 17, false],
  ])('aged %s', (_, birthDate, age, qualifies) => {
    const c = lb(migrant, migrant, (r) => {
      r.child.birthDate = birthDate
    })
    expect(c.age).toBe(age)
    expect(has(c, 'left_behind')).toBe(qualifies)
    if (!qualifies) expect(c.notes.join()).toContain('16周岁')
  })

  test('an urban hukou: not left behind, with a note', () => {
    const c = lb(migrant, migrant, (r) => {
      r.child.hukouType = 'urban'
    })
    expect(has(c, 'left_behind')).toBe(false)
    expect(c.notes.join()).toContain('城镇户口')
  })

  test('the hukou type unknown: missing asks for it', () => {
    const c = lb(migrant, migrant, (r) => {
      delete r.child.hukouType
    })
    expect(has(c, 'left_behind')).toBe(false)
    expect(c.missing.join()).toContain('户口性质')
  })
})

// ---- 困境儿童 ------------------------------------------------------------------------------------------

describe('困境儿童 (国发〔2016〕36号)', () => {
  /** The left-behind fixture has none of the difficulties: 一般家庭, healthy, a carer. */
  const base = (tweak: (r: any) => void) => {
    const r = fixture('left-behind')
    tweak(r)
    return run(r)
  }
  const kinds = (c: Classification) => finding(c, 'difficulty')?.kinds

  test("the finding's one-line label names its kinds; other categories stay as they are", () => {
    const c = base((r) => {
      r.family.economicStatus = 'dibao'
      r.child.health = 'ill'
      r.child.illness = { name: '白血病', critical: true }
    })
    expect(findingLabel(finding(c, 'difficulty')!)).toBe('困境儿童（家庭困境儿童（家庭贫困）、临时困境儿童（重病等特殊困难））')
    expect(findingLabel(finding(c, 'left_behind')!)).toBe('农村留守儿童')
  })

  test('none of them: no difficulty finding', () => {
    expect(
      has(
        base(() => {}),
        'difficulty',
      ),
    ).toBe(false)
  })

  test.each(['dibao', 'tekun', 'dibao_edge', 'monitored'])('economic status %s → family', (status) => {
    const c = base((r) => {
      r.family.economicStatus = status
    })
    expect(kinds(c)).toEqual(['family'])
    expect(finding(c, 'difficulty')!.facts[0]).toMatch(/^家庭为/)
  })

  test("the child's disability → self", () => {
    const c = base((r) => {
      r.child.health = 'disabled'
      r.child.disability = { category: '4', grade: '3', certificateNo: `${r.child.idNumber}43` }
    })
    expect(kinds(c)).toEqual(['self'])
    expect(finding(c, 'difficulty')!.facts).toContain('孩子肢体残疾三级')
  })

  test('a critical illness → temporary; an ordinary illness → nothing', () => {
    expect(
      kinds(
        base((r) => {
          r.child.health = 'ill'
          r.child.illness = { name: '白血病', critical: true }
        }),
      ),
    ).toEqual(['temporary'])
    expect(
      kinds(
        base((r) => {
          r.child.health = 'ill'
          r.child.illness = { name: '哮喘', critical: false }
        }),
      ),
    ).toBeUndefined()
  })

  test('living alone → safety', () => {
    const c = base((r) => {
      r.guardianship.arrangement = 'alone'
      delete r.guardianship.carer
    })
    expect(kinds(c)).toEqual(['safety'])
  })

  test('several at once are one finding with every kind', () => {
    const c = base((r) => {
      r.family.economicStatus = 'dibao'
      r.guardianship.arrangement = 'alone'
      delete r.guardianship.carer
    })
    expect(c.findings.filter((f) => f.category === 'difficulty')).toHaveLength(1)
    expect(kinds(c)).toEqual(['family', 'safety'])
  })

  test.each([
    ['missing', '监护缺失'],
    ['improper', '监护不当'],
  ] as const)("a worker's %s finding → safety, with the worker named as its source", (code, label) => {
    const c = run(fixture('left-behind'), TODAY, { findings: [code] })
    expect(kinds(c)).toEqual(['safety'])
    expect(finding(c, 'difficulty')!.facts).toContain(`工作人员走访确认${label}`)
    // Without the worker's finding the same answers are no 困境儿童.
    expect(has(run(fixture('left-behind')), 'difficulty')).toBe(false)
  })

  test('a finding beside a child living alone: one safety kind, both facts', () => {
    const c = base((r) => {
      r.guardianship.arrangement = 'alone'
      delete r.guardianship.carer
    })
    expect(kinds(c)).toEqual(['safety'])
    const both = run(
      (() => {
        const r = fixture('left-behind')
        r.guardianship.arrangement = 'alone'
        delete r.guardianship.carer
        return r
      })(),
      TODAY,
      { findings: ['missing', 'improper'] },
    )
    expect(kinds(both)).toEqual(['safety'])
    expect(finding(both, 'difficulty')!.facts.filter((f) => f.startsWith('工作人员'))).toHaveLength(2)
  })

  test('a carer who cannot cope is noted for the worker, not classified', () => {
    const c = base((r) => {
      r.guardianship.carer.ability = 'poor'
    })
    expect(has(c, 'difficulty')).toBe(false)
    expect(c.notes.join()).toContain('照护能力不足')
  })

  test('the disability and de-facto fixtures', () => {
    expect(kinds(run(fixture('disability')))).toEqual(['family', 'self'])
    const d = run(fixture('de-facto-unsupported'))
    expect(categories(d).sort()).toEqual(['de_facto_unsupported', 'difficulty'])
    expect(kinds(d)).toEqual(['family'])
  })
})
