/**
 * Masking for lists and exports (docs/policy.md, "Children's personal information", "4405**********0014"):
 * enough to tell records apart, never the middle of a number.
 */
import { maskIdNumber, maskName, maskPhone, maskRecord, SENSITIVE_FIELDS } from '@/domain/mask'
import { RETURNABLE_FIELDS } from '@/domain/review'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'

/** The masked value shows `kept` and stars, and none of `hidden` (the digits it must not reveal). */
function expectHidden(masked: string, hidden: string) {
  expect(masked).not.toContain(hidden)
  // No run of the hidden digits survives either: every character of `hidden` at its own place is a star.
  expect(masked.replace(/[^*]/g, '').length).toBeGreaterThanOrEqual(hidden.length)
}

describe('ID numbers and 残疾人证号: the first 4 and the last 4', () => {
  test.each([
    ['an 18-digit ID', '440524188001010014', '4405**********0014'],
    ['an ID ending in X', '11010519491231002X', '1101**********002X'],
    ['a 20-character 残疾人证号', '44142220140125015252', '4414************5252'],
    ['a 15-digit number', '440524800101001', '4405*******1001'],
    ['9 characters', '123456789', '1234*6789'],
  ])('%s', (_, value, masked) => {
    const out = maskIdNumber(value)
    expect(out).toBe(masked)
    expect(out).toHaveLength(value.length)
    expectHidden(out, value.slice(4, -4))
  })

  test('the birth date inside an ID number never shows', () => {
    const out = maskIdNumber('441422201503081230')
    expect(out).not.toContain('20150308')
    expect(out).not.toContain('0308')
  })

  test.each([
    ['8 characters', '12345678'],
    ['1 character', '1'],
  ])('%s: all stars', (_, value) => {
    expect(maskIdNumber(value)).toBe('*'.repeat(value.length))
  })

  test.each([[''], [undefined], [null]])('empty (%p) gives an empty string', (value) => {
    expect(maskIdNumber(value)).toBe('')
  })
})

describe('phones', () => {
  test.each([
    ['a mobile', '13800138001', '138****8001', '0013'],
    ['another mobile', '19212345678', '192****5678', '1234'],
    ['a landline with a 4-digit area code', '0755-87654321', '0755-******21', '876543'],
    ['a landline with a 3-digit area code', '020-8765432', '020-*****32', '87654'],
    ['a 4-digit area code without the hyphen', '075587654321', '0755-******21', '876543'],
    ['a 3-digit area code without the hyphen (广州 020)', '02087654321', '020-******21', '876543'],
    ['北京 010 without the hyphen', '01087654321', '010-******21', '876543'],
  ])('%s', (_, value, masked, hidden) => {
    const out = maskPhone(value)
    expect(out).toBe(masked)
    expectHidden(out, hidden)
  })

  test('something else keeps only its last 4', () => {
    expect(maskPhone('+8613800138001')).toBe('**********8001')
    expect(maskPhone('123')).toBe('***')
  })

  test.each([[''], [undefined], [null]])('empty (%p) gives an empty string', (value) => {
    expect(maskPhone(value)).toBe('')
  })
})

describe('names: the surname, and the last character from three on', () => {
  test.each([
    ['陈小明', '陈*明'],
    ['李四', '李*'],
    ['王', '王'],
    ['欧阳娜娜', '欧**娜'],
    ['阿依古丽·买买提', '阿******提'],
    ['𠮷野家', '𠮷*家'], // a character outside the BMP counts as one
  ])('%s → %s', (value, masked) => {
    const out = maskName(value)
    expect(out).toBe(masked)
    const middle = Array.from(value).slice(1, -1).join('')
    if (middle) expect(out).not.toContain(middle)
  })

  test.each([[''], [undefined], [null]])('empty (%p) gives an empty string', (value) => {
    expect(maskName(value)).toBe('')
  })
})

describe('maskRecord: a worker screen shows every ID number and phone masked', () => {
  const record = JSON.parse(readFileSync(join(__dirname, '../fixtures/registrations/de-facto-unsupported.json'), 'utf8'))

  test('every sensitive path names a real record field', () => {
    for (const path of Object.keys(SENSITIVE_FIELDS)) expect(RETURNABLE_FIELDS.has(path)).toBe(true)
  })

  test('masks what is there, lists it, and leaves the input alone', () => {
    const before = JSON.stringify(record)
    const { record: shown, masked } = maskRecord(record)
    expect(JSON.stringify(record)).toBe(before)
    expect(masked.length).toBeGreaterThan(2)
    expect(shown.child.name).toBe(record.child.name)
    const text = JSON.stringify(shown)
    expect(text).not.toMatch(/\d{17}[\dX]/)
    expect(text).not.toMatch(/"1\d{10}"/)
    for (const path of masked) expect(path in SENSITIVE_FIELDS).toBe(true)
  })
})
