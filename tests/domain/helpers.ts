/**
 * Shared helpers for the domain tests: the fixed "today", ID numbers built with a correct check character,
 * deep-cloned fixtures, and the check that a message is written for a Chinese reader.
 */
import { checkCharacter } from '@/domain/idcard'
import type { Issue } from '@/domain/schema'
import leftBehind from '../fixtures/registrations/left-behind.json'
import deFacto from '../fixtures/registrations/de-facto-unsupported.json'
import disability from '../fixtures/registrations/disability.json'
import orphan from '../fixtures/registrations/orphan.json'

/** Every test that can pass a day passes this one (a Saturday, in China time). */
export const TODAY = '2026-11-28'

/** Makes `Date` say it is TODAY in China (noon, UTC+8) for the code that reads the clock itself. */
export function freezeToday(): void {
  jest.useFakeTimers({ now: new Date(`${TODAY}T04:00:00Z`), doNotFake: ['nextTick', 'setImmediate'] })
}

export const FIXTURES = {
  'left-behind': leftBehind,
  'de-facto-unsupported': deFacto,
  disability,
  orphan,
} as const
export type FixtureName = keyof typeof FIXTURES
export const FIXTURE_NAMES = Object.keys(FIXTURES) as FixtureName[]

/** A deep copy of a fixture, typed loosely so a test can break it on purpose. */
export function fixture(name: FixtureName): any {
  return structuredClone(FIXTURES[name])
}

/** An 18-character ID number with a correct check character: region (6) + YYYYMMDD + sequence (3). */
export function makeId(region: string, yyyymmdd: string, seq: string): string {
  const first17 = `${region}${yyyymmdd}${seq}`
  if (!/^\d{17}$/.test(first17)) throw new Error(`bad ID parts: ${first17}`)
  return first17 + checkCharacter(first17)
}

/** A plausible ID for a Guangdong person of the given sex born on `date` ('YYYY-MM-DD'). */
export function idFor(date: string, sex: 'male' | 'female', seq = 12): string {
  const s = seq * 2 + (sex === 'male' ? 1 : 0)
  return makeId('441422', date.replace(/-/g, ''), String(s).padStart(3, '0'))
}

const CHINESE = /[\u4e00-\u9fa5]/
const ENGLISH_WORD = /[A-Za-z]{2,}/

/**
 * A message for a person: it has Chinese in it and no English word. `allowed` lists identifiers that a
 * message may quote (the unknown-key message names the key it refuses).
 */
export function isChineseMessage(message: string, allowed: readonly string[] = []): boolean {
  let rest = message
  for (const word of allowed) rest = rest.split(word).join('')
  return CHINESE.test(rest) && !ENGLISH_WORD.test(rest)
}

/** Asserts every issue is written in Chinese, then returns the issues. */
export function chinese(issues: Issue[]): Issue[] {
  for (const issue of issues) {
    const allowed = issue.message.startsWith('不接受的字段') ? issue.message.split('：')[1].split('、') : []
    expect({ issue, chinese: isChineseMessage(issue.message, allowed) }).toEqual({ issue, chinese: true })
  }
  return issues
}

export function pathOf(issue: Issue): string {
  return issue.path.join('.')
}
