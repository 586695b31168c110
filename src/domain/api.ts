/**
 * The HTTP API's answers (docs/api.md), declared once for both sides: the server's view builders return
 * these shapes and the guardian's and the workers' pages read them, so a field renamed on one side fails
 * the type check on the other. Types only — nothing here reaches a bundle.
 *
 * Every path is under /api/v1. Times are ISO-8601 UTC strings; labels are the Chinese words of
 * src/domain/status.ts, sent so that an older app shows a newer status correctly.
 */
import type { TransferEvent, TransferState } from './transfer'
import type { Category, Classification } from './eligibility'
import type { ReportCounts } from './report-api'
import type { TerminationReason } from './lifecycle'
import type { Visit } from './review'
import type { VillagesByTownship } from './regions'
import type { QuarterlyAnswer } from './quarterly'
import type { Issue, Registration } from './schema'
import type { Action, Role, Status } from './status'
import type { VisitState } from './visits'

/** The three levels of community child workers; every other user is a guardian. */
export type WorkerRole = Exclude<Role, 'guardian'>

/** A problem with one part of a request: the path into the body and the sentence for the person. */
export type ApiIssue = Issue

/** Every 4xx and 5xx answer: `{ error: { code, message, issues?, current? } }`. */
export interface ErrorBody {
  error: {
    /** English, for the program: validation, not_found, stale_version, id_taken, gone, … */
    code: string
    /** Chinese, for the person in front of the phone. */
    message: string
    /** A 400's problems, each beside its field. */
    issues?: ApiIssue[]
    /** A 409's current state of the record (a RegistrationView or a ReviewBrief). */
    current?: unknown
  }
}

/** Why and where a returned registration must be fixed: the reviewer's reason and the record paths named. */
export interface ReturnedNote {
  reason: string
  /** Record paths: a step (`child`), a part (`guardianship.carer`) or a field (`child.idNumber`). */
  fields: string[]
  at: string
  byRole: Role
}

/**
 * 终止/减员 of a confirmed record: the village's proposal while it is on its way up, then the county's
 * decision. Guardians receive it only once the record is ended, without the worker's words (`note`).
 */
export interface TerminationNote {
  reason: TerminationReason
  reasonLabel: string
  /** Workers only: the words written with the proposal (required with 其他). */
  note?: string
  proposedAt: string
  /** Set once the county has decided. */
  decidedAt: string | null
  /** 'YYYY-MM': support stops from this month (the month after the decision). */
  supportStopsFrom: string | null
}

/** 待复核: what the daily re-check found on a confirmed record (workers only). */
export interface RecheckNote {
  /** The day (China) the re-check first found it. */
  foundOn: string
  /** The confirmed categories that no longer hold by today's rules. */
  lost: Category[]
  lostLabels: string[]
  /** Why, in words: “2031-03-08年满16周岁，不再属于农村留守儿童”, “父亲服刑在押已于2030-04-30结束”. */
  reasons: string[]
}

/** What every view of a registration carries. `allowedActions` are those of the caller's role now. */
export interface RegistrationBase {
  id: string
  status: Status
  statusLabel: string
  /** Increases by one on every change; an edit names the version it was made on. */
  version: number
  categories: Category[]
  createdAt: string
  updatedAt: string
  allowedActions: Action[]
}

/** A registration of the same child, by ID number or by name, birth date and village. */
export interface PossibleDuplicate {
  id: string
  status: Status
  reason: 'same_id_number' | 'same_name_birth_village'
  /** Inside the worker's region: the link opens it. */
  accessible: boolean
}

/**
 * One registration in full: `PUT` and `GET /registrations/:id`, `POST /registrations/:id/withdraw`.
 * The guardian gets their own record as written; a worker gets it with ID numbers and phones masked
 * (`masked` lists the paths, each revealed by RevealAnswer) and the possible duplicates.
 */
