/**
 * Per-phone settings: today only the 长辈模式 switch. A guardian may also arrive with WeChat's own
 * large-font setting, which turns the mode on without the switch (see elderModeFor).
 */
import { createStore, useStore } from 'zustand'
import { createJSONStorage, persist } from 'zustand/middleware'
import { storage as appStorage, type FlushableStorage } from '@/platform/storage'

export const SETTINGS_KEY = 'hutong:settings'

export interface SettingsState {
  elderMode: boolean
  setElderMode(on: boolean): void
}

export function createSettingsStore(storage: FlushableStorage = appStorage) {
  return createStore<SettingsState>()(
    persist(
      (set) => ({
        elderMode: false,
        // A tap, not typing: on the phone at once.
        setElderMode: (on) => {
          set({ elderMode: on })
          storage.flush()
        },
      }),
      {
        name: SETTINGS_KEY,
        version: 1,
        storage: createJSONStorage(() => storage),
        partialize: (s) => ({ elderMode: s.elderMode }),
      },
    ),
  )
}

export const settingsStore = createSettingsStore()

export function useSettings<T>(selector: (state: SettingsState) => T): T {
  return useStore(settingsStore, selector)
}

/** WeChat font sizes from this size up count as "large" (iOS standard 17, Android 16; 关怀模式 ≈ 24). */
export const LARGE_SYSTEM_FONT_PX = 20
/** The rem base in 长辈模式: main text 1rem ≥ 18 px, touch targets 3rem ≥ 60 px. */
export const ELDER_ROOT_PX = 20

export function elderModeFor(switchOn: boolean, systemFontPx: number): boolean {
  return switchOn || systemFontPx >= LARGE_SYSTEM_FONT_PX
}

/** The page's rem base: WeChat's font size, never below ELDER_ROOT_PX in 长辈模式. */
export function rootFontPx(switchOn: boolean, systemFontPx: number): number {
  const base = Math.min(Math.max(systemFontPx, 12), 40)
  return elderModeFor(switchOn, systemFontPx) ? Math.max(base, ELDER_ROOT_PX) : base
}
