/**
 * What a form field needs from the form it sits in, whatever store is behind it: its own committed
 * value (a narrow subscription, so a field re-renders only when its value changes), its own error, a
 * way to commit, and a registry for edits still being typed, so the form can commit them before it
 * validates, changes step or hides.
 */
import { createContext, useContext } from 'react'

export interface FormBinding {
  /** Hook: the committed value at `path`; re-renders the caller only when that value changes. */
  useValue(path: string): unknown
  /** Hook: the error message shown beside the field at `path`, if any. */
  useError(path: string): string | undefined
  /** Hook: a note that this field must be looked at again (a reviewer's return, the server's refusal). */
  useFlag?(path: string): string | undefined
  /** The committed value without subscribing. */
  read(path: string): unknown
  /** Commits a value (undefined or blank removes the answer). */
  commit(path: string, value: unknown): void
  /** Registers a function that commits an edit in progress; returns the unregister function. */
  registerPending(commit: () => void): () => void
}

export const FormContext = createContext<FormBinding | null>(null)

export function useForm(): FormBinding {
  const form = useContext(FormContext)
  if (!form) throw new Error('form field rendered outside a FormContext')
  return form
}

/** DOM id of a field's container: `field-child-name`. Used to scroll to it and by tests. */
export function fieldDomId(path: string): string {
  return `field-${path.replace(/\./g, '-')}`
}

export interface Option<V = string | boolean> {
  value: V
  label: string
}

/** Code tables ({ code, label }) as options. */
export function optionsOf(table: readonly { code: string; label: string }[]): Option<string>[] {
  return table.map((item) => ({ value: item.code, label: item.label }))
}
