/** The transfer endpoints (docs/api.md, "Transfers"), signed with the worker's token like every worker call. */
import type { TransferItem, TransferList } from '@/domain/api'
import type { TransferStart } from '@/domain/transfer'
import { call } from './api'

export const transfersApi = {
  list: () => call<TransferList>('/transfers'),
  start: (registrationId: string, body: TransferStart) =>
    call<TransferItem>(`/registrations/${encodeURIComponent(registrationId)}/transfer`, { method: 'POST', data: body }),
  accept: (id: string) => call<TransferItem>(`/transfers/${encodeURIComponent(id)}/accept`, { method: 'POST', data: {} }),
  decline: (id: string, reason: string) =>
    call<TransferItem>(`/transfers/${encodeURIComponent(id)}/decline`, { method: 'POST', data: { reason } }),
  cancel: (id: string) => call<TransferItem>(`/transfers/${encodeURIComponent(id)}/cancel`, { method: 'POST', data: {} }),
}
