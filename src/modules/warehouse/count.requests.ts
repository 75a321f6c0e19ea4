import { sql } from 'kysely';
import { type Db, type Trx, tablesOf } from '../../platform/db';

/**
 * The part of outbound's `warehouse.count_request` (a bin × SKU to recount after a short pick) that
 * counting reads and closes. Outbound raises the requests; a cycle count picks their bins up first,
 * and posting the count closes the requests of the bins it counted.
 */
interface CountRequestTables {
  'warehouse.count_request': {
    id: string;
    warehouse_id: string;
    bin_id: string;
    status: 'open' | 'done' | 'cancelled';
    created_at: Date;
    closed_at: Date | null;
  };
}

const requests = (db: Db | Trx) => tablesOf<CountRequestTables>(db as Db);

/** Outbound owns the table; until its migration has run there are no requests to read. */
async function tableExists(db: Db | Trx): Promise<boolean> {
  const { rows } = await sql<{
    ok: boolean;
  }>`select to_regclass('warehouse.count_request') is not null as ok`.execute(db);
  return !!rows[0]?.ok;
}

/** Bins with an open count request in the warehouse. */
export async function requestedBins(db: Db | Trx, warehouseId: string): Promise<Set<string>> {
  if (!(await tableExists(db))) return new Set();
  const rows = await requests(db)
    .selectFrom('warehouse.count_request')
    .select('bin_id')
    .distinct()
    .where('warehouse_id', '=', warehouseId)
    .where('status', '=', 'open')
    .execute();
  return new Set(rows.map((r) => r.bin_id));
}

/** Close the open requests of bins a posted count counted (raised before the bin was counted). */
export async function closeRequests(
  trx: Trx,
  warehouseId: string,
  counted: ReadonlyArray<{ binId: string; countedAt: Date }>,
  now: Date,
): Promise<number> {
  if (!(await tableExists(trx))) return 0;
  const open = await requests(trx)
    .selectFrom('warehouse.count_request')
    .select(['id', 'bin_id', 'created_at'])
    .where('warehouse_id', '=', warehouseId)
    .where('status', '=', 'open')
    .execute();
  if (!open.length) return 0;
  const countedAt = new Map(counted.map((c) => [c.binId, c.countedAt.getTime()]));
  const ids = open
    .filter((r) => (countedAt.get(r.bin_id) ?? Number.NEGATIVE_INFINITY) >= r.created_at.getTime())
    .map((r) => r.id);
  if (!ids.length) return 0;
  await requests(trx)
    .updateTable('warehouse.count_request')
    .set({ status: 'done', closed_at: now })
    .where('id', 'in', ids)
    .where('status', '=', 'open')
    .execute();
  return ids.length;
}
