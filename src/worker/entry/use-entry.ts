/** Loads one record and its history together, and again on demand (after an action, or a refusal). */
import { useCallback, useEffect, useRef, useState } from 'react'
import type { HistoryEvent, RegistrationView } from '@/domain/api'
import { errorText, SignedOutError, workerApi } from '../logic/api'
import { toLogin } from '../logic/nav'

export interface EntryState {
  entry?: RegistrationView
  history: HistoryEvent[]
  loading: boolean
  problem?: string
}

export function useEntry(id: string) {
  const [state, setState] = useState<EntryState>({ history: [], loading: true })
  const latest = useRef(0)
  const reload = useCallback(async () => {
    const ticket = ++latest.current
    setState((s) => ({ ...s, loading: true, problem: undefined }))
    try {
      const [entry, history] = await Promise.all([workerApi.entry(id), workerApi.history(id)])
      if (ticket === latest.current) setState({ entry, history: history.items, loading: false })
    } catch (error) {
      if (error instanceof SignedOutError) return toLogin()
      if (ticket === latest.current) setState((s) => ({ ...s, loading: false, problem: errorText(error) }))
    }
  }, [id])
  useEffect(() => {
    reload()
  }, [reload])
  return { ...state, reload }
}
