/**
 * Key rotation: the vault with several keys (the first seals and hashes, all open and search), and the
 * rewrite of stored rows (server/src/ops/rotation.ts) on a real database: written under key A, served and
 * searched with "B,A" before and after the rewrite, then served with B alone. A stop half-way is resumed
 * by running it again. The smaller sealed columns (待复核 flags, reports of a child at risk and the words on them)
 * go the same way. The same with real processes and clients writing meanwhile: tests/drills/key-rotation.
 */
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { buildApp } from '../../server/src/app'
import { loadConfig, parseKeys } from '../../server/src/config'
import { putFlag } from '../../server/src/db/flags'
import { keyUsage, reencrypt, remaining } from '../../server/src/ops/rotation'
import { visitAad } from '../../server/src/services/visits'
import { createVault, keyId } from '../../server/src/vault'
import { freshRecord, prng } from '../drills/support/records'
import { BACKENDS, VILLAGE_A, VILLAGE_B, fixture, inVillage, startApp, uuid, type TestApp } from './helpers'

const key = () => randomBytes(32)

describe('vault with several keys', () => {
  const [A, B, IA, IB] = [key(), key(), key(), key()]

  test('a value sealed under A opens with "B,A"; new values are sealed under B and name it', () => {
    const old = createVault(A, IA)
    const sealed = old.sealJson({ n: 1 }, 'row')
    expect(sealed.startsWith(`v2.${keyId(A)}.`)).toBe(true)
    const rotated = createVault([B, A], [IB, IA])
    expect(rotated.openJson(sealed, 'row')).toEqual({ n: 1 })
    const fresh = rotated.sealJson({ n: 2 }, 'row')
    expect(rotated.sealedWith(fresh)).toBe(keyId(B))
    expect(createVault(B, IB).openJson(fresh, 'row')).toEqual({ n: 2 })
    // A key that is no longer configured: a clear error naming the key, not garbage.
    expect(() => createVault(B, IB).open(sealed, 'row')).toThrow(`sealed with data key ${keyId(A)}, which is not configured`)
    // The row id still binds the value to its row.
    expect(() => rotated.open(sealed, 'another-row')).toThrow()
  })

  test('a value from before key ids ("v1.") opens with whichever configured key sealed it', () => {
    // Written by the previous release with data key 0xa1…, index key 0x1a…, for row "row-1".
    const legacy = 'v1.wBghvtroSUggqRdz+PdCJzWEckuSFbw9ZL6009XVyYNQ+6XzrprIuPJPhfVwK91PJZKozzxW8jKyCQ=='
    const [oldData, oldIndex] = [Buffer.alloc(32, 0xa1), Buffer.alloc(32, 0x1a)]
    expect(createVault([B, oldData], [IB, oldIndex]).openJson(legacy, 'row-1')).toEqual({ child: { name: '陈小明' } })
    expect(createVault(oldData, oldIndex).sealedWith(legacy)).toBe('v1')
    expect(() => createVault(B, IB).open(legacy, 'row-1')).toThrow('no configured data key opens this value')
    // And the lookup hash of that release is the one its index key still gives.
    expect(createVault(oldData, oldIndex).lookup('name', '陈小明')).toBe('b_ndwqUm5VgZcLTTFOK_f71EmQ66UCNMtpXel3Nu54o')
  })

  test('lookups: the current index key hashes, every configured one is searched', () => {
    const v = createVault([B, A], [IB, IA])
    expect(v.lookup('id', 'x')).toBe(createVault(B, IB).lookup('id', 'x'))
    expect(v.lookups('id', 'x')).toEqual([createVault(B, IB).lookup('id', 'x'), createVault(A, IA).lookup('id', 'x')])
  })

  test('the same key twice, or a data key also used as an index key, is refused', () => {
    expect(() => createVault([A, A], IA)).toThrow('must differ')
    expect(() => createVault([B, A], [IA, A])).toThrow('must differ')
  })

  test('HUTONG_DATA_KEY lists keys separated by commas or spaces; a wrong one gets a message in Chinese', () => {
    expect(parseKeys('HUTONG_DATA_KEY', `${B.toString('base64')}, ${A.toString('base64')}`)).toEqual([B, A])
    expect(() => parseKeys('HUTONG_DATA_KEY', `${B.toString('base64')},short`)).toThrow('HUTONG_DATA_KEY 必须是32字节密钥的base64编码')
    const env = { HUTONG_DATA_KEY: `${B.toString('base64')} ${A.toString('base64')}`, HUTONG_INDEX_KEY: IB.toString('base64') }
    const dataDir = mkdtempSync(join(tmpdir(), 'hutong-keys-'))
    try {
      const config = loadConfig(env as unknown as NodeJS.ProcessEnv, { dataDir })
      expect(config.dataKeys).toEqual([B, A])
      expect(config.indexKeys).toEqual([IB])
    } finally {
      rmSync(dataDir, { recursive: true, force: true })
    }
  })
})

