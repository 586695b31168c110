/**
 * From the schema's issues to what the page shows: each message beside a visible field (its own path,
 * else the first field inside the object the issue names), and a summary in the order of the page.
 * Also which visible fields may be left empty, found by asking the schema rather than restating it.
 */
import { setIn, type DraftRecord } from '@/domain/record'
import { validateStep, type Issue, type StepKey } from '@/domain/schema'
import { isAnswer, type FieldSpec } from '@/record/form-spec'

export interface PlacedIssues {
  /** First message per field path. */
  byPath: Record<string, string>
  /** Every message, in page order; path = the field it belongs to. */
  summary: { path: string; message: string }[]
}

export function placeIssues(issues: readonly Issue[], visible: readonly FieldSpec[]): PlacedIssues {
  const answers = visible.filter(isAnswer)
  const located = issues.map((issue, n) => {
    const path = issue.path.join('.')
    let at = answers.findIndex((s) => s.path === path)
    if (at < 0) at = answers.findIndex((s) => s.path.startsWith(`${path}.`))
    return { path: at >= 0 ? answers[at].path : path, message: issue.message, order: at >= 0 ? at : answers.length + n }
  })
  located.sort((a, b) => a.order - b.order)
  const byPath: Record<string, string> = {}
  for (const item of located) byPath[item.path] ??= item.message
  // One line per message, even when two rules say the same thing about one field.
  const seen = new Set<string>()
  const summary = located
    .filter((i) => !seen.has(`${i.path}|${i.message}`) && seen.add(`${i.path}|${i.message}`))
    .map(({ path, message }) => ({ path, message }))
  return { byPath, summary }
}

/** Paths of visible answer fields the schema accepts empty (shown as "选填"). */
export function optionalPaths(step: StepKey, record: DraftRecord, visible: readonly FieldSpec[]): Set<string> {
  const out = new Set<string>()
  for (const spec of visible) {
    if (!isAnswer(spec)) continue
    const probe = setIn(record, spec.path, spec.kind === 'multi' ? [] : undefined)
    const issues = validateStep(step, probe as unknown as Record<string, unknown>)
    if (!issues.some((i) => i.path.join('.') === spec.path)) out.add(spec.path)
  }
  return out
}
