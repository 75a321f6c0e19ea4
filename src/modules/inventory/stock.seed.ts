import { systemActor } from '../../platform/auth/principal';
import type { Trx } from '../../platform/db';
import { addDays, businessDayOf } from '../../platform/time/calendar';
import { type SkuFacts, ZONES_FOR_CLASS } from './inventory.deps';
import type { StorageClass } from './location.service';
import { type ReceiveInput, receiveMany } from './stock.service';
import { stockDb } from './stock.tables';

const DEMO_WAREHOUSES = ['WH-SH', 'WH-BJ', 'WH-GZ'];
export const DEMO_STOCK_SOURCE = 'demo_seed';

/** Units on a pick face by storage class: [min, max, case size]. Reserve bins hold 2–4 times that. */
const FACE_QTY: Record<StorageClass, [number, number, number]> = {
  ambient: [48, 360, 12],
  chilled: [24, 160, 6],
  frozen: [20, 120, 10],
  fragile: [6, 48, 6],
  hazardous: [4, 36, 4],
};

interface SeedBin {
  id: string;
  warehouse_id: string;
  code: string;
  kind: 'pick_face' | 'reserve';
  storage_class: StorageClass;
}

/** A small deterministic generator per SKU, so every demo install gets the same stock. */
function randomFor(text: string): () => number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return () => {
    h = (h + 0x6d2b79f5) | 0;
    let t = Math.imul(h ^ (h >>> 15), 1 | h);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Demo stock, received through the ledger (`receiveMany`, one posting) so the stock audit holds:
 * every active SKU in one or two demo warehouses, on a pick face of a zone its storage class
 * allows (the least used one) and often a reserve bin behind it; lot-tracked goods in 1–3 lots
 * produced before `now`, the oldest sometimes close to expiry (below the SKU's minimum remaining
 * shelf life, so never allocated). Idempotent: does nothing once demo stock was received.
 */
export async function seedDemoStock(
  trx: Trx,
  skus: Array<SkuFacts & { active?: boolean }>,
  now: Date,
): Promise<number> {
  const db = stockDb(trx);
  const done = await db
    .selectFrom('inventory.movement')
    .select('id')
    .where('source_type', '=', DEMO_STOCK_SOURCE)
    .limit(1)
    .executeTakeFirst();
  if (done) return 0;
  const bins = (await db
    .selectFrom('inventory.bin as b')
    .innerJoin('inventory.zone as z', 'z.id', 'b.zone_id')
    .innerJoin('inventory.warehouse as w', 'w.id', 'b.warehouse_id')
    .select(['b.id', 'b.warehouse_id', 'b.code', 'b.kind', 'z.storage_class'])
    .where('w.code', 'in', DEMO_WAREHOUSES)
    .where('b.active', '=', true)
    .where('b.kind', '<>', 'dispatch')
    .orderBy('w.code')
    .orderBy('b.code')
    .execute()) as SeedBin[];
  const warehouses = [...new Set(bins.map((b) => b.warehouse_id))];
  const used = new Map<string, number>();
  /** The least used bin of a kind the SKU may be stored in, in the warehouse. */
  const fitting = (sku: SkuFacts, warehouseId: string, kind: SeedBin['kind']) =>
    bins.filter(
      (b) =>
        b.warehouse_id === warehouseId &&
        b.kind === kind &&
        ZONES_FOR_CLASS[sku.storageClass].includes(b.storage_class),
    );
  const binFor = (sku: SkuFacts, warehouseId: string, kind: SeedBin['kind'], r: number) => {
    const fits = fitting(sku, warehouseId, kind);
    if (!fits.length) return null;
    const least = Math.min(...fits.map((b) => used.get(b.id) ?? 0));
    const choice = fits.filter((b) => (used.get(b.id) ?? 0) === least);
    const bin = choice[Math.floor(r * choice.length)];
    used.set(bin.id, least + 1);
    return bin;
  };
  const today = businessDayOf(now);
  const inputs: ReceiveInput[] = [];
  const source = {
    sourceType: DEMO_STOCK_SOURCE,
    sourceId: 'DEMO',
    reason: '演示期初库存 demo opening stock',
  };
  for (const sku of [...skus].sort((a, b) => (a.code < b.code ? -1 : 1))) {
    if (sku.active === false) continue;
    const random = randomFor(sku.code);
    const homes = warehouses.filter((w) => fitting(sku, w, 'pick_face').length > 0);
    if (!homes.length) continue;
    const first = Math.floor(random() * homes.length);
    const count = homes.length > 1 && random() < 0.45 ? 2 : 1;
    const [min, max, caseSize] = FACE_QTY[sku.storageClass];
    const units = (low: number, high: number) =>
      Math.max(caseSize, Math.round((low + random() * (high - low)) / caseSize) * caseSize);
    for (let k = 0; k < count; k++) {
      const warehouseId = homes[(first + k) % homes.length];
      const face = binFor(sku, warehouseId, 'pick_face', random())!;
      const reserve = random() < 0.5 ? binFor(sku, warehouseId, 'reserve', random()) : null;
      if (!sku.lotTracked) {
        inputs.push({ skuId: sku.id, binId: face.id, qty: units(min, max), ...source });
        if (reserve)
          inputs.push({ skuId: sku.id, binId: reserve.id, qty: units(min * 2, max * 4), ...source });
        continue;
      }
      // Lots produced days apart, newest last; the oldest is sometimes near its expiry.
      const shelfLife = sku.shelfLifeDays ?? 0;
      const lots = 1 + Math.floor(random() * 3);
      const newestAge = Math.floor(random() * 2);
      const spacing = Math.max(1, Math.floor((shelfLife || 30) / 6));
      for (let n = 0; n < lots; n++) {
        let age = newestAge + (lots - 1 - n) * spacing;
        const oldest = n === 0 && lots > 1;
        if (shelfLife && oldest && random() < 0.5)
          age = shelfLife - Math.max(1, Math.min(sku.minRemainingShelfLifeDays ?? 2, 3) - 1);
        if (shelfLife) age = Math.min(age, shelfLife - 1); // never already expired
        const productionDate = addDays(today, -age);
        const lot = { lotCode: `L${productionDate.replaceAll('-', '')}`, productionDate };
        const newest = n === lots - 1;
        // Older lots are partly sold; the newest fills the face and, if any, the reserve bin.
        inputs.push({
          skuId: sku.id,
          binId: face.id,
          qty: units(newest ? min : min / 3, newest ? max : max / 2),
          ...lot,
          ...source,
        });
        if (newest && reserve)
          inputs.push({ skuId: sku.id, binId: reserve.id, qty: units(min * 2, max * 3), ...lot, ...source });
      }
    }
  }
  const facts = new Map(skus.map((s) => [s.id, s]));
  const moved = await receiveMany(trx, inputs, { actor: systemActor('demo-seed'), now }, facts);
  return moved.length;
}