export interface RegistrationView extends RegistrationBase {
  record: Registration
  classification: Omit<Classification, 'age'>
  returned: ReturnedNote | null
  termination: TerminationNote | null
  village: { code: string; name: string }
  /** Workers only: on the 待复核 list (and not yet kept by the village worker). */
  recheck?: RecheckNote | null
  /** Workers only. */
  masked?: string[]
  /** Workers only. */
  possibleDuplicates?: PossibleDuplicate[]
  /** Guardians only, on a confirmed record: this quarter's question (动态更新). */
  quarterly?: QuarterlyPrompt | null
}

/** `GET /registrations`: the guardian's own registrations (their children's names, unmasked). */
export interface OwnListItem extends RegistrationBase {
  childName: string
  returned: ReturnedNote | null
  termination: TerminationNote | null
  quarterly?: QuarterlyPrompt | null
}

/** 动态更新 (docs/lifecycle.md): what the guardian of a confirmed child is asked this quarter. */
export interface QuarterlyPrompt {
  /** 'YYYYQn' */
  quarter: string
  /** 2026年第四季度 */
  label: string
  /** null: not answered yet this quarter. */
  answer: QuarterlyAnswer | null
  answeredAt: string | null
  /** A change may be sent now: the record is 县级已确认, with no change or 终止 under review. */
  canChange: boolean
}

/** `POST /registrations/:id/quarterly`: the quarter's answer and the record as it is now. */
export interface QuarterlyResult {
  quarter: string
  /** `transfer` (202): the update moved the family to another village; a transfer was started instead. */
  answer: QuarterlyAnswer | 'transfer'
  answeredAt: string
  registration: RegistrationView
  /** With `transfer`: where to, and whether the update held other changes (kept on the phone for later). */
  transfer?: { toName: string; otherChanges: boolean }
  /** With `transfer`: what the guardian is told. */
  message?: string
}

/** One village's quarter: confirmed records, how many answered, how many of them with a change. */
export interface QuarterlyVillage {
  code: string
  name: string
  due: number
  answered: number
  changed: number
}

/** `GET /review/quarterly` and the `quarterly` block of `GET /stats`. */
export interface QuarterlyProgress {
  quarter: string
  label: string
  first: string
  last: string
  due: number
  answered: number
  changed: number
  villages: QuarterlyVillage[]
  /** `GET /review/quarterly`, village workers: who has not answered yet (masked, at most 200). */
  pending?: QueueItem[]
}

export interface OwnList {
  items: OwnListItem[]
}

/** `GET /review/queue` item: name, ID number and phone masked; an age rather than a birth date. */
export interface QueueItem extends RegistrationBase {
  child: { name: string; idNumber: string; sex?: string; age?: number }
  contact: { name: string; phone: string }
  village: { code: string; name: string }
  possibleDuplicate: boolean
  /** In the 待复核 list (`GET /review/rechecks`): what the daily re-check found. */
  recheck?: RecheckNote
}

/** `GET /review/queue`: newest first; `total` on the first page only. */
export interface QueuePage {
  items: QueueItem[]
  nextCursor: string | null
  total?: number
}

/** The query of `GET /review/queue`. No status: what waits for the caller's level. */
export interface QueueQuery {
  status?: Status | 'all'
  category?: Category
  /** A whole name or a whole ID number (matched through keyed hashes: no partial search). */
  q?: string
  cursor?: string
  limit?: number
}

/** `POST /registrations/:id/review`: where the record stands after the action (also a 409's `current`). */
export interface ReviewBrief {
  id: string
  status: Status
  statusLabel: string
  version: number
  updatedAt: string
  allowedActions: Action[]
}

/** One answer that changed between two versions (`from` absent: added; `to` absent: removed). */
export interface FieldChange {
  path: string
  from?: unknown
  to?: unknown
}

/** A history event's action: a review action, or `edit` (the guardian resubmitted a correction). */
export type HistoryAction = Action | 'edit' | TransferEvent

