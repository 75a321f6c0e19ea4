import type { z } from 'zod';
import { recordAudit } from '../../platform/audit/audit';
import type { Actor } from '../../platform/auth/principal';
import type { Db, Trx } from '../../platform/db/database';
import { isUniqueViolation } from '../../platform/db/transaction';
import { decodeCursor, paginate } from '../../platform/http/pagination';
import { type Lang, t } from '../../platform/i18n/i18n';
import { AppError, type FieldIssue } from '../../platform/lib/errors';
import { newId } from '../../platform/lib/ids';
import { parseOrThrow } from './catalog.issues';
import {
  barcodeOwners,
  barcodesOf,
  codeTaken,
  countSkus,
  findSkuById,
  insertSkuRows,
  listSkuRows,
  replaceBarcodes,
  updateSkuRow,
} from './sku.repo';
import {
  type SkuFilter,
  type SkuRecord,
  type SkuStats,
  STORAGE_CLASSES,
  skuCreateBody,
  skuInputSchema,
  skuPatchBody,
} from './sku.schemas';
import { inputOf, mergeInput, type SkuRow, sameInput, toSkuRecord, toSkuRow } from './sku.table';

/** Who writes, when, in which language errors are told, and whose SKUs they may touch. */
export interface CatalogWriteContext {
  actor: Actor;
  now: Date;
  lang: Lang;
  /** Set for merchant-portal users: the only merchant whose SKUs they may see or change. */
  merchantScope: string | null;
}

/** How the catalog learns about merchants, which live in the org module. */
export interface MerchantLookup {
  merchantExists(db: Db, merchantId: string): Promise<boolean>;
  merchantIdByCode(db: Db, code: string): Promise<string | null>;
}

export const SKU_ENTITY = 'catalog.sku';

const skuNotFound = (id: string) => new AppError('not_found', 'catalog.sku_not_found', { id });

async function recordsOf(db: Db | Trx, rows: SkuRow[]): Promise<SkuRecord[]> {
  const barcodes = await barcodesOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => toSkuRecord(r, barcodes.get(r.id) ?? []));
}

/** One SKU; a SKU of another merchant answers 404 exactly like a missing one. */
export async function getSku(db: Db, id: string, merchantScope: string | null): Promise<SkuRecord> {
  const row = await findSkuById(db, id, merchantScope);
  if (!row) throw skuNotFound(id);
  return (await recordsOf(db, [row]))[0];
}

export interface SkuListQuery extends SkuFilter {
  limit: number;
  cursor?: string;
}

export async function listSkus(db: Db, query: SkuListQuery, merchantScope: string | null) {
  const after = query.cursor ? (decodeCursor(query.cursor, 2).map(String) as [string, string]) : undefined;
  const rows = await listSkuRows(db, { ...query, merchantScope, after });
  const page = paginate(rows, query.limit, (r) => [r.code, r.id]);
  return { items: await recordsOf(db, page.items), nextCursor: page.nextCursor };
}

