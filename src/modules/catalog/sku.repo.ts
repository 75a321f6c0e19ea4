import { sql } from 'kysely';
import type { Db, Trx } from '../../platform/db/database';
import { containsPattern } from '../../platform/db/like';
import { normaliseGtin } from './gtin';
import type { SkuFilter, StorageClass } from './sku.schemas';
import { catalogDb, type SkuBarcodeRow, type SkuRow } from './sku.table';

/** Large `IN (…)` lists are split so one statement stays well under the 65,535 parameter limit. */
const CHUNK = 1000;

function chunks<T>(items: T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** One SKU by id, within the merchant scope (`null` = any merchant). */
export async function findSkuById(
  db: Db | Trx,
  id: string,
  merchantScope: string | null,
  forUpdate = false,
): Promise<SkuRow | undefined> {
  let q = catalogDb(db).selectFrom('catalog.sku').selectAll().where('id', '=', id);
  if (merchantScope) q = q.where('merchant_id', '=', merchantScope);
  if (forUpdate) q = q.forUpdate();
  return q.executeTakeFirst();
}

/** SKUs of one merchant by code. */
export async function findSkusByCodes(
  db: Db | Trx,
  merchantId: string,
  codes: string[],
  forUpdate = false,
): Promise<SkuRow[]> {
  const rows: SkuRow[] = [];
  for (const part of chunks([...new Set(codes)])) {
    let q = catalogDb(db)
      .selectFrom('catalog.sku')
      .selectAll()
      .where('merchant_id', '=', merchantId)
      .where('code', 'in', part);
    if (forUpdate) q = q.orderBy('id').forUpdate();
    rows.push(...(await q.execute()));
  }
  return rows;
}

export async function codeTaken(db: Db | Trx, merchantId: string, code: string, exceptId?: string) {
  let q = catalogDb(db)
    .selectFrom('catalog.sku')
    .select('id')
    .where('merchant_id', '=', merchantId)
    .where('code', '=', code);
  if (exceptId) q = q.where('id', '<>', exceptId);
  return !!(await q.executeTakeFirst());
}

/** Barcodes of each SKU, in the order the user gave them. */
export async function barcodesOf(db: Db | Trx, skuIds: string[]): Promise<Map<string, string[]>> {
  const map = new Map<string, string[]>(skuIds.map((id) => [id, []]));
  for (const part of chunks([...new Set(skuIds)])) {
    const rows = await catalogDb(db)
      .selectFrom('catalog.sku_barcode')
      .select(['sku_id', 'barcode'])
      .where('sku_id', 'in', part)
      .orderBy('sku_id')
      .orderBy('position')
      .execute();
    for (const r of rows) map.get(r.sku_id)?.push(r.barcode);
  }
  return map;
}

/** Which SKU holds each of these barcodes (absent = free). */
export async function barcodeOwners(db: Db | Trx, barcodes: string[]): Promise<Map<string, string>> {
  const map = new Map<string, string>();
  for (const part of chunks([...new Set(barcodes)])) {
    const rows = await catalogDb(db)
      .selectFrom('catalog.sku_barcode')
      .select(['barcode', 'sku_id'])
      .where('barcode', 'in', part)
      .execute();
    for (const r of rows) map.set(r.barcode, r.sku_id);
  }
  return map;
}

export interface SkuListOptions extends SkuFilter {
  merchantScope: string | null;
  limit: number;
  /** Keyset: the (code, id) of the last row of the previous page. */
  after?: [string, string];
}

/** A page of SKUs ordered by (code, id), fetching `limit + 1` rows so the caller knows if more follow. */
export async function listSkuRows(db: Db, options: SkuListOptions): Promise<SkuRow[]> {
  let q = catalogDb(db).selectFrom('catalog.sku as s').selectAll('s');
  if (options.merchantScope) q = q.where('s.merchant_id', '=', options.merchantScope);
  if (options.merchantId) q = q.where('s.merchant_id', '=', options.merchantId);
  if (options.storageClass) q = q.where('s.storage_class', '=', options.storageClass);
  if (options.active !== undefined) q = q.where('s.active', '=', options.active);
  if (options.q) {
    const text = options.q;
    const like = containsPattern(text);
    const barcode = normaliseGtin(text);
    q = q.where((eb) =>
      eb.or([
        eb('s.code', 'ilike', like),
        eb('s.name_zh', 'ilike', like),
        eb('s.name_en', 'ilike', like),
        ...(/^\d{8,14}$/.test(barcode)
          ? [
              eb.exists(
                eb
                  .selectFrom('catalog.sku_barcode as b')
                  .select('b.sku_id')
                  .whereRef('b.sku_id', '=', 's.id')
                  .where('b.barcode', '=', barcode),
              ),
            ]
          : []),
      ]),
    );
  }
  if (options.after) {
    const [code, id] = options.after;
    q = q.where((eb) => eb(eb.refTuple('s.code', 's.id'), '>', eb.tuple(code, id)));
  }
  return q
    .orderBy('s.code')
    .orderBy('s.id')
    .limit(options.limit + 1)
    .execute();
}

export async function countSkus(
  db: Db,
  merchantScope: string | null,
  merchantId?: string,
): Promise<Array<{ storageClass: StorageClass; total: number; active: number }>> {
  let q = catalogDb(db)
    .selectFrom('catalog.sku')
    .select([
      'storage_class',
      sql<number>`count(*)::int`.as('total'),
      sql<number>`count(*) filter (where active)::int`.as('active'),
    ])
    .groupBy('storage_class');
  if (merchantScope) q = q.where('merchant_id', '=', merchantScope);
  if (merchantId) q = q.where('merchant_id', '=', merchantId);
  const rows = await q.execute();
  return rows.map((r) => ({ storageClass: r.storage_class, total: r.total, active: r.active }));
}

export async function merchantHasSkus(db: Db | Trx, merchantIds: string[]): Promise<boolean> {
  if (!merchantIds.length) return false;
  const row = await catalogDb(db)
    .selectFrom('catalog.sku')
    .select('id')
    .where('merchant_id', 'in', merchantIds)
    .limit(1)
    .executeTakeFirst();
  return !!row;
}

export async function insertSkuRows(trx: Trx, rows: SkuRow[]): Promise<void> {
  for (const part of chunks(rows, 500)) await catalogDb(trx).insertInto('catalog.sku').values(part).execute();
}

/**
 * Insert new SKUs and overwrite existing ones (by id) in one statement per 500 rows; the caller
 * holds the row locks of the existing ones and has bumped their `version`.
 */
export async function upsertSkuRows(trx: Trx, rows: SkuRow[]): Promise<void> {
  for (const part of chunks(rows, 500)) {
    await catalogDb(trx)
      .insertInto('catalog.sku')
      .values(part)
      .onConflict((oc) =>
        oc.column('id').doUpdateSet((eb) => ({
          code: eb.ref('excluded.code'),
          name_zh: eb.ref('excluded.name_zh'),
          name_en: eb.ref('excluded.name_en'),
          unit: eb.ref('excluded.unit'),
          weight_g: eb.ref('excluded.weight_g'),
          length_mm: eb.ref('excluded.length_mm'),
          width_mm: eb.ref('excluded.width_mm'),
          height_mm: eb.ref('excluded.height_mm'),
          storage_class: eb.ref('excluded.storage_class'),
          shelf_life_days: eb.ref('excluded.shelf_life_days'),
          min_remaining_shelf_life_days: eb.ref('excluded.min_remaining_shelf_life_days'),
          lot_tracked: eb.ref('excluded.lot_tracked'),
          hazard_class: eb.ref('excluded.hazard_class'),
          active: eb.ref('excluded.active'),
          updated_at: eb.ref('excluded.updated_at'),
          version: eb.ref('excluded.version'),
        })),
      )
      .execute();
  }
}

/** Write every column of an existing SKU; the caller holds the row lock and bumps `version`. */
export async function updateSkuRow(trx: Trx, row: SkuRow): Promise<void> {
  const { id, created_at: _created, merchant_id: _merchant, ...values } = row;
  await catalogDb(trx).updateTable('catalog.sku').set(values).where('id', '=', id).execute();
}

/** Replace the barcodes of these SKUs with `barcodes` (each list in the user's order). */
export async function replaceBarcodes(trx: Trx, barcodes: Map<string, string[]>): Promise<void> {
  const skuIds = [...barcodes.keys()];
  for (const part of chunks(skuIds)) {
    await catalogDb(trx).deleteFrom('catalog.sku_barcode').where('sku_id', 'in', part).execute();
  }
  const rows: SkuBarcodeRow[] = [];
  for (const [skuId, list] of barcodes) {
    list.forEach((barcode, position) => {
      rows.push({ sku_id: skuId, barcode, position });
    });
  }
  for (const part of chunks(rows))
    await catalogDb(trx).insertInto('catalog.sku_barcode').values(part).execute();
}