/** `GET /registrations/:id/history` item, oldest first. */
export interface HistoryEvent {
  /** The record's version after this event. */
  version: number
  at: string
  action: HistoryAction
  actionLabel: string
  from: Status | null
  to: Status
  fromLabel: string | null
  toLabel: string
  /** Guardians see which level acted (`name` null); workers see the colleague's name. */
  actor: { role: Role; roleLabel: string; name: string | null }
  reason?: string
  fields?: string[]
  /** Workers only: the home visit recorded. */
  visit?: Visit
  /** 提请终止: the reason (guardians: without the worker's words); 决定终止: the month support stops. */
  termination?: { reason?: TerminationReason; reasonLabel?: string; note?: string; supportStopsFrom?: string }
  /** A transfer's step: the two villages, in words. */
  transfer?: { from: { code: string; name: string }; to: { code: string; name: string } }
  /** What a resubmission changed (workers: ID numbers and phones masked). */
  diff?: FieldChange[]
}

export interface HistoryPage {
  items: HistoryEvent[]
}

/** `POST /registrations/:id/reveal`: one masked field in full (audited). */
export interface RevealAnswer {
  field: string
  value: string | null
}

/** Counts by status of one village. */
export interface VillageStats {
  code: string
  name: string
  total: number
  byStatus: Record<Status, number>
}

/** `GET /stats`: the caller's region or a part of it, by status and by category × status. */
export interface RegionStats {
  region: { code: string; name: string }
  total: number
  byStatus: Record<Status, number>
  byCategory: Record<Category, Record<Status, number>>
  /** Absent for a single village. */
  byVillage?: VillageStats[]
  /** Home visits this month (China time), the region's and per village: `GET /visits/completion`'s answer. */
  visits?: VisitCompletion
  /** 动态更新 of the current quarter, by village. */
  quarterly?: QuarterlyProgress
  /** Reports of a child at risk: open, and past the 24-hour first-contact clock. */
  reports?: ReportCounts
  /** Transfers in and out of each village of the region, and those waiting. */
  transfers?: TransferStats
}

/** A signed-in user as the server describes them (`regionCode`: workers only; null sees nothing). */
export interface ApiUser {
  id: string
  role: Role
  regionCode: string | null
  regionName: string | null
  username: string | null
  displayName: string | null
  /** Signed in with a one-time password: the next step is setting one's own (POST /auth/password). */
  mustChangePassword?: boolean
}

/** A worker as the worker pages keep them. */
export interface WorkerUser extends ApiUser {
  role: WorkerRole
}

/** `POST /auth/wx-login` and `POST /auth/worker-login`. */
export interface LoginAnswer<U extends ApiUser = ApiUser> {
  token: string
  expiresAt: string
  user: U
  /** Guardians: the WeChat subscribe-message templates the app may ask for (docs/wechat.md); [] when off. */
  subscribeTemplates?: string[]
  /** `POST /auth/device-login {}` only: the H5 device's new secret, answered this once (docs/wechat.md). */
  secret?: string
}

/** `GET /auth/me`. */
export interface MeAnswer {
  user: ApiUser
}

/** `GET /regions/:code/children`: the next level of a region (a county's townships). Public. */
export interface RegionChildren {
  code: string
  name: string
  fullName?: string
  items: { code: string; name: string }[]
}

/** `GET /regions/:county/villages`: every village of a county, by township. Public. */
export interface CountyVillages {
  code: string
  name?: string
  townships: VillagesByTownship
}

/** A staff account as its administrator sees it (`GET /accounts`, docs/accounts.md). */
export interface AccountView {
  id: string
  username: string
  displayName: string | null
  phone: string | null
  role: WorkerRole
  roleLabel: string
  regionCode: string | null
  regionName: string | null
  disabled: boolean
  /** Still on a one-time password. */
  mustChangePassword: boolean
  createdAt: string
  updatedAt: string
}

/** `GET /accounts`: the accounts the caller manages, in region order. */
export interface AccountList {
  items: AccountView[]
  /** The roles the caller may give (src/domain/accounts.ts MANAGES). */
  manages: WorkerRole[]
}

