import type { Db } from '../../platform/db';
import { isAppError } from '../../platform/lib/errors';
import type { OrderDraft } from './order.input';
import type { SkuLookup } from './order.validate';
import { ordersDeps, type SkuInfo } from './orders.deps';

/** Up to this many distinct SKUs per merchant are looked up one by one; more load the merchant's catalogue once. */
const TARGETED_LIMIT = 20;
/** With look-ups by lists of codes and ids (one statement each), up to this many are looked up by name. */
const LISTED_LIMIT = 1000;
const PAGE = 5000;

/**
 * The SKUs a batch of orders names, from the catalog: for a few orders the named ones; for an
 * import the merchant's whole catalogue, once, so every row is checked in memory.
 */
export async function skuLookupFor(db: Db, drafts: OrderDraft[]): Promise<SkuLookup & { all: SkuInfo[] }> {
  const deps = ordersDeps();
  const wanted = new Map<string, { ids: Set<string>; codes: Set<string> }>();
  for (const d of drafts) {
    const w = wanted.get(d.merchantId) ?? { ids: new Set(), codes: new Set() };
    for (const l of d.lines) {
      if (l.skuId) w.ids.add(l.skuId);
      else if (l.skuCode) w.codes.add(l.skuCode);
    }
    wanted.set(d.merchantId, w);
  }
  const byId = new Map<string, SkuInfo>();
  const byCode = new Map<string, SkuInfo>();
  const add = (s: SkuInfo) => {
    byId.set(s.id, s);
    byCode.set(`${s.merchantId}|${s.code}`, s);
  };
  for (const [merchantId, w] of wanted) {
    if (w.ids.size + w.codes.size <= LISTED_LIMIT && deps.skusByCodes && deps.skusByIds) {
      // One statement for the codes and one for the ids (an order names a few SKUs).
      if (w.codes.size)
        for (const s of (await deps.skusByCodes(db, merchantId, [...w.codes])).values()) add(s);
      if (w.ids.size) for (const s of (await deps.skusByIds(db, [...w.ids], merchantId)).values()) add(s);
      continue;
    }
    if (w.ids.size + w.codes.size <= TARGETED_LIMIT) {
      for (const id of w.ids) {
        try {
          add(await deps.getSku(db, id, merchantId));
        } catch (error) {
          if (!isAppError(error) || error.kind !== 'not_found') throw error;
        }
      }
      for (const code of w.codes) {
        const page = await deps.listSkus(db, { merchantId, q: code, limit: 50 }, merchantId);
        for (const s of page.items) if (s.code === code) add(s);
      }
      continue;
    }
    let cursor: string | undefined;
    do {
      const page = await deps.listSkus(db, { merchantId, limit: PAGE, cursor }, merchantId);
      for (const s of page.items) add(s);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
  }
  return {
    byId: (id) => byId.get(id),
    byCode: (merchantId, code) => byCode.get(`${merchantId}|${code}`),
    all: [...byId.values()],
  };
}
