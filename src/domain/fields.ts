/**
 * Field builders shared by every step of the schema: each takes the Chinese label that the message names,
 * so that a guardian always reads which field is wrong and why ("请填写儿童姓名", not "Required").
 * Written against zod/mini: it keeps the mini-program's main package ≈ 70 KB smaller than classic zod.
 */
import * as z from 'zod/mini'
import { chinaToday, isIsoDate } from './dates'
import { normaliseIdInput, parseIdNumber } from './idcard'

/** Messages for what no field builder covers (wrong JSON types, unknown keys): Chinese, never English. */
z.config({
  customError: (issue) => {
    switch (issue.code) {
      case 'unrecognized_keys':
        return `不接受的字段：${issue.keys.join('、')}`
      case 'invalid_type':
        return issue.input === undefined ? '此项必填' : '填写的格式不对'
      case 'invalid_value':
        return '请从选项中选择'
      case 'too_big':
        return '内容太长或数量太多'
      case 'too_small':
        return '内容太短或数量不够'
      default:
        return '填写的内容不符合要求'
    }
  },
})

export const MAX_TEXT = 200

/** Trimmed text of 1..max characters. */
export function text(label: string, max = 100) {
  return z
    .string({ error: `请填写${label}` })
    .check(z.trim(), z.minLength(1, `请填写${label}`), z.maxLength(max, `${label}不能超过${max}个字`))
}

/** Free text that may be left empty (notes). Kept verbatim apart from trimming. */
export function note(label: string, max = MAX_TEXT) {
  return z.optional(z.string({ error: `${label}格式不对` }).check(z.trim(), z.maxLength(max, `${label}不能超过${max}个字`)))
}

/** Digits (ASCII or full-width) and most punctuation are never part of a name; 少数民族 names use the middle dot. */
const NAME_FORBIDDEN = /[0-9\uFF10-\uFF19<>"'`;{}()[\]\\/@#$%^&*=+|~!?，。、：；]/

/**
 * Characters that print as nothing, or that change how the text around them is shown: C0/C1 controls, soft
 * hyphen, Arabic and Syriac format marks, the combining grapheme joiner, zero-width spaces and joiners, bidi
 * embeddings, overrides and isolates (U+202A–E, U+2066–9, which make "张伟" show as something else in the
 * queue), word joiners and invisible operators, the byte-order mark, interlinear annotation marks, tag
 * characters, and the Hangul and Braille fillers (U+115F, U+1160, U+3164, U+FFA0, U+2800) that look like
 * blanks. A name holding one looks like another name but is not equal to it, which would hide a duplicate
 * child. Written as explicit ranges rather than \p{Cf}: no Unicode property tables in the mini-program.
 */
// Controls and lone combining marks are the point of this class (they are what is refused).
const INVISIBLE =
  // eslint-disable-next-line no-control-regex, no-misleading-character-class
  /[\u0000-\u001F\u007F-\u009F\u00AD\u034F\u061C\u0600-\u0605\u06DD\u070F\u115F\u1160\u17B4\u17B5\u180B-\u180F\u200B-\u200F\u2028-\u202E\u2060-\u206F\u2800\u3164\uFE00-\uFE0F\uFEFF\uFFA0\uFFF9-\uFFFB]|\uDB40[\uDC00-\uDDEF]/g

/** True when the text holds a character of INVISIBLE. */
export function hasInvisible(value: string): boolean {
  INVISIBLE.lastIndex = 0
  return INVISIBLE.test(value)
}

/** The text without the characters of INVISIBLE (lookup keys: what is compared is what is seen). */
export function withoutInvisible(value: string): string {
  return value.replace(INVISIBLE, '')
}

export function personName(label: string) {
  return text(label, 30).check(
    z.refine((v) => !hasInvisible(v), `${label}里有看不见的字符（如零宽空格、文字方向符号），请删掉后重新输入`),
    z.refine((v) => !NAME_FORBIDDEN.test(v), `${label}只能包含汉字、字母或间隔号“·”`),
  )
}

/** An 18-character ID number, normalised (full-width digits, lower-case x) before it is checked. */
export function idNumber(label: string) {
  return z.string({ error: `请填写${label}` }).check(
    z.overwrite(normaliseIdInput),
    z.superRefine((value, ctx) => {
      const parsed = parseIdNumber(value)
      if (!parsed.ok) ctx.addIssue({ code: 'custom', message: `${label}：${parsed.reason}`, input: value })
    }),
  )
}

const MOBILE = /^1[3-9]\d{9}$/
const LANDLINE = /^0\d{2,3}-?\d{7,8}$/

/** A mobile number (±86 prefix dropped) or a landline with its area code. */
export function phone(label: string) {
  return z.string({ error: `请填写${label}` }).check(
    z.overwrite((v) => v.replace(/[\s\u3000]/g, '').replace(/^(\+|00)86-?/, '')),
    z.refine((v) => MOBILE.test(v) || LANDLINE.test(v), `${label}应为11位手机号码，或带区号的固定电话`),
  )
}

/** A real date, 'YYYY-MM-DD'. With `past`, not later than today (China time). */
export function date(label: string, { past = true }: { past?: boolean } = {}) {
  return z.string({ error: `请选择${label}` }).check(
    z.refine((v) => isIsoDate(v), `请选择${label}`),
    z.refine((v) => !past || !isIsoDate(v) || v <= chinaToday(), `${label}不能晚于今天`),
  )
}

/** A 12-digit village/community code (统计用区划代码); whether it exists is checked by the server's region index. */
export function villageCode(label: string) {
  return z
    .string({ error: `请选择${label}` })
    .check(z.refine((v) => /^44\d{10}$/.test(v) && !v.endsWith('000'), `请把${label}选到村（社区）一级`))
}

/** 残疾人证号: the holder's 18-character ID number + category digit (1–7) + grade digit (1–4). */
export function disabilityCertNo(label: string) {
  return z.string({ error: `请填写${label}` }).check(
    z.overwrite(normaliseIdInput),
    z.refine((v) => /^\d{17}[\dX][1-7][1-4]$/.test(v), `${label}应为20位：身份证号码加残疾类别和等级两位数字`),
    z.refine((v) => !/^\d{17}[\dX]/.test(v) || parseIdNumber(v.slice(0, 18)).ok, `${label}的前18位不是有效的身份证号码`),
  )
}

export function choice<const T extends readonly [string, ...string[]]>(values: T, label: string) {
  return z.enum(values, { error: `请选择${label}` })
}

export function yesNo(label: string) {
  return z.boolean({ error: `请选择${label}` })
}

/** A multi-select: distinct values from the table. */
export function multi<const T extends readonly [string, ...string[]]>(values: T, label: string, min = 0) {
  return z.array(choice(values, label)).check(
    z.minLength(min, `请至少选择一项${label}`),
    z.refine((list) => new Set(list).size === list.length, `${label}有重复的选项`),
  )
}
