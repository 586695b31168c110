/** What the worker endpoints answer (docs/api.md), as the pages use it. */
import type { Classification } from '@/domain/eligibility'
import type { Visit } from '@/domain/review'
import type { Action, Role, Status } from '@/domain/status'

export type WorkerRole = Exclude<Role, 'guardian'>

export interface WorkerUser {
  id: string
  role: WorkerRole
  regionCode: string | null
  regionName: string | null
  username: string | null
  displayName: string | null
}

export interface Session {
  token: string
  expiresAt: string
  user: WorkerUser
}

interface Base {
  id: string
  status: Status
  statusLabel: string
  version: number
  categories: string[]
  createdAt: string
  updatedAt: string
  allowedActions: Action[]
}

export interface QueueItem extends Base {
  child: { name: string; idNumber: string; sex?: string; age?: number }
  contact: { name: string; phone: string }
  village: { code: string; name: string }
  possibleDuplicate: boolean
}

export interface QueuePage {
  items: QueueItem[]
  nextCursor: string | null
  total?: number
}

export interface QueueFilter {
  /** undefined: what waits for the caller's level (the server's default). */
  status?: Status | 'all'
  category?: string
  q?: string
}

export interface Entry extends Base {
  record: Record<string, any>
  masked?: string[]
  classification: Classification
  returned: { reason: string; fields: string[]; at: string; byRole: string } | null
  village: { code: string; name: string }
  possibleDuplicates?: { id: string; status: Status; reason: string; accessible: boolean }[]
}

export interface HistoryItem {
  version: number
  at: string
  action: string
  actionLabel: string
  from: string | null
  to: string
  fromLabel: string | null
  toLabel: string
  actor: { role: string; roleLabel: string; name: string | null }
  reason?: string
  fields?: string[]
  visit?: Visit
  diff?: { path: string; from?: unknown; to?: unknown }[]
}

export interface Brief {
  id: string
  status: Status
  statusLabel: string
  version: number
  updatedAt: string
  allowedActions: Action[]
}

export interface Stats {
  region: { code: string; name: string }
  total: number
  byStatus: Record<string, number>
  byCategory: Record<string, Record<string, number>>
  byVillage?: { code: string; name: string; total: number; byStatus: Record<string, number> }[]
}
