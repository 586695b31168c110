/**
 * HTTP for the mini-program: the only module that calls Taro.request (the H5 page uses the browser's fetch,
 * fetch-transport.ts). The base URL comes from
 * TARO_APP_API (.env.* files). The transport can be replaced (tests, or a future signed-request layer),
 * so that no caller needs to know how bytes travel.
 */
import Taro from '@tarojs/taro'
import { fetchTransport } from './fetch-transport'

export interface HttpRequest {
  url: string
  method: 'GET' | 'POST' | 'PUT' | 'DELETE'
  data?: unknown
  header?: Record<string, string>
  timeout: number
}

export interface HttpResponse {
  statusCode: number
  data: unknown
}

export type Transport = (request: HttpRequest) => Promise<HttpResponse>

/** offline: no answer at all (no signal, timeout, DNS); http: the server answered with an error status. */
export class RequestError extends Error {
  constructor(
    readonly kind: 'offline' | 'http',
    message: string,
    readonly statusCode?: number,
    readonly data?: unknown,
  ) {
    super(message)
    this.name = 'RequestError'
  }
}

const taroTransport: Transport = async (request) => {
  const response = await Taro.request({
    url: request.url,
    method: request.method,
    data: request.data as Parameters<typeof Taro.request>[0]['data'],
    header: request.header,
    timeout: request.timeout,
    dataType: 'json',
  })
  return { statusCode: response.statusCode, data: response.data }
}

// TARO_ENV is a build-time constant: each build keeps one of the two, and the H5 build none of Taro.request.
let transport: Transport = process.env.TARO_ENV === 'h5' ? fetchTransport : taroTransport

/** Replaces the transport; returns a function that puts the previous one back. */
export function setTransport(next: Transport): () => void {
  const previous = transport
  transport = next
  return () => {
    transport = previous
  }
}

export function apiUrl(path: string): string {
  const base = (process.env.TARO_APP_API ?? '').replace(/\/+$/, '')
  return `${base}${path.startsWith('/') ? path : `/${path}`}`
}

export const DEFAULT_TIMEOUT_MS = 15000

export async function request<T>(
  path: string,
  options: { method?: HttpRequest['method']; data?: unknown; header?: Record<string, string>; timeout?: number } = {},
): Promise<T> {
  let response: HttpResponse
  try {
    response = await transport({
      url: apiUrl(path),
      method: options.method ?? 'GET',
      data: options.data,
      header: { 'content-type': 'application/json', ...options.header },
      timeout: options.timeout ?? DEFAULT_TIMEOUT_MS,
    })
  } catch (error) {
    throw new RequestError('offline', error instanceof Error ? error.message : String((error as { errMsg?: string })?.errMsg ?? error))
  }
  if (response.statusCode < 200 || response.statusCode >= 300) {
    throw new RequestError('http', `HTTP ${response.statusCode}`, response.statusCode, response.data)
  }
  return response.data as T
}