/** `POST /accounts` and `POST /accounts/:id/reset-password`: the one-time password, shown once. */
export interface AccountWithPassword {
  account: AccountView
  initialPassword: string
}

/** One row of an import sheet as the server read it, with every problem found (empty: the row is good). */
export interface ImportRow {
  /** The row number in the sheet (the heading is row 1). */
  row: number
  name: string
  phone: string
  role: WorkerRole | null
  roleLabel: string
  regionCode: string | null
  regionName: string | null
  problems: string[]
}

/** The answer of `POST /accounts/import/preview`, and of a refused import (its `error.current`). Nothing is written. */
export interface ImportPreview {
  rows: ImportRow[]
  /** Rows with at least one problem; the import runs only when this is 0. */
  bad: number
}

/** `POST /accounts/import`: every account created; the sheet of one-time passwords is fetched once. */
export interface ImportResult {
  created: number
  /** GET /accounts/import/:batch/passwords.xlsx, once, by the same administrator, within 30 minutes. */
  batch: string
}

/** One access to a record from the audit log (`GET /registrations/:id/access`, county administrators). */
export interface AccessEntry {
  at: string
  action: 'view' | 'view_history' | 'reveal' | 'print' | 'export'
  actionLabel: string
  /** For a reveal: the field shown in full; for a print: the form. */
  detail: string | null
  role: Role
  roleLabel: string
  /** The worker's name and username (county administrators only). */
  who: string | null
}

/** Which levels have opened a registration: what its guardian sees (never who). */
export interface AccessLevel {
  role: Role
  roleLabel: string
  count: number
  lastAt: string
}

export interface AccessAnswer {
  levels: AccessLevel[]
  /** County administrators only: each access, newest first. */
  items?: AccessEntry[]
}

/** One supported record in the village worker's 本月待走访 list (`GET /visits/due`). */
export interface VisitDueItem extends QueueItem {
  visit: {
    state: VisitState
    stateLabel: string
    /** The month the visit is (or was) due. */
    dueMonth: string
    /** The last visit before the month asked about. */
    lastMonth?: string
    /** The visit of this month, when there is one. */
    doneOn?: string
    doneMethod?: string
    /** Months past the due month (overdue only). */
    monthsLate: number
  }
}

/** `GET /visits/due?month=`: overdue first, then due, then done; `notDue`: visited recently enough (intervals above a month). */
export interface VisitDuePage {
  month: string
  items: VisitDueItem[]
  counts: Record<VisitState, number>
}

/** A village's visits in a month: records whose visit fell due (overdue included) or was made, and those visited. */
export interface VillageVisits {
  code: string
  name: string
  due: number
  done: number
}

/** `GET /visits/completion?month=&region=`: township and above. */
export interface VisitCompletion {
  region: { code: string; name: string }
  month: string
  due: number
  done: number
  byVillage: VillageVisits[]
}

/** One transfer as `GET /transfers` lists it (docs/api.md): the child's name masked, no worker's name. */
export interface TransferItem {
  id: string
  registrationId: string
  state: TransferState
  stateLabel: string
  from: { code: string; name: string }
  to: { code: string; name: string }
  /** Masked (陈*明): the receiving village reads the record itself only once it has accepted. */
  childName: string
  statusLabel: string
  categoryLabels: string[]
  startedAt: string
  /** Which side started it: the sending village's child director, or the guardian's change of address. */
  startedByRole: Role
  decidedAt: string | null
  note?: string
  declineReason?: string
}

/** `GET /transfers`: into the caller's region (`incoming`) and out of it (`outgoing`), newest first. */
export interface TransferList {
  incoming: TransferItem[]
  outgoing: TransferItem[]
}

/** `GET /stats` `transfers`: accepted moves in and out of each village of the region, and those waiting. */
export interface TransferStats {
  in: number
  out: number
  pendingIn: number
  byVillage: { code: string; name: string; in: number; out: number; pendingIn: number }[]
}
