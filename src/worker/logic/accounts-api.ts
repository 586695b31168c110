/** The account endpoints (docs/api.md, "Accounts"), signed with the worker's token like every call. */
import type { AccessAnswer, AccountList, AccountView, AccountWithPassword, ImportPreview, ImportResult } from '@/domain/api'
import { call, download } from './api'
import type { Session } from './session'

export interface NewAccount {
  displayName: string
  phone: string
  role: string
  regionCode: string
}

export const accountsApi = {
  list: () => call<AccountList>('/accounts'),
  create: (body: NewAccount) => call<AccountWithPassword>('/accounts', { method: 'POST', data: body }),
  edit: (id: string, body: { role?: string; regionCode?: string; displayName?: string }) =>
    call<{ account: AccountView }>(`/accounts/${id}/edit`, { method: 'POST', data: body }),
  disable: (id: string) => call<{ account: AccountView }>(`/accounts/${id}/disable`, { method: 'POST' }),
  enable: (id: string) => call<{ account: AccountView }>(`/accounts/${id}/enable`, { method: 'POST' }),
  resetPassword: (id: string) => call<AccountWithPassword>(`/accounts/${id}/reset-password`, { method: 'POST' }),
  previewImport: (file: string) => call<ImportPreview>('/accounts/import/preview', { method: 'POST', data: { file } }),
  runImport: (file: string) => call<ImportResult>('/accounts/import', { method: 'POST', data: { file } }),
  passwordSheet: (batch: string, filename: string) =>
    download({ path: `/api/v1/accounts/import/${batch}/passwords.xlsx`, filename, fileType: 'xlsx' }),
  changePassword: (currentPassword: string, newPassword: string) =>
    call<Session>('/auth/password', { method: 'POST', data: { currentPassword, newPassword } }),
  access: (id: string) => call<AccessAnswer>(`/registrations/${id}/access`),
}
