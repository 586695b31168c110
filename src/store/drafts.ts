/**
 * Drafts: registrations being filled in. Several can coexist (one per child); each is stored under its
 * own key `hutong:draft:<id>`, with a small index `hutong:drafts` listing the ids and the draft worked on
 * last, so that the home page can offer to continue exactly there.
 *
 * The store saves itself: a draft created, opened for a fix, kept or removed is on the phone before the
 * action returns, so no caller can forget it. Answers and step moves (typing) wait for the storage's
 * throttle, and for the flush when the app hides.
 */
import { createStore, useStore } from 'zustand'
import { persist } from 'zustand/middleware'
import { copyFamilySteps, emptyRecord, STEP_ORDER, stepOfPath, type DraftRecord } from '@/domain/record'
import type { StepKey } from '@/domain/schema'
import { uuidV4 } from '@/platform/ids'
import { storage as appStorage, type FlushableStorage } from '@/platform/storage'
import { createSplitStorage } from './split-storage'

export const DRAFT_PREFIX = 'hutong:draft:'
export const DRAFT_INDEX_KEY = 'hutong:drafts'
export const DRAFTS_VERSION = 1

export interface Draft {
  /** UUID v4, made here; it stays the registration's id through the outbox to the server. */
  id: string
  record: DraftRecord
  /** The step the guardian is on: reopening the draft opens this step. */
  step: StepKey
  createdAt: string
  updatedAt: string
  /** The draft or submission whose parents, guardianship and family were copied. */
  copiedFrom?: string
  /** Set when the draft corrects a registration the reviewer returned or the server refused. */
  fix?: DraftFix
}

/** What to correct, and on which server version (docs/guardian-app.md "Sync"). */
export interface DraftFix {
  /**
   * returned: the reviewer sent it back; rejected: the server refused it (400); conflict: chosen after a 409;
   * quarterly: the guardian's update of a confirmed record (动态更新), sent to POST /registrations/:id/quarterly.
   */
  source: 'returned' | 'rejected' | 'conflict' | 'quarterly'
  reason: string
  /** Record paths to highlight (a step `child`, a field `child.idNumber`, `parents.mother.workPlace`). */
  fields: string[]
  /** Messages per path (the server's issues). */
  messages?: Record<string, string>
  /** The server version the correction is made on (absent: the record is not on the server yet). */
  baseVersion?: number
}

export interface DraftsState {
  drafts: Record<string, Draft>
  /** The draft edited last (offered on app start). */
  lastId?: string
  createDraft(copyFrom?: { id: string; record: Partial<DraftRecord> }): string
  updateRecord(id: string, recipe: (record: DraftRecord) => DraftRecord): void
  setStep(id: string, step: StepKey): void
  removeDraft(id: string): void
  /** Opens a correction under the registration's own id (an existing draft for it is kept as it is). */
  openFix(id: string, record: DraftRecord, fix: DraftFix): void
  /** A correction now made on a later server version (a quarterly update whose move started a transfer). */
  setBaseVersion(id: string, version: number): void
  /** "Keep it": the guardian wants the draft; it counts as touched now. */
  touch(id: string): void
  /** Writes what is still waiting for the throttle now (the guardian pressed 保存). */
  saveNow(): void
}

type Persisted = Pick<DraftsState, 'drafts' | 'lastId'>

function isDraft(value: unknown, id: string): value is Draft {
  const d = value as Draft
  return (
    !!d &&
    typeof d === 'object' &&
    d.id === id &&
    !!d.record &&
    typeof d.record === 'object' &&
    STEP_ORDER.includes(d.step) &&
    typeof d.updatedAt === 'string'
  )
}

