/**
 * The tables, as Kysely sees them. Only what a query filters, sorts or counts on is a plaintext column;
 * the record itself is one encrypted blob (`payload`), and so is every event's detail (reasons, visit
 * notes, field diffs — a diff of an ID number holds the ID number). Times are ISO-8601 UTC strings with
 * milliseconds: they sort the same in SQLite and PostgreSQL. Flags are 0/1 integers for the same reason.
 */
import type { Generated } from 'kysely'
import type { HistoryAction } from '../../../src/domain/api'
import type { ReportAction, ReportStatus } from '../../../src/domain/report'
import type { Role, Status } from '../../../src/domain/status'
import type { TransferState } from '../../../src/domain/transfer'

export interface UsersTable {
  id: string
  kind: 'guardian' | 'worker'
  /** Workers only. */
  username: string | null
  /** Guardians only: the WeChat openid (or its development stand-in). */
  openid: string | null
  display_name: string | null
  password_hash: string | null
  role: Role
  /** Workers only: the region they may see. NULL → they see nothing (deny by default). */
  region_code: string | null
  disabled: number
  /** Added to on every change that must end the account's sessions; tokens carry it as `tv`. */
  token_version: Generated<number>
  /** 1: the password is a one-time one (import, reset) and must be replaced at the next sign-in. */
  must_change_password: Generated<number>
  /** Workers: their mobile number (unique), from the import sheet or the admin page. */
  phone?: string | null
  /** The administrator who created the account; NULL for the command line and the demo seed. */
  created_by?: string | null
  created_at: string
  updated_at: string
}

export interface RegistrationsTable {
  id: string
  owner_id: string
  status: Status
  /** Increases by one on every change (edit or status change): the `baseVersion` an edit names. */
  version: number
  /** SHA-256 of the canonical JSON of the validated record: what makes a re-send idempotent. */
  content_hash: string
  /** The validated record, AES-256-GCM, bound to the row id. */
  payload: string
  /** The child's residence village (12 digits): region scoping is a range over this column. */
  village_code: string
  cat_left_behind: number
  cat_difficulty: number
  cat_de_facto_unsupported: number
  cat_orphan: number
  /** HMAC of the child's ID number (NULL without one): duplicate detection and `q=` search. */
  id_hmac: string | null
  /** HMAC of normalised name + birth date + village: the second duplicate rule. */
  person_hmac: string
  /** HMAC of the normalised name: exact-name search without a plaintext name column. */
  name_hmac: string
  /** The id of the index key the three hashes above were made with (NULL: before key ids; see migration 003). */
  lookup_key?: string | null
  created_at: string
  updated_at: string
}

export interface EventsTable {
  registration_id: string
  /** The record's version after this event; (registration_id, version) is the key. */
  version: number
  at: string
  actor_id: string
  actor_role: Role
  action: HistoryAction
  from_status: Status | null
  to_status: Status
  /** Encrypted JSON: { reason?, fields?, visit?, diff? }. */
  detail: string | null
  /** The phone's id for a review action (replays are answered, not applied again); null otherwise. */
  request_id?: string | null
}

export interface AuditTable {
  id: string
  at: string
  actor_id: string | null
  actor_role: string | null
  /** login, login_failed, create, edit, withdraw, review, view, view_history, export, user_add, user_disable. */
  action: string
  target_type: string | null
  target_id: string | null
  region_code: string | null
  ip: string | null
  /** JSON without personal data of children (counts, statuses, the username tried). */
  detail: string | null
}

/** 待复核 (migration 007): a confirmed record whose categories no longer hold by today's rules. */
export interface ReviewFlagsTable {
  registration_id: string
  village_code: string
  /** Encrypted JSON { foundOn, lost, reasons }, bound to the registration id. */
  detail: string
  /** Sorted, comma-joined category codes: what the job compares to notice a new loss. */
  lost: string
  /** 1: the village worker re-checked and kept the record (复核后继续保障). */
  dismissed: number
  updated_at: string
}

