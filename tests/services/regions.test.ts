import { cachedVillages, clearVillageMemory, loadVillages, villagesKey } from '@/services/regions'
import { setTransport } from '@/platform/request'
import { storage } from '@/platform/storage'

beforeEach(() => {
  storage.flush()
  localStorage.clear()
  clearVillageMemory()
})

test('a county is fetched once (even when asked twice at the same time) and kept in storage', async () => {
  const calls: string[] = []
  const restore = setTransport(async (req) => {
    calls.push(req.url)
    return { statusCode: 200, data: { townships: { '441422101': [['200', '茅坪村委会']] } } }
  })
  const [a, b] = await Promise.all([loadVillages('441422'), loadVillages('441422')])
  expect(a).toBe(b)
  expect(calls).toEqual(['/api/v1/regions/441422/villages'])
  storage.flush()
  expect(localStorage.getItem(villagesKey('441422'))).toContain('茅坪村委会')
  clearVillageMemory()
  expect(cachedVillages('441422')).toEqual({ '441422101': [['200', '茅坪村委会']] })
  await loadVillages('441422')
  expect(calls).toHaveLength(1)
  restore()
})

test("a body that is not this county's villages is refused and not cached", async () => {
  const restore = setTransport(async () => ({ statusCode: 200, data: { townships: { '440103001': [['101', '翠洲社区居民委员会']] } } }))
  await expect(loadVillages('441422')).rejects.toThrow('invalid villages payload')
  expect(cachedVillages('441422')).toBeUndefined()
  restore()
})
