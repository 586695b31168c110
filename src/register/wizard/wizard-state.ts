/**
 * One open wizard: binds the form fields to one draft in the drafts store, holds the errors being shown,
 * and moves between steps. Leaving a step forward validates it with the domain schema; going back never
 * blocks and never loses anything; every move first commits what is still being typed.
 */
import { createContext, useContext } from 'react'
import { createStore, useStore } from 'zustand'
import type { SummaryItem } from '@/components/error-summary'
import { fieldDomId, type FormBinding } from '@/components/form/context'
import { getIn, setIn, STEP_ORDER, type DraftRecord } from '@/domain/record'
import { validateStep, type StepKey } from '@/domain/schema'
import { scrollToSelector, scrollToTop } from '@/platform/system'
import { STEP_FIELDS, visibleFields } from '@/record/form-spec'
import { applySkipRules } from '@/record/skip-rules'
import { draftsStore, type DraftFix } from '@/store/drafts'
import { placeIssues } from '../logic/issues'
import { FIX_TEXT } from '../strings'

/**
 * The note beside a field the guardian is asked to correct: the server's message for it, or a plain "fix
 * this" when a reviewer named it (or the part of the record it is in, such as 委托照护人; a whole step is
 * named in the banner only, not on each of its fields).
 */
export function flagFor(fix: DraftFix | undefined, path: string): string | undefined {
  if (!fix) return undefined
  const message = fix.messages?.[path]
  if (message) return message
  const named = fix.fields.some((f) => f === path || (f.includes('.') && path.startsWith(`${f}.`)))
  if (!named) return undefined
  return fix.source === 'returned' ? FIX_TEXT.flagReturned : FIX_TEXT.flagCheck
}

interface UiState {
  errors: Record<string, string>
  summary: SummaryItem[]
  /** After a failed 下一步, errors are re-checked on every commit so they disappear as they are fixed. */
  checking: boolean
  /** Came from the review step through a 修改 link: offer to go straight back. */
  returnToReview: boolean
}

const EMPTY: UiState = { errors: {}, summary: [], checking: false, returnToReview: false }

export function createWizard(draftId: string) {
  const ui = createStore<UiState>(() => EMPTY)
  const pending = new Set<() => void>()
  const record = () => draftsStore.getState().drafts[draftId]?.record
  const step = () => draftsStore.getState().drafts[draftId]?.step ?? 'child'

  /** Validates a step and shows its issues; returns how many there are. */
  const check = (key: StepKey): number => {
    const r = record()
    if (!r || key === 'consent') return 0
    const issues = validateStep(key, r as unknown as Record<string, unknown>)
    const placed = placeIssues(issues, visibleFields(STEP_FIELDS[key], r))
    ui.setState({ errors: placed.byPath, summary: placed.summary })
    return issues.length
  }

  const binding: FormBinding = {
    useValue: (path) => useStore(draftsStore, (s) => getIn(s.drafts[draftId]?.record, path)),
    useError: (path) => useStore(ui, (s) => s.errors[path]),
    useFlag: (path) => useStore(draftsStore, (s) => flagFor(s.drafts[draftId]?.fix, path)),
    read: (path) => getIn(record(), path),
    commit(path, value) {
      draftsStore.getState().updateRecord(draftId, (r) => applySkipRules(setIn(r, path, value)))
      if (ui.getState().checking) check(step())
    },
    registerPending(commit) {
      pending.add(commit)
      return () => {
        pending.delete(commit)
      }
    },
  }

  const flushPending = () => {
    for (const commit of [...pending]) commit()
  }

  const moveTo = (key: StepKey, returnToReview = false) => {
    ui.setState({ ...EMPTY, returnToReview })
    draftsStore.getState().setStep(draftId, key)
    scrollToTop()
  }

  const showErrors = () => {
    ui.setState({ checking: true })
    // After React has rendered the error marks.
    setTimeout(() => scrollToSelector('.field--invalid'), 50)
  }

  return {
    draftId,
    ui,
    binding,
    flushPending,
    /** 保存，以后再填: what is being typed is committed, and the draft is on the phone now. */
    save() {
      flushPending()
      draftsStore.getState().saveNow()
    },
    record,
    /** 下一步 (or back to the review page after a 修改): only when this step is valid. */
    next(): boolean {
      flushPending()
      const current = step()
      if (check(current) > 0) {
        showErrors()
        return false
      }
      const target = ui.getState().returnToReview ? 'consent' : STEP_ORDER[STEP_ORDER.indexOf(current) + 1]
      if (target) moveTo(target)
      return true
    },
    back() {
      flushPending()
      const at = STEP_ORDER.indexOf(step())
      if (at > 0) moveTo(STEP_ORDER[at - 1])
    },
    /**
     * The step bar: back to any step at once; forward past steps only while each of them is complete, the
     * same rule as 下一步 — it stops at the first step with problems and shows them there.
     */
    jump(key: StepKey) {
      flushPending()
      const from = STEP_ORDER.indexOf(step())
      const to = STEP_ORDER.indexOf(key)
      if (to === from) return
      const r = record() as unknown as Record<string, unknown> | undefined
      for (let i = from; i < to && r; i++) {
        const passed = STEP_ORDER[i]
        if (passed === 'consent' || validateStep(passed, r).length === 0) continue
        if (i !== from) moveTo(passed)
        check(passed)
        showErrors()
        return
      }
      moveTo(key)
    },
    /** Jump to a step (修改 links); with `showIssues`, its problems are shown at once. */
    goTo(key: StepKey, options: { fromReview?: boolean; showIssues?: boolean } = {}) {
      flushPending()
      moveTo(key, !!options.fromReview)
      if (options.showIssues && check(key) > 0) showErrors()
    },
    focus(path: string) {
      scrollToSelector(`#${fieldDomId(path)}`)
    },
  }
}

export type Wizard = ReturnType<typeof createWizard>

export const WizardContext = createContext<Wizard | null>(null)

export function useWizard(): Wizard {
  const wizard = useContext(WizardContext)
  if (!wizard) throw new Error('useWizard outside the wizard page')
  return wizard
}

/** The current draft record, subscribed to as a whole (only the review step needs this). */
export function useWholeRecord(draftId: string): DraftRecord | undefined {
  return useStore(draftsStore, (s) => s.drafts[draftId]?.record)
}
