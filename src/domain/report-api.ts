/**
 * The answers of the report endpoints (docs/api.md, "Reports of a child at risk"), typed once for the server's
 * view builders and the pages. Types only — nothing here reaches a bundle.
 */
import type { ReportAction, ReportConcern, ReporterKind, ReportStatus } from './report'
import type { Role } from './status'

/** What the reporter gets back, now and from `GET /reports/mine`: never the child's record or the worker's notes. */
export interface ReportReceipt {
  id: string
  number: string
  createdAt: string
  status: ReportStatus
  /** 处理中 / 已处理. */
  statusLabel: string
}

export interface ReceiptList {
  items: ReportReceipt[]
}

/** One report in a worker's list (`GET /reports`), urgent first. */
export interface ReportListItem {
  id: string
  number: string
  villageCode: string
  villageName: string
  concern: ReportConcern
  concernLabel: string
  createdAt: string
  status: ReportStatus
  statusLabel: string
  /** Still waiting for a first contact: the 24-hour clock runs. */
  urgent: boolean
  /** First contact is due by then (24 hours after the report). */
  dueAt: string
  /** The clock ran out before the first contact (or is running past it). */
  overdue: boolean
  /** Whole hours left while the clock runs (negative once overdue); null once it has stopped. */
  hoursLeft: number | null
  firstActionAt: string | null
}

export interface ReportList {
  items: ReportListItem[]
}

export interface ReportActionEntry {
  at: string
  action: ReportAction
  actionLabel: string
  note: string | null
  role: Role
  roleLabel: string
  /** 纳入登记: the registration draft's id the worker started. */
  registrationId: string | null
}

/** `GET /reports/:id`: the report as the region's workers read it (audited). */
export interface ReportDetail extends ReportListItem {
  villageFullName: string
  seen: string
  reporter: ReporterKind
  reporterLabel: string
  phone: string | null
  actions: ReportActionEntry[]
}

/** Open reports and those past the 24-hour clock, for a region and by village (`GET /stats` → `reports`). */
export interface ReportCounts {
  open: number
  overdue: number
  byVillage: { code: string; name: string; open: number; overdue: number }[]
}
