/**
 * The guardian's registrations on the server (docs/api.md): submit or edit (PUT, idempotent by the
 * item's UUID), the own list, one record, its history, withdrawing one. Also how the outbox sends a registration item.
 */
import type { HistoryEvent, HistoryPage, OwnList, OwnListItem, RegistrationView } from '@/domain/api'
import type { OutboxError, OutboxItem, ServerListItem, ServerState } from '@/store/outbox'
import { authRequest } from './auth'

export function serverStateOf(view: RegistrationView | OwnListItem): ServerState {
  return {
    status: view.status,
    statusLabel: view.statusLabel,
    version: view.version,
    updatedAt: view.updatedAt,
    allowedActions: view.allowedActions,
    returned: view.returned ?? null,
    termination: view.termination ?? null,
    quarterly: view.quarterly ?? null,
  }
}

const path = (id: string) => `/api/v1/registrations/${encodeURIComponent(id)}`

/** Same id, same body on every attempt: a retry after a lost answer is one record on the server. */
export function putRegistration(id: string, record: unknown, baseVersion?: number): Promise<RegistrationView> {
  return authRequest<RegistrationView>(path(id), {
    method: 'PUT',
    data: baseVersion === undefined ? { record } : { record, baseVersion },
  })
}

export async function fetchMine(): Promise<ServerListItem[]> {
  const body = await authRequest<OwnList>('/api/v1/registrations')
  return (body?.items ?? []).map((v) => ({ id: v.id, childName: v.childName, createdAt: v.createdAt, server: serverStateOf(v) }))
}

export const fetchRegistration = (id: string) => authRequest<RegistrationView>(path(id))

/** Withdraws a registration not yet under review (or returned): the view, status `withdrawn`; a repeat answers the same. */
export const withdrawRegistration = (id: string) => authRequest<RegistrationView>(`${path(id)}/withdraw`, { method: 'POST' })

export async function fetchHistory(id: string): Promise<HistoryEvent[]> {
  return (await authRequest<HistoryPage>(`${path(id)}/history`))?.items ?? []
}

/** How the sync layer sends a registration item and reads the answer. */
export const registrationSender = {
  send: (item: OutboxItem) => putRegistration(item.id, item.record, item.baseVersion),
  serverState: (answer: unknown) => serverStateOf(answer as RegistrationView),
  conflictRecord: (current: unknown) => (current as RegistrationView | undefined)?.record,
  /** An edit identical to what the server holds is answered 200 and changes nothing: still returned. */
  check(item: OutboxItem, answer: unknown): OutboxError | undefined {
    if (item.baseVersion === undefined || (answer as RegistrationView)?.status !== 'returned') return undefined
    return { kind: 'http', status: 200, code: 'unchanged', message: '' }
  },
}
