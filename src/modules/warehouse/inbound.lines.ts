import type { Db, Trx } from '../../platform/db';
import { AppError, type FieldIssue } from '../../platform/lib/errors';
import { addDays } from '../../platform/time/calendar';
import { type WarehouseSku, warehouseDeps } from './warehouse.deps';

/** A line as an ASN or a receipt states it (before anything is counted). */
export interface ExpectedLineInput {
  skuId: string;
  lotCode?: string | null;
  productionDate?: string | null;
  expiryDate?: string | null;
}

export const issue = (field: string, code: string, params: Record<string, unknown> = {}): FieldIssue => ({
  field,
  code,
  message: code,
  params,
});

/** 400 `validation_failed` with the issues, when there are any. */
export function throwIssues(issues: FieldIssue[]): void {
  if (issues.length) throw new AppError('bad_request', 'validation_failed', {}, issues);
}

/** The expiry date: as given, or the production date plus the SKU's shelf life. */
export function expiryOf(
  sku: Pick<WarehouseSku, 'shelfLifeDays'>,
  productionDate: string | null | undefined,
  expiryDate: string | null | undefined,
): string | null {
  if (expiryDate) return expiryDate;
  if (productionDate && sku.shelfLifeDays) return addDays(productionDate, sku.shelfLifeDays);
  return null;
}

/**
 * The SKUs of the lines, checked: each must exist, belong to the document's merchant (another
 * merchant's SKU is "not found", never named) and be active; a lot only for lot-tracked SKUs; an
 * expiry not before production. All problems come back at once as field issues under `prefix`.
 */
export async function checkedSkus(
  db: Db | Trx,
  merchantId: string,
  lines: readonly ExpectedLineInput[],
  prefix: string,
): Promise<Map<string, WarehouseSku>> {
  const skus = await warehouseDeps().skusByIds(
    db,
    lines.map((l) => l.skuId),
  );
  const issues: FieldIssue[] = [];
  lines.forEach((line, i) => {
    const sku = skus.get(line.skuId);
    const at = (f: string) => `${prefix}.${i}.${f}`;
    if (!sku || sku.merchantId !== merchantId) {
      issues.push(issue(at('skuId'), 'warehouse.sku_not_found', { id: line.skuId }));
      return;
    }
    if (!sku.active) issues.push(issue(at('skuId'), 'warehouse.sku_inactive', { sku: sku.code }));
    if (line.lotCode && !sku.lotTracked)
      issues.push(issue(at('lotCode'), 'warehouse.lot_not_tracked', { sku: sku.code }));
    if (line.productionDate && line.expiryDate && line.expiryDate < line.productionDate)
      issues.push(issue(at('expiryDate'), 'warehouse.lot_dates_inverted'));
  });
  throwIssues(issues);
  return skus;
}

/** Display name of a SKU for views: `{ code, nameZh, nameEn }`. */
export const skuLabel = (sku: WarehouseSku | undefined, id: string) => ({
  skuCode: sku?.code ?? id.slice(0, 8),
  skuNameZh: sku?.nameZh ?? null,
  skuNameEn: sku?.nameEn ?? null,
});
