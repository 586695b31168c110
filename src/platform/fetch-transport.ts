/**
 * The H5 page's transport: the browser's own fetch. Taro.request's H5 build carries a fetch polyfill, an
 * AbortController polyfill and a JSONP client (about 47 KB of script before compression) into the first
 * script every phone must run before home shows; a browser that runs this page has fetch already.
 * Answers as Taro.request gives them: the status and the body parsed as JSON (the text itself if it is not
 * JSON); no answer at all (no signal, refused, timed out) rejects, which request() reads as offline.
 */
import type { HttpRequest, HttpResponse } from './request'

export async function fetchTransport(request: HttpRequest): Promise<HttpResponse> {
  const controller = new AbortController()
  const timer = setTimeout(() => controller.abort(), request.timeout)
  try {
    const response = await fetch(request.url, {
      method: request.method,
      headers: request.header,
      body: request.data === undefined || request.method === 'GET' ? undefined : JSON.stringify(request.data),
      signal: controller.signal,
    })
    const text = await response.text()
    return { statusCode: response.status, data: parseBody(text) }
  } catch (error) {
    // An abort names no cause a person can act on: say what happened.
    throw controller.signal.aborted ? new Error(`request:fail timeout ${request.timeout} ms`) : error
  } finally {
    clearTimeout(timer)
  }
}

function parseBody(text: string): unknown {
  if (!text) return ''
  try {
    return JSON.parse(text)
  } catch {
    return text
  }
}