export function createDraftsStore(storage: FlushableStorage = appStorage, now: () => Date = () => new Date()) {
  const stamp = () => now().toISOString()
  return createStore<DraftsState>()(
    persist(
      (set, get) => {
        /** A structural change: set, then on the phone at once. */
        const save = (next: Partial<DraftsState>) => {
          set(next)
          storage.flush()
        }
        return {
          drafts: {},
          lastId: undefined,
          createDraft(copyFrom) {
            const id = uuidV4()
            const at = stamp()
            const draft: Draft = {
              id,
              record: copyFrom ? copyFamilySteps(copyFrom.record) : emptyRecord(),
              step: 'child',
              createdAt: at,
              updatedAt: at,
              ...(copyFrom ? { copiedFrom: copyFrom.id } : {}),
            }
            save({ drafts: { ...get().drafts, [id]: draft }, lastId: id })
            return id
          },
          updateRecord(id, recipe) {
            const draft = get().drafts[id]
            if (!draft) return
            const record = recipe(draft.record)
            if (record === draft.record) return
            set({ drafts: { ...get().drafts, [id]: { ...draft, record, updatedAt: stamp() } }, lastId: id })
          },
          setStep(id, step) {
            const draft = get().drafts[id]
            if (!draft || draft.step === step) return
            set({ drafts: { ...get().drafts, [id]: { ...draft, step, updatedAt: stamp() } }, lastId: id })
          },
          openFix(id, record, fix) {
            if (get().drafts[id]) return
            const at = stamp()
            const step = stepOfPath(fix.fields[0]) ?? 'child'
            save({ drafts: { ...get().drafts, [id]: { id, record, step, createdAt: at, updatedAt: at, fix } }, lastId: id })
          },
          setBaseVersion(id, version) {
            const draft = get().drafts[id]
            if (draft?.fix) save({ drafts: { ...get().drafts, [id]: { ...draft, fix: { ...draft.fix, baseVersion: version } } } })
          },
          touch(id) {
            const draft = get().drafts[id]
            if (draft) save({ drafts: { ...get().drafts, [id]: { ...draft, updatedAt: stamp() } } })
          },
          removeDraft(id) {
            if (!get().drafts[id]) return
            const { [id]: _removed, ...drafts } = get().drafts
            save({ drafts, lastId: get().lastId === id ? undefined : get().lastId })
          },
          saveNow() {
            storage.flush()
          },
        }
      },
      {
        name: DRAFT_INDEX_KEY,
        version: DRAFTS_VERSION,
        partialize: (s): Persisted => ({ drafts: s.drafts, lastId: s.lastId }),
        storage: createSplitStorage<Persisted, Draft>({
          storage,
          indexKey: DRAFT_INDEX_KEY,
          itemPrefix: DRAFT_PREFIX,
          items: (s) => s.drafts,
          meta: (s) => (s.lastId ? { lastId: s.lastId } : {}),
          assemble: (drafts, meta) => ({
            drafts,
            lastId: typeof meta.lastId === 'string' && meta.lastId in drafts ? meta.lastId : undefined,
          }),
          isItem: isDraft,
        }),
      },
    ),
  )
}

export type DraftsStore = ReturnType<typeof createDraftsStore>

/** The app's drafts (hydrated synchronously from storage when first imported). */
export const draftsStore: DraftsStore = createDraftsStore()

export function useDrafts<T>(selector: (state: DraftsState) => T): T {
  return useStore(draftsStore, selector)
}

/** A draft untouched this long asks the guardian whether to keep it (README "Retention"). */
export const ABANDONED_AFTER_DAYS = 30

/** Drafts nobody has touched for ABANDONED_AFTER_DAYS, oldest first. */
export function abandonedDrafts(drafts: Record<string, Draft>, now: Date = new Date()): Draft[] {
  const limit = now.getTime() - ABANDONED_AFTER_DAYS * 24 * 3600 * 1000
  return Object.values(drafts)
    .filter((d) => Date.parse(d.updatedAt) < limit)
    .sort((a, b) => a.updatedAt.localeCompare(b.updatedAt))
}

/** Drafts newest first, for lists. */
export function sortedDrafts(drafts: Record<string, Draft>): Draft[] {
  return Object.values(drafts).sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))
}
