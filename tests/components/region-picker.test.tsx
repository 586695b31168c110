/**
 * The region picker: city → county → township from the bundled tree, villages of the county loaded on
 * demand through the services layer, with a loading line, an offline message and a retry that works,
 * and a per-county cache in storage so that the second time needs no network.
 */
import { screen, waitFor, within } from '@testing-library/react'
import RegionField from '@/features/region-picker'
import { regionLabel } from '@/features/region-picker/region-data'
import { clearVillageMemory, villagesKey } from '@/services/regions'
import { storage } from '@/platform/storage'
import { fakeVillagesServer, field, tap, tapText } from '../pages/harness'
import { renderInForm } from './form-harness'

let server: ReturnType<typeof fakeVillagesServer>
beforeEach(() => {
  storage.flush()
  localStorage.clear()
  clearVillageMemory()
  server = fakeVillagesServer()
})
afterEach(() => server.restore())

const sheet = () => field('child.residenceRegion').querySelector('.sheet') as HTMLElement
const open = () => tap(field('child.residenceRegion').querySelector('.field__picker') as Element)

test('offline: says so in words and offers a retry that loads the villages once the signal is back', async () => {
  const form = renderInForm(<RegionField path='child.residenceRegion' label='现住址（村/社区）' />)
  server.state.offline = true
  open()
  tapText('梅州市', sheet())
  tapText('大埔县', sheet())
  tapText('茶阳镇', sheet())
  await within(sheet()).findByText('村（社区）列表没有加载出来，可能是网络不好。请到信号好的地方再试。')
  expect(server.state.calls).toEqual(['/api/v1/regions/441422/villages'])
  // The chosen levels stay as breadcrumbs.
  expect(within(sheet()).getByText('大埔县')).toBeTruthy()

  server.state.offline = false
  tapText('重试', sheet())
  await within(sheet()).findByText('茅坪村委会')
  tapText('茅坪村委会', sheet())
  await waitFor(() => expect(sheet()).toBeNull())
  expect(form.values()).toEqual({ child: { residenceRegion: '441422101200' } })
  expect(screen.getByText('广东省梅州市大埔县茶阳镇茅坪村委会')).toBeTruthy()
})

test('shows a loading line while the county is fetched, then caches it in storage per county', async () => {
  let release: () => void = () => undefined
  const gate = new Promise<void>((r) => (release = r))
  const { restore } = await import('@/platform/request').then(({ setTransport }) => ({
    restore: setTransport(async (req) => {
      server.state.calls.push(req.url)
      await gate
      return { statusCode: 200, data: { townships: { '441422101': [['200', '茅坪村委会']] } } }
    }),
  }))
  renderInForm(<RegionField path='child.hukouRegion' label='户籍地' />)
  tap(field('child.hukouRegion').querySelector('.field__picker') as Element)
  const s = () => field('child.hukouRegion').querySelector('.sheet') as HTMLElement
  tapText('梅州市', s())
  tapText('大埔县', s())
  tapText('茶阳镇', s())
  expect(within(s()).getByText('正在加载村（社区）列表…')).toBeTruthy()
  release()
  await within(s()).findByText('茅坪村委会')
  restore()
  storage.flush()
  expect(JSON.parse(JSON.parse(localStorage.getItem(villagesKey('441422')) as string).data).townships['441422101']).toEqual([
    ['200', '茅坪村委会'],
  ])

  // A new app start (memory gone): the name comes from storage, no request.
  clearVillageMemory()
  const calls = server.state.calls.length
  expect(regionLabel('441422101200')).toBe('广东省梅州市大埔县茶阳镇茅坪村委会')
  expect(server.state.calls.length).toBe(calls)
})

test('东莞 has no county level: townships sit under the city placeholder, villages still load', async () => {
  const form = renderInForm(<RegionField path='child.residenceRegion' label='现住址' />)
  open()
  tapText('东莞市', sheet()) // also chooses its placeholder county entry 441900
  expect(within(sheet()).getAllByText('东莞市')).toHaveLength(1) // one crumb, not two
  tapText('东城街道', sheet())
  const first = await waitFor(() => {
    const rows = sheet().querySelectorAll('.choice')
    expect(rows.length).toBeGreaterThan(0)
    return rows[0]
  })
  tap(first)
  await waitFor(() => expect(String(form.values().child && (form.values().child as any).residenceRegion)).toMatch(/^441900003\d{3}$/))
  expect(server.state.calls).toEqual(['/api/v1/regions/441900/villages'])
})

test('与户籍地相同 copies the other answer with one tap', async () => {
  const form = renderInForm(
    <RegionField path='child.residenceRegion' label='现住址' sameAs={{ path: 'child.hukouRegion', label: '与户籍地相同' }} />,
    { child: { hukouRegion: '441422101200' } },
  )
  tapText('与户籍地相同')
  expect((form.values().child as any).residenceRegion).toBe('441422101200')
  expect(screen.queryByText('与户籍地相同')).toBeNull()
  // The village name is fetched for the label.
  await screen.findByText('广东省梅州市大埔县茶阳镇茅坪村委会')
})
