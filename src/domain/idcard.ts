/**
 * 公民身份号码 (GB 11643-1999) and the two documents that share its 18-character layout:
 * 港澳台居民居住证 (address code 810000 / 820000 / 830000) and the 2023 外国人永久居留身份证 (leading 9).
 * Layout: 6 address + 8 birth date + 3 sequence (odd = male) + 1 ISO 7064 MOD 11-2 check character.
 */
import { chinaToday, isRealDate, type IsoDate } from './dates'

export type IdKind = 'resident' | 'hk_mo_tw_permit' | 'foreign_permanent'

export type IdParseResult =
  { ok: true; number: string; birthDate: IsoDate; sex: 'male' | 'female'; regionCode: string; kind: IdKind } | { ok: false; reason: string }

export const ID_KIND_LABELS: Record<IdKind, string> = {
  resident: '居民身份证',
  hk_mo_tw_permit: '港澳台居民居住证',
  foreign_permanent: '外国人永久居留身份证',
}

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
const CHECK_CHARS = '10X98765432'

/** Province codes that can open a citizen number, 71 台湾, 81 香港, 82 澳门 included (docs/policy.md). */
const PROVINCES = new Set([
  '11',
  '12',
  '13',
  '14',
  '15',
  '21',
  '22',
  '23',
  '31',
  '32',
  '33',
  '34',
  '35',
  '36',
  '37',
  '41',
  '42',
  '43',
  '44',
  '45',
  '46',
  '50',
  '51',
  '52',
  '53',
  '54',
  '61',
  '62',
  '63',
  '64',
  '65',
  '71',
  '81',
  '82',
])
const PERMIT_CODES = new Set(['810000', '820000', '830000'])

/** The MOD 11-2 check character for the first 17 digits. */
export function checkCharacter(first17: string): string {
  let sum = 0
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]
  return CHECK_CHARS[sum % 11]
}

/** Full-width digits and Ｘ (common on Chinese keyboards) become ASCII; spaces go; x becomes X. */
export function normaliseIdInput(input: string): string {
  return input
    .replace(/[\uFF10-\uFF19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[Ｘｘx]/g, 'X')
    .replace(/\s+/g, '')
}

export function parseIdNumber(input: string, today: IsoDate = chinaToday()): IdParseResult {
  const number = normaliseIdInput(input ?? '')
  if (number === '') return { ok: false, reason: '请填写证件号码' }
  if (/^\d{15}$/.test(number)) {
    return { ok: false, reason: '这是15位的第一代身份证号码，已停止使用，请填写18位的号码' }
  }
  if (number.length !== 18) return { ok: false, reason: `证件号码应为18位，现在是${number.length}位` }
  if (!/^\d{17}[\dX]$/.test(number)) return { ok: false, reason: '证件号码前17位只能是数字，最后一位是数字或X' }

  let kind: IdKind
  let regionCode: string
  if (number[0] === '9') {
    // 2023 永居证: 9 + issuing province (2) + nationality (3, ISO 3166-1 numeric) + birth date + sequence + check.
    if (!PROVINCES.has(number.slice(1, 3))) return { ok: false, reason: '永居证号码第2、3位（受理地代码）不正确' }
    kind = 'foreign_permanent'
    regionCode = `${number.slice(1, 3)}0000`
  } else {
    regionCode = number.slice(0, 6)
    // 830000 (台湾居民居住证) is accepted as a whole code; 83 opens no other number.
    if (!PROVINCES.has(number.slice(0, 2)) && !PERMIT_CODES.has(regionCode)) {
      return { ok: false, reason: '证件号码前两位（省份代码）不正确' }
    }
    kind = PERMIT_CODES.has(regionCode) ? 'hk_mo_tw_permit' : 'resident'
  }

  const year = Number(number.slice(6, 10))
  const month = Number(number.slice(10, 12))
  const day = Number(number.slice(12, 14))
  if (!isRealDate(year, month, day)) return { ok: false, reason: '证件号码第7到14位的出生日期不是真实的日期' }
  const birthDate = `${number.slice(6, 10)}-${number.slice(10, 12)}-${number.slice(12, 14)}`
  if (birthDate > today) return { ok: false, reason: '证件号码中的出生日期晚于今天' }

  if (checkCharacter(number) !== number[17]) {
    return { ok: false, reason: '证件号码最后一位（校验码）不对，请逐位核对' }
  }
  const sex = Number(number[16]) % 2 === 1 ? 'male' : 'female'
  return { ok: true, number, birthDate, sex, regionCode, kind }
}
