import Taro from '@tarojs/taro'
import { createThrottledStorage, storage, THROTTLE_MS } from '@/platform/storage'
import { memoryStorage } from '../store/memory-storage'

afterEach(() => jest.useRealTimers())

test('writes are buffered for THROTTLE_MS, readable at once, and written together', () => {
  jest.useFakeTimers()
  const mem = memoryStorage()
  const s = createThrottledStorage(mem.storage)
  s.setItem('a', '1')
  s.setItem('a', '2')
  s.setItem('b', '3')
  expect(mem.writes).toEqual([])
  expect(s.getItem('a')).toBe('2')
  expect(s.keys().sort()).toEqual(['a', 'b'])
  expect(s.pending()).toBe(2)
  jest.advanceTimersByTime(THROTTLE_MS)
  expect(mem.writes).toEqual(['a', 'b'])
  expect(mem.data.get('a')).toBe('2')
  expect(s.pending()).toBe(0)
})

test('flush writes at once; removal is immediate and cancels a buffered write', () => {
  jest.useFakeTimers()
  const mem = memoryStorage({ gone: 'x' })
  const s = createThrottledStorage(mem.storage)
  s.setItem('a', '1')
  s.flush()
  expect(mem.data.get('a')).toBe('1')
  s.setItem('gone', 'y')
  s.removeItem('gone')
  jest.advanceTimersByTime(THROTTLE_MS)
  expect(mem.data.has('gone')).toBe(false)
})

test('a failing write keeps the value buffered (still readable) and is retried', () => {
  jest.useFakeTimers()
  const mem = memoryStorage()
  let full = true
  const s = createThrottledStorage({
    ...mem.storage,
    setItem: (k, v) => {
      if (full) throw new Error('exceed storage max size')
      mem.storage.setItem(k, v)
    },
  })
  const errors = jest.spyOn(console, 'error').mockImplementation(() => undefined)
  s.setItem('draft', 'typed')
  s.flush()
  expect(s.getItem('draft')).toBe('typed')
  expect(s.pending()).toBe(1)
  full = false
  jest.advanceTimersByTime(THROTTLE_MS)
  expect(mem.data.get('draft')).toBe('typed')
  errors.mockRestore()
})

test('over Taro storage: a missing key reads as null and values round-trip', () => {
  localStorage.clear()
  expect(storage.getItem('hutong:nothing')).toBeNull()
  storage.setItem('hutong:x', '{"a":1}')
  storage.flush()
  expect(Taro.getStorageSync('hutong:x')).toBe('{"a":1}')
  expect(storage.keys()).toContain('hutong:x')
  storage.removeItem('hutong:x')
  expect(storage.getItem('hutong:x')).toBeNull()
})
