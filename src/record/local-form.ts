/**
 * A FormBinding over a small store of its own, so forms without a draft behind them — the worker's (走访记录,
 * 退回原因, 迁移) and the report of a child at risk — use the same field components as the wizard. Errors are
 * keyed by path, as the schema's issues.
 */
import { createStore, useStore } from 'zustand'
import type { FormBinding } from '@/components/form/context'
import { getIn, setIn } from '@/domain/record'

interface State {
  values: Record<string, unknown>
  errors: Record<string, string>
}

export function createLocalForm(initial: Record<string, unknown> = {}) {
  const store = createStore<State>(() => ({ values: initial, errors: {} }))
  const pending = new Set<() => void>()
  const binding: FormBinding = {
    useValue: (path) => useStore(store, (s) => getIn(s.values, path)),
    useError: (path) => useStore(store, (s) => s.errors[path]),
    read: (path) => getIn(store.getState().values, path),
    commit(path, value) {
      const { values, errors } = store.getState()
      // A field that is answered again loses its old message at once.
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
    setErrors(errors: Record<string, string>) {
      store.setState({ errors })
    },
    reset(values: Record<string, unknown> = initial) {
      store.setState({ values, errors: {} })
    },
  }
}

export type LocalForm = ReturnType<typeof createLocalForm>
