/**
 * The folders of src/ import each other in one direction only (docs/architecture.md, "Layers"): no cycle
 * between two folders, however long, so each layer can be read, tested and moved without the ones above
 * it. A folder here is a top-level folder of src/, and each feature of src/features on its own.
 */
import { readFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { filesUnder, specifiers } from './imports'

const SRC = resolve(__dirname, '../../src')
const SOURCES = filesUnder(SRC).filter((f) => /\.(ts|tsx)$/.test(f))

/** 'features/registrations/actions.ts' → 'features/registrations'; 'store/drafts.ts' → 'store'; 'app.ts' → 'app'. */
function folderOf(file: string): string {
  const parts = relative(SRC, file).split('/')
  if (parts.length === 1) return 'app'
  return parts[0] === 'features' ? parts.slice(0, 2).join('/') : parts[0]
}

/** The file an import names, when it is inside src/ (an alias or a relative path); packages are left out. */
function target(from: string, spec: string): string | undefined {
  if (spec.startsWith('@/')) return join(SRC, spec.slice(2))
  if (spec.startsWith('.')) return resolve(dirname(from), spec)
  return undefined
}

function folderGraph(): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>()
  for (const file of SOURCES) {
    const from = folderOf(file)
    for (const spec of specifiers(readFileSync(file, 'utf8'))) {
      const to = target(file, spec)
      if (!to || !to.startsWith(`${SRC}/`)) continue
      const folder = folderOf(to)
      if (folder !== from) graph.set(from, (graph.get(from) ?? new Set()).add(folder))
    }
  }
  return graph
}

/** Strongly connected components of more than one folder (Tarjan): each one is a cycle. */
function cycles(graph: Map<string, Set<string>>): string[][] {
  const index = new Map<string, number>()
  const low = new Map<string, number>()
  const stack: string[] = []
  const found: string[][] = []
  const visit = (node: string) => {
    index.set(node, index.size)
    low.set(node, index.get(node)!)
    stack.push(node)
    for (const next of graph.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next)
        low.set(node, Math.min(low.get(node)!, low.get(next)!))
      } else if (stack.includes(next)) {
        low.set(node, Math.min(low.get(node)!, index.get(next)!))
      }
    }
    if (low.get(node) === index.get(node)) {
      const component: string[] = []
      let top: string
      do {
        top = stack.pop()!
        component.push(top)
      } while (top !== node)
      if (component.length > 1) found.push(component.sort())
    }
  }
  for (const node of graph.keys()) if (!index.has(node)) visit(node)
  return found
}

test('the cycle finder finds a cycle of three and none in a chain', () => {
  const graph = (edges: string[]) => {
    const g = new Map<string, Set<string>>()
    for (const e of edges) {
      const [a, b] = e.split('>')
      g.set(a, (g.get(a) ?? new Set()).add(b))
    }
    return g
  }
  expect(cycles(graph(['a>b', 'b>c', 'c>a', 'c>d']))).toEqual([['a', 'b', 'c']])
  expect(cycles(graph(['a>b', 'b>c', 'a>c']))).toEqual([])
})

test('no import cycle among the folders of src/', () => {
  const graph = folderGraph()
  // The graph is read at all: the layers this test is about are there and import each other.
  expect([...(graph.get('services') ?? [])]).toEqual(expect.arrayContaining(['platform', 'store']))
  expect(cycles(graph)).toEqual([])
})
