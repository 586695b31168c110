/**
 * Backup and restore of the SQLite database (PostgreSQL: pg_dump / pg_restore, docs/operations.md).
 *
 * Backup: SQLite's online backup API (better-sqlite3 `db.backup`) copies a consistent snapshot while the server
 * keeps writing — all pages in one step, inside one read transaction, so writes from the server's process
 * cannot make it start over and over. It is written to a temporary file beside the destination, checked,
 * fsynced and renamed over the destination: a crash never leaves a half-written file under the backup's name.
 * Only the database: the keys (HUTONG_DATA_KEY …, or DATA_DIR/dev-*-key) are never in a backup — a stolen
 * backup without them is ciphertext and hashes.
 *
 * Restore: only while no process has the database open, refusing to replace one that holds data unless
 * forced (and then the old file is kept beside it, not deleted).
 */
import { chmodSync, closeSync, copyFileSync, existsSync, fsyncSync, openSync, readSync, renameSync, rmSync, statSync } from 'node:fs'
import { basename, dirname, join, resolve } from 'node:path'
import SQLite from 'better-sqlite3'
import { createVault } from '../vault'

export const DB_FILE = 'hutong.sqlite'

function fsyncPath(path: string) {
  const fd = openSync(path, 'r')
  try {
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
}

/**
 * Registrations and users in a database file, or undefined when it has no schema yet. `readonly` for a file
 * that is not ours to change (a backup); the live database is opened read-write, because only a read-write
 * connection, closing last, removes the -wal and -shm files it leaves otherwise.
 */
function contents(file: string, readonly = true): { registrations: number; users: number } | undefined {
  const db = new SQLite(file, { readonly, fileMustExist: true })
  try {
    const tables = new Set(
      (db.prepare("select name from sqlite_master where type = 'table'").all() as { name: string }[]).map((t) => t.name),
    )
    if (!tables.has('registrations') || !tables.has('users')) return undefined
    const n = (t: string) => (db.prepare(`select count(*) as n from ${t}`).get() as { n: number }).n
    return { registrations: n('registrations'), users: n('users') }
  } finally {
    db.close()
  }
}

const SQLITE_HEADER = Buffer.from('SQLite format 3\0')

function quickCheck(file: string): void {
  // SQLite takes a file shorter than one page for an empty database: look at the header first.
  const head = Buffer.alloc(SQLITE_HEADER.length)
  const fd = openSync(file, 'r')
  try {
    readSync(fd, head, 0, head.length, 0)
  } finally {
    closeSync(fd)
  }
  if (!head.equals(SQLITE_HEADER)) throw new Error(`${file} 不是 SQLite 数据库文件`)
  const db = new SQLite(file, { readonly: true, fileMustExist: true })
  try {
    const result = db.pragma('quick_check', { simple: true })
    if (result !== 'ok') throw new Error(`${file} 已损坏：${String(result)}`)
  } finally {
    db.close()
  }
}

export interface BackupResult {
  file: string
  bytes: number
  registrations: number
  ms: number
}

export async function backupSqlite(dataDir: string, dest: string): Promise<BackupResult> {
  const started = Date.now()
  const source = join(dataDir, DB_FILE)
  if (!existsSync(source)) throw new Error(`没有数据库文件 ${source}（DATA_DIR 对吗？）`)
  const target = resolve(dest)
  if (target === resolve(source)) throw new Error('备份文件不能是数据库本身')
  const tmp = join(dirname(target), `.${basename(target)}.${process.pid}.tmp`)
  const db = new SQLite(source, { fileMustExist: true })
  try {
    db.pragma('busy_timeout = 10000')
    // First step: rate 0 opens the backup; then every page in one step (see the header).
    await db.backup(tmp, { progress: () => 0x7fffffff })
  } catch (err) {
    rmSync(tmp, { force: true })
    throw err
  } finally {
    db.close()
  }
  try {
    chmodSync(tmp, 0o600)
    // The copy keeps the source's WAL mode; a backup is one self-contained file (no -wal/-shm beside it).
    const copy = new SQLite(tmp)
    copy.pragma('journal_mode = DELETE')
    copy.close()
    quickCheck(tmp)
    const found = contents(tmp)
    fsyncPath(tmp)
    renameSync(tmp, target)
    fsyncPath(dirname(target))
    return { file: target, bytes: statSync(target).size, registrations: found?.registrations ?? 0, ms: Date.now() - started }
  } catch (err) {
    rmSync(tmp, { force: true })
    throw err
  }
}

/**
 * True when some process has the database open. In WAL mode the -wal file exists while any connection is
 * open, and the last connection to close removes it: open and close the file ourselves, and if the -wal is
 * still there, someone else holds it (a server, a CLI).
 */
export function inUse(file: string): boolean {
  if (!existsSync(file)) return false
  new SQLite(file, { fileMustExist: true }).close()
  return existsSync(`${file}-wal`) || existsSync(`${file}-shm`)
}

export interface RestoreResult {
  file: string
  registrations: number
  keptAs?: string
}

export interface Keys {
  dataKeys: Buffer[]
  indexKeys: Buffer[]
}

/**
 * `keys`: the keys the restored server will run with, when known: a backup they do not open is refused
 * before anything is replaced (restoring it would give a server that answers 500 to every record).
 */
export function restoreSqlite(backup: string, dataDir: string, opts: { force?: boolean; keys?: Keys } = {}): RestoreResult {
  const source = resolve(backup)
  if (!existsSync(source)) throw new Error(`没有备份文件 ${source}`)
  quickCheck(source)
  const found = contents(source)
  if (!found) throw new Error(`${source} 不是护童登记的数据库备份`)
  const target = join(dataDir, DB_FILE)
  if (inUse(target)) throw new Error(`${target} 正被使用：先停止服务器（以及其他使用它的进程），再恢复`)
  const existing = existsSync(target) ? contents(target, false) : undefined
  if (existing && existing.registrations + existing.users > 0 && !opts.force) {
    throw new Error(
      `${target} 里已有数据（${existing.registrations} 条登记、${existing.users} 个用户）：确认要用备份替换它，请加 --force（原文件会保留为 ${DB_FILE}.before-restore-…）`,
    )
  }
  if (opts.keys) checkKeysOpen(source, opts.keys)

  const tmp = join(dataDir, `.${DB_FILE}.restore.${process.pid}.tmp`)
  copyFileSync(source, tmp)
  chmodSync(tmp, 0o600)
  fsyncPath(tmp)
  let keptAs: string | undefined
  if (existsSync(target)) {
    keptAs = `${target}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`
    // With its -wal and -shm, if any were left: they must never sit beside the restored file under its name.
    for (const suffix of ['', '-wal', '-shm']) if (existsSync(target + suffix)) renameSync(target + suffix, keptAs + suffix)
  }
  renameSync(tmp, target)
  fsyncPath(dataDir)
  return { file: target, registrations: found.registrations, keptAs }
}

/** Opens a few stored records with the given keys; throws when none opens (the wrong keys for this backup). */
function checkKeysOpen(file: string, keys: Keys) {
  const db = new SQLite(file, { readonly: true, fileMustExist: true })
  try {
    const rows = db.prepare('select id, payload from registrations order by created_at desc limit 5').all() as {
      id: string
      payload: string
    }[]
    const vault = createVault(keys.dataKeys, keys.indexKeys)
    for (const row of rows) {
      try {
        vault.open(row.payload, row.id)
      } catch {
        throw new Error(
          `备份里的登记无法用当前的数据密钥解密（密钥 ${vault.dataKeyIds.join('、')}，登记的密钥 ${vault.sealedWith(row.payload)}）：请设置该备份所属部署的 HUTONG_DATA_KEY`,
        )
      }
    }
  } finally {
    db.close()
  }
}
