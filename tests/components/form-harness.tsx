/** A form binding over a plain zustand store, to test field components without the wizard. */
import { render } from '@testing-library/react'
import type { ReactNode } from 'react'
import { createStore, useStore } from 'zustand'
import { FormContext, type FormBinding } from '@/components/form/context'
import { getIn, setIn } from '@/domain/record'

export function renderInForm(ui: ReactNode, initial: Record<string, unknown> = {}, errors: Record<string, string> = {}) {
  const store = createStore<{ values: Record<string, unknown> }>(() => ({ values: initial }))
  const pending = new Set<() => void>()
  const binding: FormBinding = {
    useValue: (path) => useStore(store, (s) => getIn(s.values, path)),
    useError: (path) => errors[path],
    read: (path) => getIn(store.getState().values, path),
    commit: (path, value) => store.setState({ values: setIn(store.getState().values, path, value) }),
    registerPending: (commit) => {
      pending.add(commit)
      return () => {
        pending.delete(commit)
      }
    },
  }
  const view = render(<FormContext.Provider value={binding}>{ui}</FormContext.Provider>)
  return { view, store, values: () => store.getState().values, flushPending: () => pending.forEach((c) => c()) }
}
