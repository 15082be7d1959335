import type { DataSource, EntityManager } from 'typeorm';

const quote = (identifier: string) => `"${identifier.replace(/"/g, '""')}"`;

/**
 * Runs `work` in a transaction with the shadow schema first on the search path, so that unqualified names mean the
 * shadow tables. `waitForDisk: false` for batches nothing depends on until the swap, which commits durably.
 */
async function inShadow(
  dataSource: DataSource,
  shadow: string,
  live: string,
  work: (manager: EntityManager) => Promise<void>,
  { waitForDisk = true } = {},
): Promise<void> {
  await dataSource.transaction(async (manager) => {
    const path = `${quote(shadow)}, ${quote(live)}`;
    await manager.query(
      waitForDisk
        ? `SELECT set_config('search_path', $1, true)`
        : `SELECT set_config('search_path', $1, true), set_config('synchronous_commit', 'off', true)`,
      [path],
    );
    await work(manager);
  });
}

interface LiveTable {
  readonly name: string;
  /** The primary key and unique constraints and indexes, which upserts (ON CONFLICT) need from the start. */
  readonly keys: readonly string[];
  /** The other indexes, the foreign keys and the grants, added once the rows are in. */
  readonly rest: readonly string[];
  readonly owner: string;
}

/**
 * Fresh copies of a projection's live tables in a shadow schema, which a rebuild fills and then renames into place.
 * Each copy gets the live table's columns, defaults and checks, and, under their live names, its constraints and
 * indexes: the names that migrations later ALTER or DROP stay valid after the swap. The copies are filled with
 * only their keys (upserts need those), and `seal` builds the other indexes at once from the rows, which costs far
 * less than keeping them up to date row by row. They are logged tables from the start: turning an unlogged one
 * logged rewrites it, which measured slower than writing its log as it fills (its batches do not wait for the disk).
 * The dead row versions the fill leaves are autovacuum's: its counters move with the table.
 */
export class ShadowTables {
  private constructor(
    private readonly dataSource: DataSource,
    readonly shadow: string,
    readonly live: string,
    private readonly tables: readonly LiveTable[],
  ) {}

  static async create(dataSource: DataSource, shadow: string, live: string, names: readonly string[]): Promise<ShadowTables> {
    const tables: LiveTable[] = [];
    for (const name of names) tables.push(await describe(dataSource, live, shadow, name));
    await dataSource.query(`DROP SCHEMA IF EXISTS ${quote(shadow)} CASCADE`);
    await dataSource.query(`CREATE SCHEMA ${quote(shadow)}`);
    await inShadow(dataSource, shadow, live, async (manager) => {
      for (const table of tables) {
        await manager.query(`CREATE TABLE ${quote(shadow)}.${quote(table.name)} (LIKE ${quote(live)}.${quote(table.name)} INCLUDING ALL EXCLUDING INDEXES)`);
        for (const key of table.keys) await manager.query(key);
      }
    });
    return new ShadowTables(dataSource, shadow, live, tables);
  }

  /** Applies one batch of the rebuild to the copies (unqualified table names mean them). */
  fill(work: (manager: EntityManager) => Promise<void>): Promise<void> {
    return inShadow(this.dataSource, this.shadow, this.live, work, { waitForDisk: false });
  }

  /** Makes the filled copies ready to go live, while the live tables still answer and their runner still runs. */
  async seal(): Promise<void> {
    for (const table of this.tables) {
      const target = `${quote(this.shadow)}.${quote(table.name)}`;
      await inShadow(this.dataSource, this.shadow, this.live, async (manager) => {
        for (const statement of table.rest) await manager.query(statement);
      });
      // statistics now, not after the swap: the first list queries plan with them
      await this.dataSource.query(`ANALYZE ${target}`);
    }
  }

