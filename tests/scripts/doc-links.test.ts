/**
 * The repository stands on its own: every relative link in its Markdown names a file that exists, and a
 * link's #anchor names a heading of its target; source comments that point at `docs/….md` point at a file
 * that exists; and nothing refers to reference notes kept outside the repository (whose names are listed
 * below), since a reader of the repository cannot open them. Policy facts live in docs/policy.md, the
 * house rules in docs/architecture.md.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, relative, resolve } from 'node:path'
import MarkdownIt from 'markdown-it'

const ROOT = resolve(__dirname, '../..')
/** Built, installed or generated (data: the server's DATA_DIR and the region tables), not the repository's own text. */
const SKIPPED_DIRS = new Set(['node_modules', 'dist', '.git', '.swc', 'test-results', 'coverage', 'data'])
const SOURCE_FILE = /\.(ts|tsx|js|jsx|mjs|cjs|scss|json|sh)$/
/** Written as parts so that this file does not name them itself. */
const OUTSIDE_NOTES = ['DOMAIN', 'ANCHORS', 'DESIGN', 'STYLE-AND-PERF', 'TOOLCHAIN'].map((name) => `${name}.md`)

const md = new MarkdownIt()

function filesUnder(root: string, dir = root): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.isDirectory()) return SKIPPED_DIRS.has(entry.name) ? [] : filesUnder(root, join(dir, entry.name))
    return [join(dir, entry.name)]
  })
}

/** GitHub's heading anchors: lower case, punctuation dropped, spaces as hyphens, repeats numbered -1, -2 … */
function headingAnchors(markdown: string): Set<string> {
  const anchors = new Set<string>()
  const seen = new Map<string, number>()
  const tokens = md.parse(markdown, {})
  tokens.forEach((token, i) => {
    if (token.type !== 'heading_open') return
    const text = (tokens[i + 1].children ?? [])
      .filter((c) => c.type === 'text' || c.type === 'code_inline')
      .map((c) => c.content)
      .join('')
    const base = text
      .trim()
      .toLowerCase()
      .replace(/[^\p{L}\p{M}\p{N}\p{Pc}\- ]/gu, '')
      .replace(/ /g, '-')
    const count = seen.get(base) ?? 0
    seen.set(base, count + 1)
    anchors.add(count === 0 ? base : `${base}-${count}`)
  })
  return anchors
}

/** Link and image targets of a Markdown text (not the text of code blocks or code spans). */
function linkTargets(markdown: string): string[] {
  const out: string[] = []
  for (const token of md.parse(markdown, {})) {
    for (const child of token.children ?? []) {
      const target = child.type === 'link_open' ? child.attrGet('href') : child.type === 'image' ? child.attrGet('src') : null
      if (target !== null) out.push(String(target))
    }
  }
  return out
}

/** What is wrong with the links of one Markdown file, one line per problem. */
function brokenLinks(file: string, root: string): string[] {
  const problems: string[] = []
  const name = relative(root, file)
  for (const target of linkTargets(readFileSync(file, 'utf8'))) {
    // Web addresses, mail and the like are outside this check; only links into the repository are.
    if (/^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('//')) continue
    const [pathPart, anchor] = target.split('#', 2)
    const path = decodeURIComponent(pathPart)
    const dest = path === '' ? file : path.startsWith('/') ? join(root, path) : resolve(dirname(file), path)
    if (!dest.startsWith(root) || !existsSync(dest)) {
      problems.push(`${name}: link to ${target}: no such file`)
      continue
    }
    if (anchor === undefined || anchor === '') continue
    if (statSync(dest).isDirectory() || !dest.endsWith('.md')) {
      problems.push(`${name}: link to ${target}: an anchor needs a Markdown file`)
    } else if (!headingAnchors(readFileSync(dest, 'utf8')).has(decodeURIComponent(anchor).toLowerCase())) {
      problems.push(`${name}: link to ${target}: ${relative(root, dest)} has no heading #${anchor}`)
    }
  }
  return problems
}

