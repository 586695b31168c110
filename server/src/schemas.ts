/**
 * JSON Schemas for Fastify: parameters and query strings are checked before the handler, and every
 * response is serialised through its schema, so a field that is not listed here never leaves the server
 * (a stray column such as a password hash or a payload cannot leak by accident). Request bodies are checked
 * by the shared zod schemas of src/domain instead, which carry the Chinese messages.
 */
import { STATUSES } from '../../src/domain/status'
import { CATEGORIES } from '../../src/domain/eligibility'

export const UUID_PATTERN = '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$'

export const idParams = {
  type: 'object',
  required: ['id'],
  properties: { id: { type: 'string', pattern: UUID_PATTERN } },
} as const

export type WithId = { Params: { id: string } }
/** The id of a route checked by idParams, lower-cased: ids are stored lower-case and the pattern accepts either. */
export const idOf = (req: { params: { id: string } }) => req.params.id.toLowerCase()

const anyObject = { type: 'object', additionalProperties: true } as const
const str = { type: 'string' } as const
const strArray = { type: 'array', items: str } as const

export const errorSchema = {
  type: 'object',
  properties: {
    error: {
      type: 'object',
      properties: {
        code: str,
        message: str,
        issues: { type: 'array', items: { type: 'object', properties: { path: { type: 'array', items: {} }, message: str } } },
        current: {},
      },
    },
  },
} as const

/** Response map: the given 2xx schemas plus the error shape for every 4xx/5xx. */
export function responses(ok: Record<number, unknown>) {
  return { ...ok, '4xx': errorSchema, '5xx': errorSchema }
}

const baseProps = {
  id: str,
  status: str,
  statusLabel: str,
  version: { type: 'integer' },
  categories: strArray,
  createdAt: str,
  updatedAt: str,
  allowedActions: strArray,
} as const

const villageSchema = { type: 'object', properties: { code: str, name: str } } as const

/** A paged list answer: `{ items: [ {…properties} ], …extra }`. */
function listOf<P extends Record<string, unknown>, E extends Record<string, unknown>>(properties: P, extra: E = {} as E) {
  return { type: 'object', properties: { items: { type: 'array', items: { type: 'object', properties } }, ...extra } } as const
}

const returnedSchema = {
  type: ['object', 'null'],
  properties: { reason: str, fields: strArray, at: str, byRole: str },
} as const

const terminationSchema = {
  type: ['object', 'null'],
  properties: {
    reason: str,
    reasonLabel: str,
    note: str,
    proposedAt: str,
    decidedAt: { type: ['string', 'null'] },
    supportStopsFrom: { type: ['string', 'null'] },
  },
} as const

const recheckSchema = {
  type: ['object', 'null'],
  properties: { foundOn: str, lost: strArray, lostLabels: strArray, reasons: strArray },
} as const

/** 动态更新: this quarter's question on a guardian's confirmed record. */
const quarterlyPromptSchema = {
  type: ['object', 'null'],
  properties: {
    quarter: str,
    label: str,
    answer: { type: ['string', 'null'] },
    answeredAt: { type: ['string', 'null'] },
    canChange: { type: 'boolean' },
  },
} as const

export const fullViewSchema = {
  type: 'object',
  properties: {
    ...baseProps,
    record: anyObject,
    /** Workers only: the record paths shown masked (see POST /registrations/:id/reveal). */
    masked: strArray,
    classification: anyObject,
    returned: returnedSchema,
    termination: terminationSchema,
    recheck: recheckSchema,
    village: villageSchema,
    quarterly: quarterlyPromptSchema,
    possibleDuplicates: {
      type: 'array',
      items: { type: 'object', properties: { id: str, status: str, reason: str, accessible: { type: 'boolean' } } },
    },
  },
} as const

export const ownListSchema = listOf({
  ...baseProps,
  childName: str,
  returned: returnedSchema,
  termination: terminationSchema,
  quarterly: quarterlyPromptSchema,
})