  /**
   * Replaces the live tables by the copies, inside the caller's transaction. The lock makes readers wait rather
   * than fail; once it is released they look the name up again and read the new table. Anything that refers to
   * a live table by identity (a view, a foreign key into it) makes the DROP fail: the rebuild then changes nothing.
   */
  async swap(manager: EntityManager): Promise<void> {
    for (const table of this.tables) {
      const target = `${quote(this.live)}.${quote(table.name)}`;
      await manager.query(`LOCK TABLE ${target} IN ACCESS EXCLUSIVE MODE`);
      await manager.query(`DROP TABLE ${target}`);
      await manager.query(`ALTER TABLE ${quote(this.shadow)}.${quote(table.name)} SET SCHEMA ${quote(this.live)}`);
      await manager.query(`ALTER TABLE ${target} OWNER TO ${quote(table.owner)}`);
    }
  }

  async drop(): Promise<void> {
    await this.dataSource.query(`DROP SCHEMA IF EXISTS ${quote(this.shadow)} CASCADE`);
  }
}

/**
 * The live table's owner, keys, other indexes, foreign keys and grants, as statements that recreate them by name on the
 * copy in `shadow`. Constraint definitions name no table of their own; index definitions name the live table
 * schema-qualified (as `format('%I.%I')` writes it), which is swapped for the copy.
 */
async function describe(dataSource: DataSource, live: string, shadow: string, name: string): Promise<LiveTable> {
  const liveTable = `${quote(live)}.${quote(name)}`;
  const shadowTable = `${quote(shadow)}.${quote(name)}`;
  const [{ owner, qualified }] = await dataSource.query(
    `SELECT pg_get_userbyid(relowner) AS owner, format('%I.%I', $2::text, $3::text) AS qualified FROM pg_class WHERE oid = to_regclass($1)`,
    [liveTable, live, name],
  );
  const constraints: { name: string; type: string; def: string }[] = await dataSource.query(
    `SELECT conname AS name, contype AS type, pg_get_constraintdef(oid) AS def FROM pg_constraint
     WHERE conrelid = to_regclass($1) AND contype IN ('p', 'u', 'x', 'f') ORDER BY contype = 'f', conname`,
    [liveTable],
  );
  const indexes: { def: string; unique: boolean }[] = await dataSource.query(
    `SELECT pg_get_indexdef(i.indexrelid) AS def, i.indisunique AS unique FROM pg_index i
     WHERE i.indrelid = to_regclass($1)
       AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conrelid = i.indrelid AND c.conindid = i.indexrelid AND c.contype IN ('p', 'u', 'x'))
     ORDER BY i.indexrelid`,
    [liveTable],
  );
  // privileges granted to others (a reporting role, say) go with the table; the owner's are its own
  const grants: { statement: string }[] = await dataSource.query(
    `SELECT format('GRANT %s ON %s TO %s%s', a.privilege_type, $2::text,
                   CASE WHEN a.grantee = 0 THEN 'PUBLIC' ELSE quote_ident(pg_get_userbyid(a.grantee)) END,
                   CASE WHEN a.is_grantable THEN ' WITH GRANT OPTION' ELSE '' END) AS statement
     FROM pg_class c, aclexplode(c.relacl) a WHERE c.oid = to_regclass($1) AND a.grantee <> c.relowner`,
    [liveTable, shadowTable],
  );
  // a copy made with LIKE has no triggers: refuse rather than swap in a table that silently lost them
  const [{ triggers }] = await dataSource.query(`SELECT count(*)::int AS triggers FROM pg_trigger WHERE tgrelid = to_regclass($1) AND NOT tgisinternal`, [liveTable]);
  if (triggers > 0) throw new Error(`cannot rebuild ${liveTable} by swapping tables: it has triggers, which a copy would not have`);
  const onLive = ` ON ${qualified} USING `;
  const index = (def: string) => {
    if (!def.includes(onLive)) throw new Error(`cannot copy index of ${liveTable}: ${def}`);
    return def.replace(onLive, ` ON ${shadowTable} USING `);
  };
  const addConstraint = (c: { name: string; def: string }) => `ALTER TABLE ${shadowTable} ADD CONSTRAINT ${quote(c.name)} ${c.def}`;
  return {
    name,
    owner,
    keys: [...constraints.filter((c) => c.type !== 'f').map(addConstraint), ...indexes.filter((i) => i.unique).map((i) => index(i.def))],
    rest: [...indexes.filter((i) => !i.unique).map((i) => index(i.def)), ...constraints.filter((c) => c.type === 'f').map(addConstraint), ...grants.map((g) => g.statement)],
  };
}