/** Files that name a reference note kept outside the repository, or a docs/….md that does not exist. */
function strayReferences(files: string[], root: string): string[] {
  const problems: string[] = []
  for (const file of files) {
    const text = readFileSync(file, 'utf8')
    const name = relative(root, file)
    for (const note of OUTSIDE_NOTES) if (text.includes(note)) problems.push(`${name}: names ${note}, which is not in the repository`)
    for (const [doc] of text.matchAll(/\bdocs\/[\w./-]+\.md\b/g)) {
      if (!existsSync(join(root, doc))) problems.push(`${name}: names ${doc}, which does not exist`)
    }
  }
  return problems
}

const repoFiles = filesUnder(ROOT)
const markdownFiles = repoFiles.filter((f) => f.endsWith('.md'))
const sourceFiles = repoFiles.filter((f) => SOURCE_FILE.test(f) && !f.endsWith('package-lock.json'))

test('every relative link in the Markdown files resolves, anchors included', () => {
  // The check must not pass by finding nothing.
  expect(markdownFiles.map((f) => relative(ROOT, f))).toEqual(
    expect.arrayContaining(['README.md', 'docs/architecture.md', 'docs/policy.md']),
  )
  const linked = markdownFiles.flatMap((f) => linkTargets(readFileSync(f, 'utf8')))
  expect(linked.filter((t) => t.includes('#')).length).toBeGreaterThan(5)
  expect(markdownFiles.flatMap((f) => brokenLinks(f, ROOT))).toEqual([])
})

test('neither docs nor code refer to notes outside the repository or to docs that do not exist', () => {
  expect(sourceFiles.length).toBeGreaterThan(100)
  expect(strayReferences([...markdownFiles, ...sourceFiles], ROOT)).toEqual([])
})

describe('the checks themselves', () => {
  let dir: string
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'doc-links-'))
    mkdirSync(join(dir, 'guide'))
  })
  afterEach(() => rmSync(dir, { recursive: true, force: true }))
  const write = (file: string, text: string) => writeFileSync(join(dir, file), text)

  test('GitHub anchors: punctuation dropped, Chinese kept, code spans read, repeats numbered', () => {
    const anchors = headingAnchors('# Idempotency: `PUT /registrations/:id`\n## 事实无人抚养儿童 (民发〔2019〕62号)\n## Notes\n## Notes\n')
    expect([...anchors]).toEqual(['idempotency-put-registrationsid', '事实无人抚养儿童-民发201962号', 'notes', 'notes-1'])
  })

  test('finds a missing file, a missing heading and an anchor on a folder; ignores code and web links', () => {
    write('guide/a.md', '# Top\n## Rules of the house\n')
    write(
      'README.md',
      [
        '[ok](guide/a.md) [ok](guide/a.md#rules-of-the-house) [ok](#here) [ok](guide) [web](https://example.org/x.md#y)',
        '[gone](guide/gone.md) [bad anchor](guide/a.md#rules) [folder anchor](guide#x) [here](#nowhere)',
        '`[in code](guide/gone.md)`',
        '```',
        '[in a block](guide/gone.md)',
        '```',
        '# Here',
        '',
      ].join('\n'),
    )
    expect(brokenLinks(join(dir, 'README.md'), dir)).toEqual([
      'README.md: link to guide/gone.md: no such file',
      'README.md: link to guide/a.md#rules: guide/a.md has no heading #rules',
      'README.md: link to guide#x: an anchor needs a Markdown file',
      'README.md: link to #nowhere: README.md has no heading #nowhere',
    ])
  })

  test('finds an outside note named in code and a docs path that does not exist', () => {
    const docs = 'docs' // spelt apart so that this file names no missing doc itself
    mkdirSync(join(dir, docs))
    write(`${docs}/a.md`, '# A\n')
    write('code.ts', `// see ${OUTSIDE_NOTES[0]} §1 and ${docs}/a.md, ${docs}/b.md\n`)
    expect(strayReferences([join(dir, 'code.ts')], dir)).toEqual([
      `code.ts: names ${OUTSIDE_NOTES[0]}, which is not in the repository`,
      `code.ts: names ${docs}/b.md, which does not exist`,
    ])
  })
})
