import { onBeforeAppHide } from '@/platform/lifecycle'
import { uuidV4, UUID_V4 } from '@/platform/ids'
import { storage } from '@/platform/storage'

test('when the app hides, pending edits are committed first, then storage is flushed', () => {
  localStorage.clear()
  const order: string[] = []
  const off = onBeforeAppHide(() => {
    order.push('commit')
    storage.setItem('hutong:typed', 'x')
  })
  Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true })
  document.dispatchEvent(new Event('visibilitychange', { bubbles: true }))
  Object.defineProperty(document, 'visibilityState', { value: 'visible', configurable: true })
  expect(order).toEqual(['commit'])
  expect(storage.pending()).toBe(0)
  expect(localStorage.getItem('hutong:typed')).toContain('x')
  off()
})

test('ids are UUID v4, also without WebCrypto', () => {
  const ids = new Set(Array.from({ length: 200 }, () => uuidV4()))
  expect(ids.size).toBe(200)
  for (const id of ids) expect(id).toMatch(UUID_V4)
  const crypto = (globalThis as any).crypto
  Object.defineProperty(globalThis, 'crypto', { value: undefined, configurable: true })
  expect(uuidV4()).toMatch(UUID_V4)
  Object.defineProperty(globalThis, 'crypto', { value: crypto, configurable: true })
})
