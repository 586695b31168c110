/**
 * Registrations for the drills: the four fixtures made into many distinct children — a fresh birth day,
 * sequence number and name each, with a valid ID number (MOD 11-2 check character, sex in the 17th digit,
 * birth date in digits 7–14) — and a seeded PRNG, so that a failing run can be replayed from its seed.
 */
import { checkCharacter } from '../../../src/domain/idcard'
import { fixture, FIXTURE_NAMES } from '../../server/helpers'

/** mulberry32: small, fast, good enough to pick test inputs; the same seed gives the same sequence. */
export function prng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export const pick = <T>(rand: () => number, items: readonly T[]): T => items[Math.floor(rand() * items.length)]

const GIVEN = ['小明', '晓东', '子涵', '雨桐', '嘉怡', '浩然', '思琪', '俊杰', '欣妍', '梓轩', '一诺', '宇航']
const FAMILY = ['陈', '李', '黄', '刘', '张', '林', '罗', '钟', '曾', '邱']

/** A valid 18-digit ID number for this region, birth date and sex (sequence parity: odd male, even female). */
export function idNumber(region6: string, birthDate: string, sex: 'male' | 'female', sequence: number): string {
  const seq = (sequence % 500) * 2 + (sex === 'male' ? 1 : 0)
  const first17 = `${region6}${birthDate.replace(/-/g, '')}${String(seq).padStart(3, '0')}`
  return first17 + checkCharacter(first17)
}

/** A fixture's record with a different child: same month of birth (ages and rules unchanged), new day, number and name. */
export function freshRecord(rand: () => number, kind: string = pick(rand, FIXTURE_NAMES)): any {
  const record = fixture(kind)
  const child = record.child
  const day = String(1 + Math.floor(rand() * 28)).padStart(2, '0')
  child.birthDate = `${child.birthDate.slice(0, 8)}${day}`
  child.idNumber = idNumber(child.idNumber.slice(0, 6), child.birthDate, child.sex, Math.floor(rand() * 500))
  child.name = pick(rand, FAMILY) + pick(rand, GIVEN)
  // 残疾人证号 is the ID number plus two digits (category and grade).
  if (child.disability) child.disability.certificateNo = child.idNumber + child.disability.certificateNo.slice(18)
  return record
}

/** The same value with every object's keys in reverse order (the same submission to the server's canonical hash). */
export function reverseKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reverseKeys)
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .reverse()
        .map(([k, v]) => [k, reverseKeys(v)]),
    )
  }
  return value
}
