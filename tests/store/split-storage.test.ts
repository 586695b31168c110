import { createSplitStorage } from '@/store/split-storage'
import { memoryStorage } from './memory-storage'

interface Item {
  id: string
  n: number
}
type State = { items: Record<string, Item>; last?: string }

function split(mem: ReturnType<typeof memoryStorage>) {
  return createSplitStorage<State, Item>({
    storage: mem.storage,
    indexKey: 'x:index',
    itemPrefix: 'x:item:',
    items: (s) => s.items,
    meta: (s) => (s.last ? { last: s.last } : {}),
    assemble: (items, meta) => ({ items, last: meta.last as string | undefined }),
    isItem: (v: any, id): v is Item => v?.id === id && typeof v.n === 'number',
  })
}

test('one key per item plus a small index; only changed items are written again', () => {
  const mem = memoryStorage()
  const s = split(mem)
  const a = { id: 'a', n: 1 }
  const b = { id: 'b', n: 2 }
  s.setItem('x', { state: { items: { a, b }, last: 'b' }, version: 3 })
  expect(JSON.parse(mem.data.get('x:index') as string)).toEqual({ v: 3, ids: ['a', 'b'], last: 'b' })
  expect(JSON.parse(mem.data.get('x:item:a') as string)).toEqual(a)
  mem.writes.length = 0
  s.setItem('x', { state: { items: { a, b: { id: 'b', n: 5 } }, last: 'b' }, version: 3 })
  expect(mem.writes).toEqual(['x:item:b']) // a untouched, index unchanged
  s.setItem('x', { state: { items: { a }, last: 'a' }, version: 3 })
  expect(mem.data.has('x:item:b')).toBe(false)
  expect(JSON.parse(mem.data.get('x:index') as string)).toEqual({ v: 3, ids: ['a'], last: 'a' })
})

test('reading back recovers items the index missed and skips, without deleting, what it cannot read', () => {
  const mem = memoryStorage({
    'x:index': JSON.stringify({ v: 1, ids: ['a', 'broken'], last: 'a' }),
    'x:item:a': JSON.stringify({ id: 'a', n: 1 }),
    'x:item:orphan': JSON.stringify({ id: 'orphan', n: 9 }), // written just before the app was killed
    'x:item:broken': '{not json',
    'x:item:wrong': JSON.stringify({ id: 'someone-else', n: 1 }),
  })
  const errors = jest.spyOn(console, 'error').mockImplementation(() => undefined)
  const value = split(mem).getItem('x') as { state: State; version: number }
  errors.mockRestore()
  expect(value.version).toBe(1)
  expect(Object.keys(value.state.items).sort()).toEqual(['a', 'orphan'])
  expect(value.state.last).toBe('a')
  expect(mem.data.get('x:item:broken')).toBe('{not json')
  expect(mem.data.has('x:item:wrong')).toBe(true)
})

test('nothing stored reads as null (zustand keeps its initial state)', () => {
  expect(split(memoryStorage()).getItem('x')).toBeNull()
})
