import { sql } from 'kysely';
import type { Db, Trx } from '../../platform/db/database';
import { barcodesOf } from './sku.repo';
import type { SkuRecord } from './sku.schemas';
import { catalogDb, type SkuRow, toSkuRecord } from './sku.table';

/**
 * Many SKUs by id at once (other modules weigh and classify many SKUs per request: putaway
 * capacity, receiving). Unknown ids — and, with a merchant scope, other merchants' SKUs — are
 * simply absent from the map.
 */
export async function getSkusByIds(
  db: Db | Trx,
  ids: readonly string[],
  merchantScope: string | null,
): Promise<Map<string, SkuRecord>> {
  const unique = [...new Set(ids)];
  const rows: SkuRow[] = [];
  for (let i = 0; i < unique.length; i += 1000) {
    let q = catalogDb(db)
      .selectFrom('catalog.sku')
      .selectAll()
      .where('id', 'in', unique.slice(i, i + 1000));
    if (merchantScope) q = q.where('merchant_id', '=', merchantScope);
    rows.push(...(await q.execute()));
  }
  const barcodes = rows.length
    ? await barcodesOf(
        db,
        rows.map((r) => r.id),
      )
    : new Map<string, string[]>();
  return new Map(rows.map((r) => [r.id, toSkuRecord(r, barcodes.get(r.id) ?? [])]));
}

/**
 * A merchant's SKUs by code, with their barcodes, in one statement (order intake names the SKUs of
 * each order by code). Unknown codes are simply absent from the map (keyed by code).
 */
export async function getSkusByCodes(
  db: Db | Trx,
  merchantId: string,
  codes: readonly string[],
): Promise<Map<string, SkuRecord>> {
  const unique = [...new Set(codes)];
  if (!unique.length) return new Map();
  const { rows } = await sql<SkuRow & { barcodes: string[] | null }>`
    select s.*, (select array_agg(b.barcode order by b.position) from catalog.sku_barcode b
      where b.sku_id = s.id) as barcodes
    from catalog.sku s
    where s.merchant_id = ${merchantId} and s.code = any(${unique}::text[])`.execute(db);
  return new Map(rows.map((r) => [r.code, toSkuRecord(r, r.barcodes ?? [])]));
}
