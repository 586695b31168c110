/**
 * One error shape for every failure: `{ error: { code, message, issues?, current? } }`, the message in
 * Chinese for the person in front of the phone, the code in English for the program. Nothing else leaves
 * the server: no stack, no SQL, no library message.
 */
import type { FastifyError, FastifyInstance } from 'fastify'
import type { ErrorBody } from '../../src/domain/api'
import type { Issue } from '../../src/domain/schema'

export type { ErrorBody }

export class HttpError extends Error {
  /** Sent as Retry-After (a 429 that knows when trying again can work). */
  retryAfterSeconds?: number
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly extra: { issues?: Issue[]; current?: unknown } = {},
  ) {
    super(message)
  }
}

export const badRequest = (message: string, issues?: Issue[]) => new HttpError(400, 'validation', message, { issues })
export const unauthorized = (message = '请先登录') => new HttpError(401, 'unauthorized', message)
export const forbidden = (message = '没有权限执行此操作') => new HttpError(403, 'forbidden', message)
export const notFound = (message = '找不到这条登记') => new HttpError(404, 'not_found', message)
export const conflict = (code: string, message: string, current?: unknown) => new HttpError(409, code, message, { current })
export const gone = (message: string) => new HttpError(410, 'gone', message)

/** Errors raised by Fastify itself (body parsing, limits, schemas), in the same shape. */
function fromFastify(err: FastifyError): HttpError | undefined {
  switch (err.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new HttpError(413, 'payload_too_large', '提交的内容太大（上限256KB）')
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new HttpError(415, 'unsupported_media_type', '请以 application/json 格式提交')
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return badRequest('提交的内容为空')
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return new HttpError(400, 'invalid_json', '提交的内容不是有效的JSON')
  }
  if (err.validation) {
    const where = err.validationContext
    const message = where === 'params' ? '编号格式不对' : where === 'querystring' ? '查询参数不对' : '提交的内容格式不对'
    const issues = err.validation.map((v) => ({
      path: [where ?? 'body', ...v.instancePath.split('/').filter(Boolean)],
      message: '格式不对',
    }))
    return badRequest(message, issues)
  }
  if (err.statusCode === 429) return new HttpError(429, 'rate_limited', '操作太频繁，请稍后再试')
  if (err instanceof SyntaxError && err.statusCode === 400) return new HttpError(400, 'invalid_json', '提交的内容不是有效的JSON')
  // Any other refusal a plugin raises with a 4xx of its own (the static files' "forbidden path" for
  // `/../../x`, a malformed URI): the client's mistake, answered as one and not logged as a server fault.
  const status = err.statusCode
  if (typeof status === 'number' && status >= 400 && status < 500) {
    if (status === 404) return new HttpError(404, 'not_found', '找不到这个页面')
    if (status === 403) return forbidden('不能访问这个地址')
    return new HttpError(status, 'bad_request', '请求的地址或格式不对')
  }
  return undefined
}

export function toBody(err: HttpError): ErrorBody {
  return { error: { code: err.code, message: err.message, ...err.extra } }
}

export function installErrorHandlers(app: FastifyInstance) {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    const known = err instanceof HttpError ? err : fromFastify(err)
    if (known) {
      if (known.statusCode >= 500) req.log.error(err)
      if (known.retryAfterSeconds) reply.header('retry-after', String(known.retryAfterSeconds))
      return reply.code(known.statusCode).send(toBody(known))
    }
    // Unknown: log everything, tell the client nothing it could learn the internals from.
    req.log.error(err)
    return reply.code(500).send(toBody(new HttpError(500, 'internal', '服务器出错了，请稍后再试')))
  })
  app.setNotFoundHandler((_req, reply) => {
    reply.code(404).send(toBody(new HttpError(404, 'not_found', '接口不存在')))
  })
}
