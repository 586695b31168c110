/**
 * The report form's values behind the shared field components (components/form/context.ts): a small store
 * of its own, errors keyed by path as the schema's issues are.
 */
import { createStore, useStore } from 'zustand'
import type { FormBinding } from '@/components/form/context'
import { getIn, setIn } from '@/domain/record'

interface State {
  values: Record<string, unknown>
  errors: Record<string, string>
}

export function createReportForm() {
  const store = createStore<State>(() => ({ values: {}, errors: {} }))
  const pending = new Set<() => void>()
  const binding: FormBinding = {
    useValue: (path) => useStore(store, (s) => getIn(s.values, path)),
    useError: (path) => useStore(store, (s) => s.errors[path]),
    read: (path) => getIn(store.getState().values, path),
    commit(path, value) {
      const { values, errors } = store.getState()
      const { [path]: _gone, ...rest } = errors
      store.setState({ values: setIn(values, path, value) as Record<string, unknown>, errors: rest })
    },
    registerPending(commit) {
      pending.add(commit)
      return () => {
        pending.delete(commit)
      }
    },
  }
  return {
    binding,
    /** Commits whatever is still being typed, then returns the values. */
    values(): Record<string, unknown> {
      pending.forEach((commit) => commit())
      return store.getState().values
    },
    setErrors(issues: { path: (string | number)[]; message: string }[]) {
      const errors: Record<string, string> = {}
      for (const i of issues) errors[i.path.join('.')] ??= i.message
      store.setState({ errors })
    },
    reset() {
      store.setState({ values: {}, errors: {} })
    },
  }
}

export type ReportForm = ReturnType<typeof createReportForm>
