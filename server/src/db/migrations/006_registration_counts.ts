/**
 * Counts kept per village and status (with the category sums), so that a queue's `total` and a region's
 * /stats add up a few hundred counter rows instead of counting every registration of a county (at 300,000
 * registrations PostgreSQL spent ~200 ms on one county's count; the counters take ~1 ms, bench/results).
 * Kept by triggers on registrations, in the same transaction as each change — insert, any update of status,
 * village or category, delete — whichever code (or operator) makes it. Filled from the rows at migration.
 * On PostgreSQL also an index for the queue's page: the newest changes first across a whole region, which
 * the region index (village first) can only give by sorting every row of the region.
 */
import { PostgresAdapter, sql, type Kysely } from 'kysely'

const CATS = ['cat_left_behind', 'cat_difficulty', 'cat_de_facto_unsupported', 'cat_orphan'] as const
const sums = CATS.map((c) => `sum(${c})`).join(', ')
const backfill = `insert into registration_counts (village_code, status, n, ${CATS.join(', ')})
  select village_code, status, count(*), ${sums} from registrations group by village_code, status`

/** The counter row of (village, status) moves by `sign` (+1 / -1) times the row `r` ('new' or 'old'). */
const upsert = (r: 'new' | 'old', sign: '+' | '-', counts = 'registration_counts') =>
  `insert into ${counts} (village_code, status, n, ${CATS.join(', ')})
     values (${r}.village_code, ${r}.status, ${sign}1, ${CATS.map((c) => `${sign}${r}.${c}`).join(', ')})
     on conflict (village_code, status) do update set n = ${counts}.n + excluded.n,
       ${CATS.map((c) => `${c} = ${counts}.${c} + excluded.${c}`).join(', ')}`

const changed = `old.village_code is not new.village_code or old.status is not new.status or ${CATS.map((c) => `old.${c} is not new.${c}`).join(' or ')}`

function createCounts(db: Kysely<any>) {
  return db.schema
    .createTable('registration_counts')
    .addColumn('village_code', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('n', 'integer', (c) => c.notNull())
    .addColumn('cat_left_behind', 'integer', (c) => c.notNull())
    .addColumn('cat_difficulty', 'integer', (c) => c.notNull())
    .addColumn('cat_de_facto_unsupported', 'integer', (c) => c.notNull())
    .addColumn('cat_orphan', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('registration_counts_pk', ['village_code', 'status'])
    .execute()
}

async function sqliteUp(db: Kysely<any>) {
  // Kysely runs SQLite migrations outside a transaction: this one takes its own, so that another process
  // sharing the file cannot write between the triggers' creation and the fill.
  await sql`begin immediate`.execute(db)
  try {
    await createCounts(db)
    for (const statement of [
      `create trigger registration_counts_insert after insert on registrations begin ${upsert('new', '+')}; end`,
      `create trigger registration_counts_delete after delete on registrations begin ${upsert('old', '-')}; end`,
      `create trigger registration_counts_update after update on registrations when ${changed}
         begin ${upsert('old', '-')}; ${upsert('new', '+')}; end`,
      backfill,
    ])
      await sql.raw(statement).execute(db)
    await sql`commit`.execute(db)
  } catch (err) {
    await sql`rollback`.execute(db)
    throw err
  }
}

/** In the migration's transaction: creating the trigger locks out writes until the fill has committed. */
async function postgresUp(db: Kysely<any>) {
  await createCounts(db)
  // The two counter rows of a status change are locked in key order (lower first), so two transactions moving
  // records of one village in opposite directions cannot deadlock on them.
  const pgChanged = changed.replaceAll(' is not ', ' is distinct from ')
  await sql
    .raw(
      `create function registration_counts_apply() returns trigger language plpgsql as $$
  begin
    if tg_op = 'UPDATE' then
      if not (${pgChanged}) then return null; end if;
      if (new.village_code, new.status) < (old.village_code, old.status) then
        ${upsert('new', '+')};
        ${upsert('old', '-')};
        return null;
      end if;
    end if;
    if tg_op <> 'INSERT' then ${upsert('old', '-')}; end if;
    if tg_op <> 'DELETE' then ${upsert('new', '+')}; end if;
    return null;
  end $$`,
    )
    .execute(db)
  await sql
    .raw(
      `create trigger registration_counts after insert or update or delete on registrations
         for each row execute function registration_counts_apply()`,
    )
    .execute(db)
  await sql.raw(backfill).execute(db)
  await db.schema.createIndex('registrations_recent').on('registrations').columns(['updated_at', 'id', 'village_code', 'status']).execute()
}

const isPostgres = (db: Kysely<any>) => db.getExecutor().adapter instanceof PostgresAdapter

export async function up(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) await postgresUp(db)
  else await sqliteUp(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) {
    await sql`drop index registrations_recent`.execute(db)
    await sql`drop trigger registration_counts on registrations`.execute(db)
    await sql`drop function registration_counts_apply()`.execute(db)
  } else {
    for (const t of ['insert', 'delete', 'update']) await sql.raw(`drop trigger registration_counts_${t}`).execute(db)
  }
  await db.schema.dropTable('registration_counts').execute()
}
