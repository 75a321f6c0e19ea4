import type { Db, Trx } from '../../platform/db';
import { stockDb } from './stock.tables';

export interface LotRef {
  id: string;
  skuId: string;
  code: string;
  expiryDate: string | null;
}

/** `${skuId}|${code}` — the key `lotsByCodes` answers under. */
export const lotCodeKey = (skuId: string, code: string) => `${skuId}|${code}`;

/**
 * Known lots by SKU and lot code as printed on the goods (a count or a kit scanning a lot), keyed by
 * `lotCodeKey`; unknown ones are absent. Read-only.
 */
export async function lotsByCodes(
  db: Db | Trx,
  keys: ReadonlyArray<{ skuId: string; code: string }>,
): Promise<Map<string, LotRef>> {
  const out = new Map<string, LotRef>();
  for (let i = 0; i < keys.length; i += 1000) {
    const chunk = keys.slice(i, i + 1000);
    const rows = await stockDb(db)
      .selectFrom('inventory.lot')
      .select(['id', 'sku_id', 'code', 'expiry_date'])
      .where((eb) => eb.or(chunk.map((k) => eb.and([eb('sku_id', '=', k.skuId), eb('code', '=', k.code)]))))
      .execute();
    for (const r of rows)
      out.set(lotCodeKey(r.sku_id, r.code), {
        id: r.id,
        skuId: r.sku_id,
        code: r.code,
        expiryDate: r.expiry_date,
      });
  }
  return out;
}

/** Lots by id (codes and expiry for views). Read-only. */
export async function lotsByIds(db: Db | Trx, ids: readonly string[]): Promise<Map<string, LotRef>> {
  const unique = [...new Set(ids)];
  const out = new Map<string, LotRef>();
  for (let i = 0; i < unique.length; i += 1000) {
    const rows = await stockDb(db)
      .selectFrom('inventory.lot')
      .select(['id', 'sku_id', 'code', 'expiry_date'])
      .where('id', 'in', unique.slice(i, i + 1000))
      .execute();
    for (const r of rows)
      out.set(r.id, { id: r.id, skuId: r.sku_id, code: r.code, expiryDate: r.expiry_date });
  }
  return out;
}
