/**
 * 公民身份号码 GB 11643-1999 and the documents that share its layout (docs/policy.md, "Identity numbers").
 */
import { checkCharacter, normaliseIdInput, parseIdNumber, type IdParseResult } from '@/domain/idcard'
import { TODAY, isChineseMessage, makeId } from './helpers'

/** Every refusal seen in this file; the last test checks they are all Chinese. */
const reasons = new Set<string>()

function parse(input: string, today = TODAY): IdParseResult {
  const result = parseIdNumber(input, today)
  if (!result.ok) reasons.add(result.reason)
  return result
}

function refused(input: string, today = TODAY): string {
  const result = parse(input, today)
  if (result.ok) throw new Error(`${input} should be refused, was accepted as ${JSON.stringify(result)}`)
  return result.reason
}

// The three published test vectors: the first 17 digits and what they say.
const VECTORS = [
  { number: '11010519491231002X', birthDate: '1949-12-31', sex: 'female', regionCode: '110105' },
  { number: '34052419800101001X', birthDate: '1980-01-01', sex: 'male', regionCode: '340524' },
  { number: '440524188001010014', birthDate: '1880-01-01', sex: 'male', regionCode: '440524' },
] as const

describe('GB 11643 test vectors', () => {
  test.each(VECTORS)('$number is valid and says who it is', ({ number, birthDate, sex, regionCode }) => {
    expect(parse(number)).toEqual({ ok: true, number, birthDate, sex, regionCode, kind: 'resident' })
  })

  test.each(VECTORS)('checkCharacter($number) is its last character', ({ number }) => {
    expect(checkCharacter(number.slice(0, 17))).toBe(number[17])
  })
})

describe('input is normalised before it is checked', () => {
  test('lower-case x becomes X', () => {
    const result = parse('11010519491231002x')
    expect(result).toMatchObject({ ok: true, number: '11010519491231002X' })
  })

  test('full-width digits and Ｘ become ASCII', () => {
    expect(parse('４４０５２４１８８００１０１００１４')).toMatchObject({ ok: true, number: '440524188001010014' })
    expect(parse('１１０１０５１９４９１２３１００２Ｘ')).toMatchObject({ ok: true, number: '11010519491231002X' })
    expect(normaliseIdInput('３４０５２４１９８００１０１００１ｘ')).toBe('34052419800101001X')
  })

  test('spaces (including the ideographic space) are dropped', () => {
    expect(parse(' 440524 18800101 0014 ')).toMatchObject({ ok: true, number: '440524188001010014' })
    expect(parse('440524\u300018800101\u30000014')).toMatchObject({ ok: true, number: '440524188001010014' })
  })
})

describe('the check character catches every single changed character', () => {
  // MOD 11-2 detects every single substitution: alter each position of each vector to every other
  // character the format allows there, and the number must be refused.
  const cases = VECTORS.flatMap(({ number }) => Array.from({ length: 18 }, (_, position) => ({ number, position })))

  test.each(cases)('$number altered at position $position', ({ number, position }) => {
    const alphabet = position === 17 ? '0123456789X' : '0123456789'
    let tried = 0
    for (const c of alphabet) {
      if (c === number[position]) continue
      const altered = number.slice(0, position) + c + number.slice(position + 1)
      expect({ altered, ok: parse(altered).ok }).toEqual({ altered, ok: false })
      tried++
    }
    expect(tried).toBe(alphabet.length - 1)
  })

  test('a wrong check character is refused with its own reason', () => {
    expect(refused('440524188001010015')).toContain('校验码')
  })
})

describe('the birth date must be a real day, not in the future', () => {
  test.each([
    ['29 February in a leap year', '20200229', '2020-02-29'],
    ['29 February in 2000 (divisible by 400)', '20000229', '2000-02-29'],
    ['born today', TODAY.replace(/-/g, ''), TODAY],
  ])('%s is valid', (_, yyyymmdd, birthDate) => {
    expect(parse(makeId('441422', yyyymmdd, '123'))).toMatchObject({ ok: true, birthDate })
  })

  test.each([
    ['29 February in a non-leap year', '20230229'],
    ['29 February in 1900 (century, not divisible by 400)', '19000229'],
    ['31 April', '20150431'],
    ['31 June', '20150631'],
    ['month 13', '20151301'],
    ['month 00', '20150001'],
    ['day 00', '20150300'],
    ['day 32', '20150132'],
  ])('%s is refused', (_, yyyymmdd) => {
    expect(refused(makeId('441422', yyyymmdd, '123'))).toContain('出生日期')
  })

  test('a birth date after today is refused, judged against the day passed in', () => {
    const tomorrow = makeId('441422', '20261129', '123')
    expect(refused(tomorrow)).toContain('晚于今天')
    expect(parse(tomorrow, '2026-11-29').ok).toBe(true)
  })
})

