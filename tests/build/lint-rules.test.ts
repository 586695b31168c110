/**
 * The linter holds the house rules (docs/architecture.md, "Rules of the house"): each wrong import below,
 * placed at the path it names, must fail `eslint`; the right ones must pass. ESLint runs in a child process
 * (its configuration is an ES module, which jest's module system does not load), on text given for a path,
 * so no probe file is ever written into src/.
 */
import { execFileSync } from 'node:child_process'
import { resolve } from 'node:path'

const ROOT = resolve(__dirname, '../..')

interface Probe {
  why: string
  path: string
  code: string
}

/** Messages ESLint reports for each probe (rule ids only), in one child process. */
function lint(probes: Probe[]): string[][] {
  const script = `
    import { ESLint } from 'eslint'
    const probes = JSON.parse(process.argv[1])
    const eslint = new ESLint({ cwd: ${JSON.stringify(ROOT)} })
    const out = []
    for (const p of probes) {
      const [result] = await eslint.lintText(p.code, { filePath: p.path })
      out.push(result.messages.map((m) => m.ruleId ?? m.message))
    }
    process.stdout.write(JSON.stringify(out))`
  const stdout = execFileSync(process.execPath, ['--input-type=module', '-e', script, JSON.stringify(probes)], {
    cwd: ROOT,
    encoding: 'utf8',
  })
  return JSON.parse(stdout)
}

const WRONG: Probe[] = [
  {
    why: 'a page writes storage itself',
    path: 'src/pages/index/probe.tsx',
    code: "import { storage } from '@/platform/storage'\nexport const x = storage\n",
  },
  {
    why: 'a component reads a store',
    path: 'src/components/probe.tsx',
    code: "import { draftsStore } from '@/store/drafts'\nexport const x = draftsStore\n",
  },
  {
    why: 'the worker subpackage imports the register subpackage',
    path: 'src/worker/queue/probe.tsx',
    code: "import { FIX_TEXT } from '@/register/strings'\nexport const x = FIX_TEXT\n",
  },
  {
    why: 'the register subpackage imports the worker subpackage',
    path: 'src/register/wizard/probe.tsx',
    code: "import { QUEUE_TEXT } from '@/worker/strings'\nexport const x = QUEUE_TEXT\n",
  },
  {
    why: 'the report subpackage imports the worker subpackage',
    path: 'src/report/form/probe.tsx',
    code: "import { QUEUE_TEXT } from '@/worker/strings'\nexport const x = QUEUE_TEXT\n",
  },
  {
    why: 'the main package imports the report subpackage',
    path: 'src/pages/index/probe.tsx',
    code: "import { REPORT_TEXT } from '@/report/strings'\nexport const x = REPORT_TEXT\n",
  },
  {
    why: 'the main package imports a subpackage',
    path: 'src/pages/mine/probe.tsx',
    code: "import { FIX_TEXT } from '@/register/strings'\nexport const x = FIX_TEXT\n",
  },
  {
    why: 'the main package imports the form model',
    path: 'src/features/probe.ts',
    code: "import { STEP_FIELDS } from '@/record/form-spec'\nexport const x = STEP_FIELDS\n",
  },
  {
    why: 'one feature imports another',
    path: 'src/features/page-shell/probe.tsx',
    code: "import { keepDraft } from '@/features/registrations/actions'\nexport const x = keepDraft\n",
  },
  {
    why: 'a store calls a service',
    path: 'src/store/probe.ts',
    code: "import { retryNow } from '@/services/sync'\nexport const x = retryNow\n",
  },
  {
    why: 'the platform layer reads a store',
    path: 'src/platform/probe.ts',
    code: "import { outboxStore } from '@/store/outbox'\nexport const x = outboxStore\n",
  },
  { why: 'the domain imports React', path: 'src/domain/probe.ts', code: "import { useState } from 'react'\nexport const x = useState\n" },
  {
    why: 'a page calls Taro directly',
    path: 'src/pages/index/probe.tsx',
    code: "import Taro from '@tarojs/taro'\nexport const x = Taro\n",
  },
  {
    why: 'the server imports the app beyond src/domain',
    path: 'server/src/services/probe.ts',
    code: "import { outboxStore } from '../../../src/store/outbox'\nexport const x = outboxStore\n",
  },
  {
    why: 'a route queries the database',
    path: 'server/src/routes/probe.ts',
    code: "import { findUser } from '../db/users'\nexport const x = findUser\n",
  },
  { why: 'a route imports another route', path: 'server/src/routes/probe.ts', code: "import auth from './auth'\nexport const x = auth\n" },
  {
    why: 'a query module calls a service',
    path: 'server/src/db/probe.ts',
    code: "import { submit } from '../services/submit'\nexport const x = submit\n",
  },
]

const RIGHT: Probe[] = [
  {
    why: 'a page uses a feature and the platform navigation',
    path: 'src/pages/index/probe.tsx',
    code: "import { openWizard } from '@/platform/navigation'\nimport { keepDraft } from '@/features/registrations/actions'\nexport const x = [openWizard, keepDraft]\n",
  },
  {
    why: 'a feature imports its own files',
    path: 'src/features/registrations/probe.ts',
    code: "import { keepDraft } from './actions'\nexport const x = keepDraft\n",
  },
  {
    why: 'a store persists through the platform',
    path: 'src/store/probe.ts',
    code: "import { storage } from '@/platform/storage'\nexport const x = storage\n",
  },
  {
    why: 'the worker subpackage reads the shared form model',
    path: 'src/worker/entry/probe.tsx',
    code: "import { STEP_FIELDS } from '@/record/form-spec'\nexport const x = STEP_FIELDS\n",
  },
  {
    why: 'a route calls a service',
    path: 'server/src/routes/probe.ts',
    code: "import { submit } from '../services/submit'\nexport const x = submit\n",
  },
]

let results: { wrong: string[][]; right: string[][] }

beforeAll(() => {
  const all = lint([...WRONG, ...RIGHT])
  results = { wrong: all.slice(0, WRONG.length), right: all.slice(WRONG.length) }
}, 60_000)

test.each(WRONG.map((p, i) => [p.why, i] as const))('refused: %s', (_why, i) => {
  expect(results.wrong[i].filter((r) => r === 'boundaries/dependencies' || r === 'no-restricted-imports')).not.toEqual([])
})

test.each(RIGHT.map((p, i) => [p.why, i] as const))('allowed: %s', (_why, i) => {
  expect(results.right[i]).toEqual([])
})
