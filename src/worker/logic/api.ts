/**
 * The worker endpoints (docs/api.md), each call signed with the worker's token. A 401 means the token is
 * no longer good (expired, account disabled): the session is forgotten and SignedOutError tells the page
 * to go to the login. Errors are turned into the Chinese sentence the server wrote for the person.
 */
import type {
  ErrorBody,
  HistoryPage,
  QuarterlyProgress,
  QueuePage,
  QueueQuery,
  RegionChildren,
  RegionStats,
  RegistrationView,
  RevealAnswer,
  ReviewBrief,
} from '@/domain/api'
import type { ReviewInput } from '@/domain/review'
import { downloadFile, type DownloadRequest } from '@/platform/download'
import { request, RequestError } from '@/platform/request'
import { ERROR_TEXT } from '../strings'
import { currentSession, signOut } from './session'

/**
 * The queue's filters, as the list page keeps them (the cursor and page size are the list's own). `recheck`:
 * the 待复核 list, a list of its own on the server (`GET /review/rechecks`).
 */
export type QueueFilter = Pick<QueueQuery, 'category' | 'q'> & { status?: QueueQuery['status'] | 'recheck' }

export class SignedOutError extends Error {
  constructor() {
    super(ERROR_TEXT.signedOut)
    this.name = 'SignedOutError'
  }
}

export function authHeader(token: string): Record<string, string> {
  return { authorization: `Bearer ${token}` }
}

export async function call<T>(path: string, options: { method?: 'GET' | 'POST'; data?: unknown } = {}): Promise<T> {
  const session = currentSession()
  if (!session) throw new SignedOutError()
  try {
    return await request<T>(`/api/v1${path}`, { ...options, header: authHeader(session.token) })
  } catch (error) {
    if (error instanceof RequestError && error.statusCode === 401) {
      signOut()
      throw new SignedOutError()
    }
    throw error
  }
}

export function query(params: Record<string, string | undefined>): string {
  const parts = Object.entries(params)
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => `${k}=${encodeURIComponent(v as string)}`)
  return parts.length ? `?${parts.join('&')}` : ''
}

export const workerApi = {
  queue: (filter: QueueFilter, cursor?: string) =>
    filter.status === 'recheck'
      ? call<QueuePage>(`/review/rechecks${query({ cursor })}`)
      : call<QueuePage>(`/review/queue${query({ status: filter.status, category: filter.category, q: filter.q, cursor })}`),
  entry: (id: string) => call<RegistrationView>(`/registrations/${id}`),
  history: (id: string) => call<HistoryPage>(`/registrations/${id}/history`),
  review: (id: string, body: ReviewInput) => call<ReviewBrief>(`/registrations/${id}/review`, { method: 'POST', data: body }),
  reveal: (id: string, field: string) => call<RevealAnswer>(`/registrations/${id}/reveal`, { method: 'POST', data: { field } }),
  stats: (region?: string) => call<RegionStats>(`/stats${query({ region })}`),
  /** 动态更新: the quarter's completion; for a village worker, who has not answered. */
  quarterly: (quarter?: string) => call<QuarterlyProgress>(`/review/quarterly${query({ quarter })}`),
  /** The next level of a region (a county's townships), for the overview's chooser. Public. */
  children: (code: string) => request<RegionChildren>(`/api/v1/regions/${code}/children`),
  exportRoster: (region: string | undefined, mask: boolean, filename: string) =>
    download({ path: `/api/v1/export.xlsx${query({ region, mask: mask ? '1' : undefined })}`, filename, fileType: 'xlsx' }),
  /** One record's 一人一表 or 事实无人抚养 application, printed by the server as PDF. */
  printForm: (id: string, form: 'form' | 'allowance-application', filename: string) =>
    download({ path: `/api/v1/registrations/${id}/${form}.pdf`, filename, fileType: 'pdf' }),
}

/** A file made by the server, fetched with the worker's token (a 401 signs out, as for every call). */
export async function download(request: Omit<DownloadRequest, 'header'>): Promise<void> {
  const session = currentSession()
  if (!session) throw new SignedOutError()
  try {
    await downloadFile({ ...request, header: authHeader(session.token) })
  } catch (error) {
    if (error instanceof RequestError && error.statusCode === 401) {
      signOut()
      throw new SignedOutError()
    }
    throw error
  }
}

/** A failure whose message is already the sentence to show (e.g. the server's refusal of a queued visit). */
export class ShownError extends Error {}

/** The sentence to show for a failed call. */
export function errorText(error: unknown): string {
  if (error instanceof SignedOutError) return ERROR_TEXT.signedOut
  if (error instanceof ShownError) return error.message
  if (error instanceof RequestError) {
    if (error.kind === 'offline') return ERROR_TEXT.offline
    const message = (error.data as Partial<ErrorBody> | undefined)?.error?.message
    if (message) return message
  }
  return ERROR_TEXT.generic
}

/** The server's error code (`invalid_transition`, `stale_version` …), if it answered with one. */
export function errorCode(error: unknown): string | undefined {
  return error instanceof RequestError ? (error.data as Partial<ErrorBody> | undefined)?.error?.code : undefined
}
