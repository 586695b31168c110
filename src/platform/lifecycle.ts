/**
 * What must happen when the app goes to the background: WeChat may kill a background mini-program without
 * any further callback, so everything typed is committed and every buffered write is flushed right then.
 */
import Taro from '@tarojs/taro'
import { storage } from './storage'

const beforeFlush = new Set<() => void>()

/** Runs `commit` (e.g. a form committing what is being typed) before storage is flushed on hide. */
export function onBeforeAppHide(commit: () => void): () => void {
  beforeFlush.add(commit)
  return () => {
    beforeFlush.delete(commit)
  }
}

/** Commits pending edits, then writes the storage buffer. Also called by pages when they hide. */
export function commitAndFlush(): void {
  for (const commit of [...beforeFlush]) {
    try {
      commit()
    } catch (error) {
      console.error('commit before hide failed', error)
    }
  }
  storage.flush()
}

let installed = false

/** Idempotent: hooks commitAndFlush to the app's hide event once per app. */
export function installAppHideFlush(): void {
  if (installed) return
  installed = true
  Taro.onAppHide?.(commitAndFlush)
}

installAppHideFlush()