/** Monthly home visits (migration 008): one row per `record_visit` event. */
export interface VisitsTable {
  registration_id: string
  /** The version of the history event that recorded it. */
  version: number
  village_code: string
  /** 'YYYY-MM' of `visited_on`. */
  month: string
  visited_on: string
  actor_id: string
  /** VISIT_METHODS code (入户走访 / 电话核实 / 部门数据比对). */
  method: string
  /** Encrypted JSON { conclusion, guardianshipAssessment, notes }, bound to `visit:<id>#<version>`. */
  detail: string
  created_at: string
}

/** 强制报告/发现报告 (migration 009): a report of a child at risk. */
export interface ReportsTable {
  id: string
  reporter_id: string
  village_code: string
  status: ReportStatus
  /** Encrypted JSON { concern, seen, reporter, phone? }, bound to `report:<id>`. */
  payload: string
  content_hash: string
  created_at: string
  due_at: string
  first_action_at: string | null
  closed_at: string | null
  updated_at: string
}

/** What a worker did on a report (migration 009). */
export interface ReportActionsTable {
  id: string
  report_id: string
  at: string
  actor_id: string
  actor_role: Role
  action: ReportAction
  /** Encrypted JSON { note }, bound to `report-action:<id>`; NULL without words. */
  detail: string | null
  /** 纳入登记: the registration draft the worker started. */
  registration_id: string | null
}

/** 动态更新: one guardian answer per record and quarter (migration 010). No personal data: the change is in its event. */
export interface QuarterlyUpdatesTable {
  registration_id: string
  /** 'YYYYQn', the quarter of the day in China. */
  quarter: string
  answer: 'unchanged' | 'changed'
  /** The record's version after the answer. */
  version: number
  /** A change: the canonical hash of the version sent (a resend of it is answered, not applied again). */
  content_hash: string | null
  actor_id: string
  answered_at: string
}

/** 迁移 (migration 011): one family's move from one village to another, and what became of it. */
export interface TransfersTable {
  id: string
  registration_id: string
  from_village: string
  to_village: string
  state: TransferState
  initiator_id: string
  initiator_role: Role
  /** Encrypted JSON { address?, note?, declineReason? }, bound to `transfer:<id>`. */
  detail: string | null
  created_at: string
  decided_at: string | null
  decided_by: string | null
}

/** Registrations per village and status, with the category sums; kept by triggers (migration 006). */
export interface CountsTable {
  village_code: string
  status: Status
  n: number
  cat_left_behind: number
  cat_difficulty: number
  cat_de_facto_unsupported: number
  cat_orphan: number
}

export interface WechatCreditsTable {
  id: string
  user_id: string
  template_id: string
  created_at: string
  /** When a message used it (or WeChat said it was gone: 43101); NULL while it is still there. */
  used_at: string | null
  /** The message that used it. */
  used_by: string | null
}

export type WechatMessageState = 'pending' | 'sent' | 'refused' | 'no_credit' | 'no_openid'

export interface WechatMessagesTable {
  id: string
  user_id: string
  registration_id: string
  /** The registration's version after the status change this message tells of. */
  version: number
  template_id: string
  state: WechatMessageState
  /** Encrypted JSON { page, data }: the words of the message (a worker's reason may name people). */
  payload: string
  attempts: number
  next_attempt_at: string
  /** The last failure: `errcode <n>` from WeChat, or `unavailable`. */
  last_error: string | null
  created_at: string
  updated_at: string
  sent_at: string | null
}

export interface DeviceCredentialsTable {
  /** SHA-256 of the secret the browser keeps: the database alone cannot sign anyone in. */
  secret_hash: string
  user_id: string
  created_at: string
  last_used_at: string
}

export interface Database {
  users: UsersTable
  wechat_credits: WechatCreditsTable
  wechat_messages: WechatMessagesTable
  device_credentials: DeviceCredentialsTable
  registrations: RegistrationsTable
  registration_events: EventsTable
  audit_log: AuditTable
  registration_counts: CountsTable
  review_flags: ReviewFlagsTable
  visits: VisitsTable
  quarterly_updates: QuarterlyUpdatesTable
  reports: ReportsTable
  report_actions: ReportActionsTable
  transfers: TransfersTable
}