/** Walk every SKU matching the filter, a page at a time (export). */
export async function* allSkus(db: Db, filter: SkuFilter, merchantScope: string | null, pageSize = 1000) {
  let cursor: string | undefined;
  do {
    const page = await listSkus(db, { ...filter, limit: pageSize, cursor }, merchantScope);
    yield page.items;
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
}

export async function skuStats(
  db: Db,
  filter: { merchantId?: string },
  merchantScope: string | null,
): Promise<SkuStats> {
  const rows = await countSkus(db, merchantScope, filter.merchantId);
  const byClass = new Map(rows.map((r) => [r.storageClass, r]));
  return {
    byStorageClass: STORAGE_CLASSES.map((storageClass) => ({
      storageClass,
      count: byClass.get(storageClass)?.total ?? 0,
    })),
    total: rows.reduce((sum, r) => sum + r.total, 0),
    active: rows.reduce((sum, r) => sum + r.active, 0),
  };
}

function conflictOn(code: string, params: Record<string, unknown>, field: string, lang: Lang) {
  const issue: FieldIssue = { field, code, message: t(lang, code, params) };
  return new AppError('conflict', code, params, [issue]);
}

async function assertCodeFree(
  trx: Trx,
  merchantId: string,
  code: string,
  ctx: CatalogWriteContext,
  exceptId?: string,
) {
  if (await codeTaken(trx, merchantId, code, exceptId)) {
    throw conflictOn('catalog.duplicate_code', { code }, 'body.code', ctx.lang);
  }
}

async function assertBarcodesFree(trx: Trx, barcodes: string[], ctx: CatalogWriteContext, ownId?: string) {
  const owners = await barcodeOwners(trx, barcodes);
  const index = barcodes.findIndex((b) => owners.has(b) && owners.get(b) !== ownId);
  if (index >= 0) {
    throw conflictOn(
      'catalog.barcode_taken',
      { barcode: barcodes[index] },
      `body.barcodes.${index}`,
      ctx.lang,
    );
  }
}

/** Unique violations from a concurrent writer become the same conflicts the checks give. */
function translateUniqueViolation(
  error: unknown,
  input: { code: string; barcodes: string[] },
  lang: Lang,
): never {
  if (isUniqueViolation(error, 'sku_merchant_code_key')) {
    throw conflictOn('catalog.duplicate_code', { code: input.code }, 'body.code', lang);
  }
  if (isUniqueViolation(error, 'sku_barcode_pkey')) {
    const barcode = /\(barcode\)=\((\d+)\)/.exec(String((error as { detail?: string }).detail))?.[1] ?? '';
    const index = Math.max(0, input.barcodes.indexOf(barcode));
    throw conflictOn('catalog.barcode_taken', { barcode }, `body.barcodes.${index}`, lang);
  }
  throw error;
}

/** The merchant a new SKU belongs to: the caller's own, or the one a staff user names. */
async function ownerOf(
  trx: Trx,
  requested: string | undefined,
  ctx: CatalogWriteContext,
  merchants: Pick<MerchantLookup, 'merchantExists'>,
): Promise<string> {
  const notFound = (merchant: string) =>
    new AppError('unprocessable', 'catalog.merchant_not_found', { merchant }, [
      {
        field: 'body.merchantId',
        code: 'catalog.merchant_not_found',
        message: t(ctx.lang, 'catalog.merchant_not_found', { merchant }),
      },
    ]);
  if (ctx.merchantScope) {
    // A portal user naming another merchant learns nothing about it.
    if (requested && requested !== ctx.merchantScope) throw notFound(requested);
    return ctx.merchantScope;
  }
  if (!requested) {
    const message = t(ctx.lang, 'catalog.merchant_required');
    throw new AppError('bad_request', 'validation_failed', {}, [
      { field: 'body.merchantId', code: 'catalog.merchant_required', message },
    ]);
  }
  if (!(await merchants.merchantExists(trx, requested))) throw notFound(requested);
  return requested;
}

export async function createSku(
  trx: Trx,
  draft: z.input<typeof skuCreateBody>,
  ctx: CatalogWriteContext & { merchants: Pick<MerchantLookup, 'merchantExists'> },
): Promise<SkuRecord> {
  const { merchantId: requested, ...input } = parseOrThrow(skuCreateBody, draft, ctx.lang);
  const merchantId = await ownerOf(trx, requested, ctx, ctx.merchants);
  await assertCodeFree(trx, merchantId, input.code, ctx);
  await assertBarcodesFree(trx, input.barcodes, ctx);
  const row = toSkuRow(input, {
    id: newId(),
    merchantId,
    createdAt: ctx.now,
    updatedAt: ctx.now,
    version: 1,
  });
  try {
    await insertSkuRows(trx, [row]);
    await replaceBarcodes(trx, new Map([[row.id, input.barcodes]]));
  } catch (error) {
    translateUniqueViolation(error, input, ctx.lang);
  }
  const record = toSkuRecord(row, input.barcodes);
  await recordAudit(
    trx,
    ctx.actor,
    {
      action: 'create',
      entity: SKU_ENTITY,
      entityId: row.id,
      summary: summaryOf(record),
      after: record,
      merchantId,
    },
    ctx.now,
  );
  return record;
}

export async function updateSku(
  trx: Trx,
  id: string,
  draft: z.input<typeof skuPatchBody>,
  ctx: CatalogWriteContext,
): Promise<SkuRecord> {
  const { version, ...changes } = parseOrThrow(skuPatchBody, draft, ctx.lang);
  const row = await findSkuById(trx, id, ctx.merchantScope, true);
  if (!row) throw skuNotFound(id);
  if (version !== undefined && version !== row.version) {
    throw new AppError('conflict', 'catalog.version_conflict', { expected: version, actual: row.version });
  }
  const before = (await recordsOf(trx, [row]))[0];
  const current = inputOf(before);
  const input = parseOrThrow(skuInputSchema, mergeInput(current, changes), ctx.lang);
  if (sameInput(current, input)) return before;

  if (input.code !== current.code) await assertCodeFree(trx, row.merchant_id, input.code, ctx, id);
  const barcodesChanged = input.barcodes.join('|') !== current.barcodes.join('|');
  if (barcodesChanged) await assertBarcodesFree(trx, input.barcodes, ctx, id);
  const next = toSkuRow(input, {
    id,
    merchantId: row.merchant_id,
    createdAt: row.created_at,
    updatedAt: ctx.now,
    version: row.version + 1,
  });
  try {
    await updateSkuRow(trx, next);
    if (barcodesChanged) await replaceBarcodes(trx, new Map([[id, input.barcodes]]));
  } catch (error) {
    translateUniqueViolation(error, input, ctx.lang);
  }
  const after = toSkuRecord(next, input.barcodes);
  await recordAudit(
    trx,
    ctx.actor,
    {
      action: 'update',
      entity: SKU_ENTITY,
      entityId: id,
      summary: summaryOf(after),
      before,
      after,
      merchantId: row.merchant_id,
    },
    ctx.now,
  );
  return after;
}

export const summaryOf = (sku: { code: string; nameZh: string }) => `${sku.code} ${sku.nameZh}`;
