/**
 * Per wizard step, as the H5 build renders it in jsdom (the tests/pages set-up): the number of DOM nodes on
 * the page with each fixture's answers filled in, and the React commits while 20 characters are typed into the
 * step's first text field one input event at a time, then at the blur that commits them. Run by `npm run bench`
 * (jest, config bench/jest.config.js); writes bench/results/wizard-dom-<date>.json.
 */
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { Profiler } from 'react'
import { STEPS } from '@/domain/schema'
import { ROUTES } from '@/platform/navigation'
import { draftsStore } from '@/store/drafts'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { createRouter, fakeVillagesServer } from '../tests/pages/harness'
import { PAGES, wipePhone } from '../tests/pages/setup-app'
import { addResultRow, machine, today, writeResult } from './results'

const FIXTURES = join(__dirname, '..', 'tests', 'fixtures', 'registrations')
const FIXTURE_NAMES = readdirSync(FIXTURES)
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.slice(0, -5))
const fixture = (name: string) => JSON.parse(readFileSync(join(FIXTURES, `${name}.json`), 'utf8'))
const TWENTY = '欧阳小明是个好孩子今年十一岁读小学四年级'
type Measure = { fixture: string; nodes: number; field?: string; typingCommits?: number; blurCommits?: number }

async function measure(name: string, step: (typeof STEPS)[number], n: number): Promise<Measure> {
  wipePhone()
  const { schemaVersion: _v, consent: _c, ...answers } = fixture(name)
  const id = draftsStore.getState().createDraft()
  draftsStore.getState().updateRecord(id, () => answers)
  draftsStore.getState().setStep(id, step.key)
  const router = createRouter(PAGES)
  const server = fakeVillagesServer()
  let commits = 0
  const view = render(
    <Profiler id='app' onRender={() => commits++}>
      <router.App />
    </Profiler>,
  )
  act(() => router.start(`${ROUTES.wizard}?id=${id}`))
  try {
    await screen.findByText(`第${n}步，共5步：${step.title}`)
    await act(async () => {
      await new Promise((r) => setTimeout(r, 50))
    }) // villages served, pickers labelled
    const nodes = document.querySelectorAll('*').length
    const input = document.querySelector('.card input:not([type=checkbox]), .card textarea') as HTMLInputElement | null
    if (!input) return { fixture: name, nodes }
    const field = input.closest('[id^="field-"]')?.id
    const before = commits
    let text = ''
    for (const ch of TWENTY) {
      text += ch
      act(() => {
        fireEvent.input(input, { target: { value: text } })
      })
    }
    await act(async () => {
      await new Promise((r) => setTimeout(r, 20))
    })
    const typingCommits = commits - before
    act(() => {
      fireEvent.blur(input)
    })
    await waitFor(() => expect(commits).toBeGreaterThanOrEqual(before + typingCommits))
    return { fixture: name, nodes, field, typingCommits, blurCommits: commits - before - typingCommits }
  } finally {
    view.unmount()
    router.restore()
    server.restore()
  }
}

test('DOM nodes and React commits per wizard step', async () => {
  const steps = []
  for (const [i, step] of STEPS.entries()) {
    const runs: Measure[] = []
    for (const name of FIXTURE_NAMES) runs.push(await measure(name, step, i + 1))
    const typed = runs.filter((r) => r.field)
    steps.push({
      step: step.key,
      title: step.title,
      domNodes: Object.fromEntries(runs.map((r) => [r.fixture, r.nodes])),
      maxDomNodes: Math.max(...runs.map((r) => r.nodes)),
      field: typed[0]?.field ?? null,
      keystrokes: TWENTY.length,
      commitsPerKeystroke: typed.length ? Math.max(...typed.map((r) => r.typingCommits!)) / TWENTY.length : null,
      commitsAtBlur: typed.length ? Math.max(...typed.map((r) => r.blurCommits!)) : null,
    })
  }
  console.table(steps.map(({ domNodes: _d, ...s }) => s))
  writeResult('wizard-dom', { date: today(), machine: machine(), renderer: 'H5 build in jsdom (tests/pages set-up)', steps })
  addResultRow('wizard', [today(), ...steps.map((s) => `${s.maxDomNodes} / ${s.commitsPerKeystroke ?? '–'} / ${s.commitsAtBlur ?? '–'}`)])
}, 120_000)
