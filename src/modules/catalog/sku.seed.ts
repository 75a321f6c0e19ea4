import { recordAudits } from '../../platform/audit/audit';
import { type Actor, systemActor } from '../../platform/auth/principal';
import type { Trx } from '../../platform/db/database';
import { newId } from '../../platform/lib/ids';
import { withCheckDigit } from './gtin';
import { insertSkuRows, merchantHasSkus, replaceBarcodes } from './sku.repo';
import { type SkuInput, skuInputSchema } from './sku.schemas';
import { SKU_ENTITY, summaryOf } from './sku.service';
import { type SkuRow, toSkuRecord, toSkuRow } from './sku.table';
import { FRESH_PRODUCTS, HOME_PRODUCTS, type SeedProduct } from './sku-seed.data';

/** The two demo ranges, each with its GS1 company prefix (China, 690–699) for the barcodes. */
const RANGES = {
  fresh: { products: FRESH_PRODUCTS, companyPrefix: '6921688' },
  home: { products: HOME_PRODUCTS, companyPrefix: '6937502' },
} as const;
export type DemoRange = keyof typeof RANGES;

export interface SeedMerchant {
  id: string;
  code: string;
  /** Which range the merchant sells; by default from its code (FRESH/XF… → fresh, HOME/YP… → home), else by position. */
  range?: DemoRange;
}

function rangeOf(merchant: SeedMerchant, index: number): DemoRange {
  if (merchant.range) return merchant.range;
  if (/FRESH|XF/i.test(merchant.code)) return 'fresh';
  if (/HOME|YP/i.test(merchant.code)) return 'home';
  return index === 0 ? 'fresh' : 'home';
}

/** The demo SKUs of one range as input rows (deterministic: same codes and barcodes every time). */
export function demoSkuInputs(products: SeedProduct[], companyPrefix: string): SkuInput[] {
  const inputs: SkuInput[] = [];
  for (const p of products) {
    for (const [suffix, specZh, specEn, factor] of p.variants) {
      const scale = Math.cbrt(factor);
      const itemReference = String(inputs.length + 1).padStart(12 - companyPrefix.length, '0');
      inputs.push(
        skuInputSchema.parse({
          code: suffix ? `${p.stem}-${suffix}` : p.stem,
          nameZh: specZh ? `${p.zh} ${specZh}` : p.zh,
          nameEn: specEn ? `${p.en}, ${specEn}` : p.en,
          barcodes: [withCheckDigit(`${companyPrefix}${itemReference}`)],
          unit: p.unit,
          weightG: Math.max(1, Math.round(p.weightG * factor)),
          lengthMm: Math.max(1, Math.round(p.dims[0] * scale)),
          widthMm: Math.max(1, Math.round(p.dims[1] * scale)),
          heightMm: Math.max(1, Math.round(p.dims[2] * scale)),
          storageClass: p.storage,
          shelfLifeDays: p.shelfLifeDays ?? null,
          minRemainingShelfLifeDays: p.minRemainingDays ?? null,
          hazardClass: p.hazardClass ?? null,
          active: !p.inactive,
        }),
      );
    }
  }
  return inputs;
}

/**
 * About 200 demo SKUs: a fresh-food range (鲜丰生鲜: produce, dairy, meat, frozen, pantry) and a home
 * and electronics range (优品家居: glassware, ceramics, batteries, aerosols, appliances, textiles),
 * one range per merchant. Does nothing if any of these merchants already has SKUs. Runs in the
 * caller's transaction; returns the number of SKUs created.
 */
export async function seedDemoSkus(
  trx: Trx,
  options: { merchants: SeedMerchant[]; now: Date; actor?: Actor },
): Promise<number> {
  const merchants = options.merchants.slice(0, 2);
  if (
    !merchants.length ||
    (await merchantHasSkus(
      trx,
      merchants.map((m) => m.id),
    ))
  )
    return 0;
  const actor = options.actor ?? systemActor('seed');
  const rows: SkuRow[] = [];
  const barcodes = new Map<string, string[]>();
  const ranges =
    merchants.length === 1 ? [['fresh', 'home'] as DemoRange[]] : merchants.map((m, i) => [rangeOf(m, i)]);
  merchants.forEach((merchant, i) => {
    for (const range of ranges[i]) {
      for (const input of demoSkuInputs(RANGES[range].products, RANGES[range].companyPrefix)) {
        const row = toSkuRow(input, {
          id: newId(),
          merchantId: merchant.id,
          createdAt: options.now,
          updatedAt: options.now,
          version: 1,
        });
        rows.push(row);
        barcodes.set(row.id, input.barcodes);
      }
    }
  });
  await insertSkuRows(trx, rows);
  await replaceBarcodes(trx, barcodes);
  await recordAudits(
    trx,
    actor,
    rows.map((row) => {
      const after = toSkuRecord(row, barcodes.get(row.id) ?? []);
      return {
        action: 'create',
        entity: SKU_ENTITY,
        entityId: row.id,
        summary: `seed: ${summaryOf(after)}`,
        after,
        merchantId: row.merchant_id,
      };
    }),
    options.now,
  );
  return rows.length;
}
