/** @jest-environment ./tests/setup/jsdom-with-server.js */
/**
 * The list (default: what waits for the caller's level; filters; exact-name search; 20 at a time with
 * 加载更多, newest first; duplicates flagged) and the township/county overview (counts by category, status
 * and village; the roster downloaded with the worker's token, masked on request).
 */
import { fixture } from '../../server/helpers'
import {
  boot,
  signInAs,
  startWorld,
  tapId,
  tapEl,
  textOf,
  typeIn,
  wipe,
  waitFor,
  screen,
  within,
  VILLAGE_A,
  VILLAGE_B,
  TOWNSHIP,
  COUNTY,
  type World,
} from './world'

let world: World
let app: ReturnType<typeof boot>
let maoping: string
const ids: string[] = []
beforeAll(async () => {
  world = await startWorld()
  maoping = await world.account('village_worker', VILLAGE_A, 'maoping')
  await world.account('township_supervisor', TOWNSHIP, 'chayang')
  await world.account('county_admin', COUNTY, 'dabu')
  // 23 in 茅坪 (the same child twice: a duplicate), 2 in 左弼.
  for (let i = 0; i < 21; i++) ids.push(await world.submit(i % 3 === 0 ? 'disability' : 'left-behind'))
  ids.push(await world.submit('orphan'))
  ids.push(await world.submit('orphan'))
  await world.submit('left-behind', VILLAGE_B)
  await world.submit('de-facto-unsupported', VILLAGE_B)
  await world.t.review(maoping, ids[0], { action: 'start_review' })
})
afterAll(() => world.close())
beforeEach(() => {
  wipe()
  app = boot()
})
afterEach(() => app.cleanup())

const listed = () => Array.from(document.querySelectorAll('#queue-list [id^="queue-"]')).map((el) => el.id.slice('queue-'.length))

test('20 at a time, newest first, then 加载更多 to the end; duplicates flagged', async () => {
  await signInAs('maoping')
  expect(textOf('queue-total')).toBe('共23条')
  expect(listed()).toHaveLength(20)
  // ids[0] changed last (start_review), the orphans were submitted last: newest first.
  expect(listed().slice(0, 3)).toEqual([ids[0], ids[22], ids[21]])
  expect(textOf(`queue-${ids[22]}`)).toContain('可能重复')
  tapId('queue-more')
  await waitFor(() => expect(listed()).toHaveLength(23))
  expect(new Set(listed()).size).toBe(23)
  expect(document.getElementById('queue-more')).toBeNull()
  expect(screen.getByText('已经到底了')).toBeTruthy()
})

test('filters: status, category, and an exact name', async () => {
  await signInAs('maoping')
  tapEl(within(document.getElementById('filter-status')!).getByText('村级核实中'))
  await waitFor(() => expect(listed()).toEqual([ids[0]]))
  tapEl(within(document.getElementById('filter-status')!).getByText('全部状态'))
  tapEl(within(document.getElementById('filter-category')!).getByText('孤儿'))
  await waitFor(() => expect(listed().sort()).toEqual([ids[21], ids[22]].sort()))
  tapEl(within(document.getElementById('filter-category')!).getByText('全部类别'))
  await typeIn('filter-search', fixture('disability').child.name)
  tapId('search')
  await waitFor(() => expect(listed()).toHaveLength(7))
  tapId('search-clear')
  await waitFor(() => expect(textOf('queue-total')).toBe('共23条'))
  await typeIn('filter-search', fixture('disability').child.name.slice(0, 1))
  tapId('search')
  await waitFor(() => expect(document.getElementById('queue-empty')).not.toBeNull())
})

test('the township overview counts by category, status and village; the roster downloads with full numbers by default', async () => {
  await signInAs('chayang')
  // The township's own queue: nothing verified yet.
  expect(document.getElementById('queue-empty')).not.toBeNull()
  tapId('nav-overview')
  await waitFor(() => expect(textOf('overview-total')).toBe('登记总数：25'))
  const maopingRow = textOf(`by-village-${VILLAGE_A}`)
  expect(maopingRow).toContain('茅坪村委会')
  expect(maopingRow).toContain('23')
  expect(textOf(`by-village-${VILLAGE_B}`)).toContain('左弼村委会')
  expect(textOf('by-category-orphan')).toMatch(/孤儿.*2/)
  // The chart: a bar per village, named by its numbers in words (all 23 of 茅坪 wait for the village), each
  // bar as long as its share of the longest one; the tables say that they scroll, and are named regions.
  const bar = document.getElementById(`bar-registrations-${VILLAGE_A}`)!
  expect(bar.getAttribute('aria-label')).toBe('茅坪村委会，登记共23人：待村核实23人')
  expect((bar.querySelector('.w-bar__part--wait') as HTMLElement).style.width).toBe('100%')
  const other = document.getElementById(`bar-registrations-${VILLAGE_B}`)!
  expect(other.getAttribute('aria-label')).toBe('左弼村委会，登记共2人：待村核实2人')
  expect((other.querySelector('.w-bar__part--wait') as HTMLElement).style.width).toMatch(/^8\.69/)
  expect(textOf('overview-villages')).toContain('可左右滑动')
  expect(document.getElementById('by-village')?.getAttribute('aria-label')).toBe('按村（社区）和状态（可左右滑动的表格）')
  tapId('export-download')
  await waitFor(() => expect(textOf('export-message')).toBe('花名册已下载'))
  const first = world.downloads[world.downloads.length - 1]
  expect(first.status).toBe(200)
  expect(first.type).toContain('spreadsheetml')
  expect(first.request.path).toBe('/api/v1/export.xlsx')
  expect(first.request.header.authorization).toMatch(/^Bearer /)
  tapId('export-mask')
  tapId('export-download')
  await waitFor(() => expect(world.downloads[world.downloads.length - 1].request.path).toBe('/api/v1/export.xlsx?mask=1'))
  const audits = await world.t.app.db.selectFrom('audit_log').select('detail').where('action', '=', 'export').execute()
  expect(audits.map((a) => JSON.parse(a.detail!).fullIdNumbers)).toEqual([true, false])
  // One village: its categories × statuses, and its roster.
  tapId(`by-village-${VILLAGE_B}`)
  await waitFor(() => expect(textOf('overview-total')).toBe('登记总数：2'))
  expect(textOf('overview-summary')).toContain('左弼村委会')
  expect(document.getElementById('overview-villages')).toBeNull()
  expect(textOf('by-category-de_facto_unsupported')).toMatch(/事实无人抚养儿童.*1/)
  tapId('export-download')
  await waitFor(() =>
    expect(world.downloads[world.downloads.length - 1].request.path).toBe(`/api/v1/export.xlsx?region=${VILLAGE_B}&mask=1`),
  )
  tapId('overview-up')
  await waitFor(() => expect(textOf('overview-total')).toBe('登记总数：25'))
})

test('the county narrows the overview and the export to one township', async () => {
  await signInAs('dabu')
  tapId('nav-overview')
  await waitFor(() => expect(textOf('overview-total')).toBe('登记总数：25'))
  // Village names repeat across a county: each row carries its township.
  await waitFor(() => expect(textOf(`by-village-${VILLAGE_A}`)).toContain('茶阳镇茅坪村委会'))
  tapEl(await waitFor(() => within(document.getElementById('overview-township')!).getByText('茶阳镇')))
  await waitFor(() => expect(textOf('overview-summary')).toContain('茶阳镇'))
  tapId('export-download')
  await waitFor(() => expect(world.downloads[world.downloads.length - 1].request.path).toBe(`/api/v1/export.xlsx?region=${TOWNSHIP}`))
})