describe.each(BACKENDS)('rewriting stored rows under new keys (%s)', (backend) => {
  const [A, B, IA, IB] = [key(), key(), key(), key()]
  let t: TestApp
  const apps: Awaited<ReturnType<typeof buildApp>>[] = []
  afterAll(async () => {
    for (const a of apps) await a.close()
    await t.close()
  })
  /** Another app on the same database with other keys (an instance restarted with a new key list). */
  const withKeys = async (dataKeys: Buffer[], indexKeys: Buffer[]) => {
    const app = await buildApp({ config: { ...t.config, dataKeys, indexKeys }, db: { db: t.app.db, dialect: t.app.dialect } })
    apps.push(app)
    return app
  }

  test('A → "B,A" (all readable and searchable) → rewrite → B alone: every record, history and search intact', async () => {
    t = await startApp(backend, { dataKeys: [A], indexKeys: [IA] })
    const guardian = await t.guardian('device-rotation')
    const village = await t.worker('village_worker', VILLAGE_A)
    const records = ['left-behind', 'orphan', 'disability', 'de-facto-unsupported'].map((n) => inVillage(fixture(n), VILLAGE_A))
    const ids = records.map(() => uuid())
    for (const [i, r] of records.entries()) expect((await t.put(guardian, ids[i], r)).statusCode).toBe(201)
    await t.review(village, ids[0], { action: 'start_review' })
    expect((await t.review(village, ids[0], { action: 'return', reason: '请核对孩子姓名', fields: ['child.name'] })).statusCode).toBe(200)
    // A home visit: its findings sealed in the visits table (migration 008) too.
    await t.review(village, ids[1], { action: 'start_review' })
    const visit = { date: '2026-03-02', method: 'home', conclusion: 'true', guardianshipAssessment: 'good', notes: '外婆照料，孩子在校' }
    expect((await t.review(village, ids[1], { action: 'record_visit', visit })).statusCode).toBe(200)
    // A report of a child at risk with a worker's words on it, and a 待复核 flag: the smaller sealed columns.
    const atRisk = {
      id: uuid(),
      villageCode: VILLAGE_A,
      concern: 'unattended',
      seen: '孩子独自在家三天',
      reporter: 'neighbour',
      phone: '13800138000',
    }
    expect((await t.req('POST', '/api/v1/reports', { token: guardian, body: atRisk })).statusCode).toBe(201)
    const note = '已入户，奶奶在医院'
    expect(
      (await t.req('POST', `/api/v1/reports/${atRisk.id}/actions`, { token: village, body: { action: 'home_visit', note } })).statusCode,
    ).toBe(200)
    const flag = { foundOn: '2026-12-01', lost: ['left_behind'], reasons: ['年满16周岁'] }
    await putFlag(t.app.db, {
      registration_id: ids[1],
      village_code: VILLAGE_A,
      detail: t.app.vault.sealJson(flag, `flag:${ids[1]}`),
      lost: 'left_behind',
      dismissed: 0,
      updated_at: new Date().toISOString(),
    })
    // A transfer waiting, its new address sealed under A.
    const moving = { toVillage: VILLAGE_B, address: '左弼村下屋3号', note: '随祖母搬家' }
    const transfer = await t.req('POST', `/api/v1/registrations/${ids[1]}/transfer`, { token: village, body: moving })
    expect(transfer.statusCode).toBe(200)

    const get = (app: typeof t.app, id: string, token: string) =>
      app.inject({ method: 'GET', url: `/api/v1/registrations/${id}`, headers: { authorization: `Bearer ${token}` } })
    const search = async (app: typeof t.app, q: string) =>
      (
        await app.inject({
          method: 'GET',
          url: `/api/v1/review/queue?status=all&q=${encodeURIComponent(q)}`,
          headers: { authorization: `Bearer ${village}` },
        })
      )
        .json()
        .items.map((i: any) => i.id)
    const everythingReadable = async (app: typeof t.app) => {
      for (const [i, id] of ids.entries()) {
        const res = await get(app, id, guardian)
        expect({ id, status: res.statusCode, record: res.json().record }).toEqual({ id, status: 200, record: records[i] })
      }
      expect((await get(app, ids[0], guardian)).json().returned).toMatchObject({ reason: '请核对孩子姓名', fields: ['child.name'] })
      expect(await search(app, records[1].child.idNumber)).toEqual([ids[1]])
      expect(await search(app, records[2].child.name)).toContain(ids[2])
      const opened = await app.inject({
        method: 'GET',
        url: `/api/v1/reports/${atRisk.id}`,
        headers: { authorization: `Bearer ${village}` },
      })
      expect(opened.json()).toMatchObject({ seen: atRisk.seen, phone: atRisk.phone, actions: [{ note }] })
      const stored = await t.app.db
        .selectFrom('review_flags')
        .select('detail')
        .where('registration_id', '=', ids[1])
        .executeTakeFirstOrThrow()
      expect(app.vault.openJson(stored.detail, `flag:${ids[1]}`)).toEqual(flag)
      const listed = await app.inject({ method: 'GET', url: '/api/v1/transfers', headers: { authorization: `Bearer ${village}` } })
      expect(listed.json().outgoing[0]).toMatchObject({ id: transfer.json().id, note: '随祖母搬家' })
    }

    const rotating = await withKeys([B, A], [IB, IA])
    await everythingReadable(rotating)
    // Written during the rotation: under B at once.
    const during = uuid()
    const duringRecord = inVillage(freshRecord(prng(3), 'orphan'), VILLAGE_A)
    expect(
      (
        await rotating.inject({
          method: 'PUT',
          url: `/api/v1/registrations/${during}`,
          headers: { authorization: `Bearer ${guardian}` },
          payload: duringRecord,
        })
      ).statusCode,
    ).toBe(201)
    ids.push(during)
    records.push(duringRecord)
    const before = await keyUsage(t.app.db)
    expect(before.records).toEqual({ [keyId(A)]: 4, [keyId(B)]: 1 })
    expect(before.lookups).toEqual({ [keyId(IA)]: 4, [keyId(IB)]: 1 })
    expect(before.columns).toMatchObject({
      'review_flags.detail': { [keyId(A)]: 1 },
      'reports.payload': { [keyId(A)]: 1 },
      'report_actions.detail': { [keyId(A)]: 1 },
    })

    // Stopped after the first batch of one row, then run again: it goes on where it stopped.
    let batches = 0
    await expect(
      reencrypt(t.app.db, rotating.vault, {
        batchSize: 1,
        onProgress: () => {
          if (++batches === 1) throw new Error('stopped')
        },
      }),
    ).rejects.toThrow('stopped')
    expect(remaining(await keyUsage(t.app.db), rotating.vault).records).toBe(3)
    const report = await reencrypt(t.app.db, rotating.vault, { batchSize: 2 })
    expect(report.records).toEqual({ rewritten: 3, changedMeanwhile: 0 })
    expect(report.events.rewritten).toBeGreaterThanOrEqual(1)
    expect(report.columns).toMatchObject({
      'review_flags.detail': { rewritten: 1, changedMeanwhile: 0 },
      'reports.payload': { rewritten: 1, changedMeanwhile: 0 },
      'report_actions.detail': { rewritten: 1, changedMeanwhile: 0 },
    })
    const after = await keyUsage(t.app.db)
    expect(after).toMatchObject({ records: { [keyId(B)]: 5 }, lookups: { [keyId(IB)]: 5 } })
    expect(Object.keys(after.events)).toEqual([keyId(B)])
    expect(after.columns).toMatchObject({
      'review_flags.detail': { [keyId(B)]: 1 },
      'reports.payload': { [keyId(B)]: 1 },
      'report_actions.detail': { [keyId(B)]: 1 },
    })
    expect(after.visits).toEqual({ [keyId(B)]: 1 })
    expect(report.visits).toEqual({ rewritten: 1, changedMeanwhile: 0 })
    expect(remaining(after, rotating.vault)).toEqual({ records: 0, lookups: 0, events: 0, visits: 0, transfers: 0, columns: 0 })
    expect(report.transfers).toEqual({ rewritten: 1, changedMeanwhile: 0 })
    expect(Object.keys(after.transfers)).toEqual([keyId(B)])
    await everythingReadable(rotating)

    // The old keys removed: everything still there, still found.
    const rotated = await withKeys([B], [IB])
    await everythingReadable(rotated)
    expect(await search(rotated, duringRecord.child.name)).toContain(during)
    const row = await t.app.db.selectFrom('visits').selectAll().where('registration_id', '=', ids[1]).executeTakeFirstOrThrow()
    expect(rotated.vault.openJson(row.detail, visitAad(ids[1], row.version))).toEqual({
      conclusion: 'true',
      guardianshipAssessment: 'good',
      notes: visit.notes,
    })
    // And a second run finds nothing to do.
    const again = await reencrypt(t.app.db, rotated.vault)
    expect(again).toMatchObject({
      records: { rewritten: 0, changedMeanwhile: 0 },
      events: { rewritten: 0, changedMeanwhile: 0 },
      visits: { rewritten: 0, changedMeanwhile: 0 },
      transfers: { rewritten: 0, changedMeanwhile: 0 },
    })
    expect(Object.values(again.columns).every((c) => c.rewritten === 0 && c.changedMeanwhile === 0)).toBe(true)
  })
})
