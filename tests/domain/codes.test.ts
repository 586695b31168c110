/**
 * 与儿童关系 as a family names itself: parents, grandparents, then 哥哥 and 姐姐 side by side (not the
 * standard's bare 兄), while the stored codes stay GB/T 4761's.
 */
import { RELATIONS } from '@/domain/codes'

test('the relationship list starts with the closest family, in pairs', () => {
  expect(RELATIONS.slice(0, 8).map((r) => r.label)).toEqual(['父亲', '母亲', '祖父', '祖母', '外祖父', '外祖母', '哥哥', '姐姐'])
  expect(RELATIONS.map((r) => r.label)).not.toContain('兄')
})

test('the stored codes are unchanged: each label keeps its GB/T 4761 code, none twice', () => {
  const code = Object.fromEntries(RELATIONS.map((r) => [r.label, r.code]))
  expect(code).toMatchObject({ 父亲: '51', 母亲: '52', 祖父: '61', 祖母: '62', 外祖父: '63', 外祖母: '64', 哥哥: '71', 姐姐: '75' })
  expect(new Set(RELATIONS.map((r) => r.code)).size).toBe(RELATIONS.length)
  expect(RELATIONS.length).toBe(26)
})