export const queueSchema = listOf(
  {
    ...baseProps,
    child: { type: 'object', properties: { name: str, idNumber: str, sex: str, age: { type: 'integer' } } },
    contact: { type: 'object', properties: { name: str, phone: str } },
    village: villageSchema,
    possibleDuplicate: { type: 'boolean' },
    recheck: recheckSchema,
  },
  { nextCursor: { type: ['string', 'null'] }, total: { type: 'integer' } },
)

export const queueQuery = {
  type: 'object',
  properties: {
    status: { type: 'string', enum: [...STATUSES.map((s) => s.code), 'all'] },
    category: { type: 'string', enum: CATEGORIES.map((c) => c.code) },
    q: { type: 'string', maxLength: 50 },
    cursor: { type: 'string', maxLength: 200 },
    limit: { type: 'integer', minimum: 1, maximum: 100 },
  },
} as const

export const pageQuery = {
  type: 'object',
  properties: {
    cursor: { type: 'string', maxLength: 200 },
    limit: { type: 'integer', minimum: 1, maximum: 100 },
  },
} as const

export const briefSchema = {
  type: 'object',
  properties: { id: str, status: str, statusLabel: str, version: { type: 'integer' }, updatedAt: str, allowedActions: strArray },
} as const

export const historySchema = listOf({
  version: { type: 'integer' },
  at: str,
  action: str,
  actionLabel: str,
  from: { type: ['string', 'null'] },
  to: str,
  fromLabel: { type: ['string', 'null'] },
  toLabel: str,
  actor: { type: 'object', properties: { role: str, roleLabel: str, name: { type: ['string', 'null'] } } },
  reason: str,
  fields: strArray,
  visit: anyObject,
  termination: { type: 'object', properties: { reason: str, reasonLabel: str, note: str, supportStopsFrom: str } },
  transfer: {
    type: 'object',
    properties: {
      from: { type: 'object', properties: { code: str, name: str } },
      to: { type: 'object', properties: { code: str, name: str } },
    },
  },
  diff: { type: 'array', items: { type: 'object', properties: { path: str, from: {}, to: {} } } },
})

export const revealBody = {
  type: 'object',
  required: ['field'],
  additionalProperties: false,
  properties: { field: { type: 'string', maxLength: 100 } },
} as const

export const revealSchema = {
  type: 'object',
  properties: { field: str, value: { type: ['string', 'null'] } },
} as const

export const userSchema = {
  type: 'object',
  properties: {
    id: str,
    role: str,
    regionCode: { type: ['string', 'null'] },
    regionName: { type: ['string', 'null'] },
    username: { type: ['string', 'null'] },
    displayName: { type: ['string', 'null'] },
    mustChangePassword: { type: 'boolean' },
  },
} as const

export const loginResponse = {
  type: 'object',
  properties: { token: str, expiresAt: str, user: userSchema, subscribeTemplates: strArray },
} as const

export const regionQuery = {
  type: 'object',
  properties: { region: { type: 'string', pattern: '^\\d{2,12}$' }, mask: { type: 'string', enum: ['0', '1'] } },
} as const

/** `?mask=1`: a printed form with ID and phone numbers masked. */
export const maskQuery = {
  type: 'object',
  properties: { mask: { type: 'string', enum: ['0', '1'] } },
  additionalProperties: false,
} as const

const place = { type: 'object', properties: { code: str, name: str } } as const
/** One transfer (`TransferItem`): no worker's name, the child's name masked. */
export const transferSchema = {
  type: 'object',
  properties: {
    id: str,
    registrationId: str,
    state: str,
    stateLabel: str,
    from: place,
    to: place,
    childName: str,
    statusLabel: str,
    categoryLabels: strArray,
    startedAt: str,
    startedByRole: str,
    decidedAt: { type: ['string', 'null'] },
    note: str,
    declineReason: str,
  },
} as const
export const transferListSchema = {
  type: 'object',
  properties: { incoming: { type: 'array', items: transferSchema }, outgoing: { type: 'array', items: transferSchema } },
} as const
