import { emptyRecord, getIn, setIn } from '@/domain/record'

test('setIn shares untouched branches, removes emptied answers, and returns the same object for no change', () => {
  const r = emptyRecord()
  const a = setIn(r, 'parents.father.name', '陈国强')
  expect(a.parents.father).toEqual({ name: '陈国强' })
  expect(a.child).toBe(r.child)
  expect(a.parents.mother).toBe(r.parents.mother)
  expect(setIn(a, 'parents.father.name', '陈国强')).toBe(a)
  const b = setIn(a, 'parents.father.name', '  ')
  expect(b.parents.father).toEqual({})
  expect(setIn(b, 'parents.father.name', undefined)).toBe(b)
  expect(getIn(a, 'parents.father.name')).toBe('陈国强')
  expect(getIn(a, 'parents.father.name.length')).toBeUndefined()
  // false and [] are answers, not empties.
  expect(setIn(r, 'child.boarding', false).child).toEqual({ boarding: false })
  expect(setIn(r, 'family.needs', []).family.needs).toEqual([])
})
