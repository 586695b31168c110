/**
 * "Something changed on the server": bumped after every review action, so the queue (which stays mounted
 * under the entry page in WeChat's page stack) reloads when the worker comes back to it.
 */
import { createStore, useStore } from 'zustand'

const changes = createStore<{ n: number }>(() => ({ n: 0 }))

export function markChanged(): void {
  changes.setState({ n: changes.getState().n + 1 })
}

export function useChanges(): number {
  return useStore(changes, (s) => s.n)
}