describe('the address code', () => {
  // A number whose check character is right, so only the prefix can be the reason for refusing it.
  test.each([
    ['00', '000000'],
    ['10', '100000'],
    ['16', '160000'],
    ['20', '200000'],
    ['47', '470000'],
    ['72', '720000'],
    ['80', '800000'],
    ['84', '840000'],
    ['83 other than 830000', '831000'],
  ])('province %s is refused', (_, region) => {
    expect(refused(makeId(region, '20150308', '123'))).toContain('代码')
  })

  test('99…: a leading 9 is a 永居证, and 9 is no issuing province', () => {
    expect(refused(makeId('991124', '20150308', '123'))).toContain('代码')
  })

  test.each(['11', '44', '65', '71', '81', '82'])('province %s is accepted', (province) => {
    expect(parse(makeId(`${province}0102`, '20150308', '123'))).toMatchObject({ ok: true, kind: 'resident' })
  })
})

describe('numbers of the wrong shape', () => {
  test('a 15-digit first-generation number is refused with its own reason', () => {
    const reason = refused('440524800101001')
    expect(reason).toContain('15位')
  })

  test.each([
    ['17 digits', '44052418800101001'],
    ['19 digits', '4405241880010100140'],
    ['16 digits', '4405241880010100'],
    ['1 digit', '4'],
  ])('%s: the reason gives the length', (_, input) => {
    expect(refused(input)).toContain(`${normaliseIdInput(input).length}位`)
  })

  test('empty input asks for the number', () => {
    expect(refused('')).toContain('请填写')
    expect(refused('   ')).toContain('请填写')
  })

  test.each([
    ['a letter at the end', '44052418800101001A'],
    ['X at the start', 'X40524188001010014'],
    ['X in the middle', '4405241880010100X4'],
    ['a hyphen', '440524-18800101001'],
    ['Chinese', '四40524188001010014'],
  ])('%s is refused', (_, input) => {
    expect(refused(input)).toMatch(/数字/)
  })
})

describe('港澳台居民居住证 and 外国人永久居留身份证', () => {
  test.each([
    ['810000', '香港'],
    ['820000', '澳门'],
    ['830000', '台湾'],
  ])('address code %s (%s) is a 港澳台居民居住证', (region) => {
    const number = makeId(region, '19900101', '022')
    expect(parse(number)).toEqual({
      ok: true,
      number,
      birthDate: '1990-01-01',
      sex: 'female',
      regionCode: region,
      kind: 'hk_mo_tw_permit',
    })
  })

  test('other Hong Kong / Macau codes stay resident numbers', () => {
    expect(parse(makeId('810101', '19900101', '021'))).toMatchObject({ ok: true, kind: 'resident' })
  })

  test('the 2023 永居证 911124198108030024', () => {
    expect(parse('911124198108030024')).toEqual({
      ok: true,
      number: '911124198108030024',
      birthDate: '1981-08-03',
      sex: 'female',
      regionCode: '110000',
      kind: 'foreign_permanent',
    })
  })

  test('a 永居证 still needs a real date and the right check character', () => {
    expect(refused(makeId('911124', '19810230', '002'))).toContain('出生日期')
    expect(refused('911124198108030025')).toContain('校验码')
  })
})

describe('sex comes from the parity of the 17th digit', () => {
  test.each([0, 1, 2, 3, 4, 5, 6, 7, 8, 9])('17th digit %i', (digit) => {
    const result = parse(makeId('441422', '20150308', `12${digit}`))
    expect(result).toMatchObject({ ok: true, sex: digit % 2 === 1 ? 'male' : 'female' })
  })
})

test('every refusal reason is Chinese, with no English word', () => {
  expect(reasons.size).toBeGreaterThanOrEqual(8)
  for (const reason of reasons) expect({ reason, chinese: isChineseMessage(reason) }).toEqual({ reason, chinese: true })
})
