import { recordAudit } from '../../platform/audit/audit';
import type { Actor } from '../../platform/auth/principal';
import { type Db, inTransaction } from '../../platform/db';
import { type Lang, t } from '../../platform/i18n/i18n';
import { newId } from '../../platform/lib/ids';
import { businessDayOf } from '../../platform/time/calendar';
import { replaceDemand } from './demand.service';
import type { DemandRow, PlanningDeps, PlanningSku, PlanningWarehouse } from './planning.deps';
import { type FileFormat, readSheet, type SheetRow } from './planning-sheet';

export const MAX_DEMAND_IMPORT_ROWS = 500_000;
const MAX_REPORTED = 1000;
const BATCH = 5000;

/** Columns of a demand-history file: key, accepted header texts (zh-CN and en, any case). */
export const DEMAND_COLUMNS = [
  { key: 'sku_code', headers: ['sku_code', 'sku', '商品编码', 'SKU编码'], required: true },
  { key: 'merchant_code', headers: ['merchant_code', 'merchant', '商家编码'], required: false },
  { key: 'warehouse_code', headers: ['warehouse_code', 'warehouse', '仓库编码', '仓库'], required: true },
  { key: 'date', headers: ['date', 'day', '日期'], required: true },
  { key: 'qty', headers: ['qty', 'quantity', 'units', '数量', '销量'], required: true },
  { key: 'stockout', headers: ['stockout', 'stock_out', '缺货'], required: false },
] as const;
type ColumnKey = (typeof DEMAND_COLUMNS)[number]['key'];

export interface DemandImportIssue {
  row: number;
  field: string;
  code: string;
  message: string;
}

export interface DemandImportResult {
  mode: 'validate' | 'commit';
  committed: boolean;
  total: number;
  valid: number;
  invalid: number;
  written: number;
  skipped: number;
  series: number;
  firstDay: string | null;
  lastDay: string | null;
  errors: DemandImportIssue[];
  errorsTruncated: boolean;
}

export interface DemandImportOptions {
  file: Buffer;
  format: FileFormat;
  mode: 'validate' | 'commit';
  skipInvalid: boolean;
  skus: PlanningSku[];
  warehouses: PlanningWarehouse[];
  /** Merchant codes by merchant id (for the optional merchant_code column). */
  merchantCodes: Map<string, string>;
  /** Warehouses the importer may write (null = all). */
  warehouseScope: string[] | null;
  /** Days after this are refused (demand cannot be in the future). */
  today: string;
  actor: Actor;
  lang: Lang;
  now: Date;
  onProgress?: (fraction: number, message: string) => unknown;
  signal?: AbortSignal;
}

const normal = (s: string) => s.trim().toLowerCase().replace(/\s+/g, '_');
const YES = new Set(['1', 'y', 'yes', 'true', '是', '缺货']);
const NO = new Set(['', '0', 'n', 'no', 'false', '否']);

/** YYYY-MM-DD, YYYY/M/D or YYYYMMDD → YYYY-MM-DD (a real calendar day), else null. */
export function parseDay(text: string): string | null {
  const s = text.trim();
  const m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(s) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}

/**
 * Validate and (in commit mode) write a demand history file: one row per SKU × warehouse × day with
 * the units sold and optionally a stock-out flag. Each row's quantity replaces the stored one for that
 * day. Without `skipInvalid`, one invalid row stops the whole file. Written in batches, one audit entry.
 */
export async function runDemandImport(db: Db, options: DemandImportOptions): Promise<DemandImportResult> {
  const { lang } = options;
  const progress = (fraction: number, code: string, params: Record<string, unknown> = {}) =>
    options.onProgress?.(Math.min(1, Math.max(0, fraction)), t(lang, code, params));
  await progress(0, 'planning.import.progress.reading');
  const sheet = await readSheet(options.file, options.format, MAX_DEMAND_IMPORT_ROWS);
  const result: DemandImportResult = {
    mode: options.mode,
    committed: false,
    total: sheet.rows.length,
    valid: 0,
    invalid: 0,
    written: 0,
    skipped: 0,
    series: 0,
    firstDay: null,
    lastDay: null,
    errors: [],
    errorsTruncated: false,
  };
  const issue = (row: number, field: string, code: string, params: Record<string, unknown> = {}) => ({
    row,
    field,
    code,
    message: t(lang, code, params),
  });

  const index = new Map<ColumnKey, number>();
  const headerErrors: DemandImportIssue[] = [];
  sheet.header.forEach((text, i) => {
    const column = DEMAND_COLUMNS.find((c) => c.headers.some((h) => normal(h) === normal(text)));
    if (column && !index.has(column.key)) index.set(column.key, i);
  });
  for (const c of DEMAND_COLUMNS)
    if (c.required && !index.has(c.key))
      headerErrors.push(issue(1, c.key, 'planning.import.missing_column', { column: c.key }));
  if (headerErrors.length)
    return { ...result, invalid: result.total, skipped: result.total, errors: headerErrors };

  const skusByCode = new Map<string, PlanningSku[]>();
  for (const s of options.skus) skusByCode.set(s.code, [...(skusByCode.get(s.code) ?? []), s]);
  const warehouseByCode = new Map(options.warehouses.map((w) => [w.code.toUpperCase(), w]));
  const cell = (r: SheetRow, key: ColumnKey) => {
    const i = index.get(key);
    return i === undefined ? '' : (r.cells[i] ?? '').trim();
  };

  const errors: DemandImportIssue[] = [];
  const valid: DemandRow[] = [];
  const seen = new Map<string, number>();
  sheet.rows.forEach((r, n) => {
    const rowErrors: DemandImportIssue[] = [];
    const code = cell(r, 'sku_code').toUpperCase();
    const merchant = cell(r, 'merchant_code').toUpperCase();
    let candidates = skusByCode.get(code) ?? [];
    if (merchant)
      candidates = candidates.filter(
        (s) =>
          options.merchantCodes.get(s.merchantId)?.toUpperCase() === merchant ||
          s.merchantId === merchant.toLowerCase(),
      );
    if (!code)
      rowErrors.push(issue(r.rowNumber, 'sku_code', 'planning.import.required', { column: 'sku_code' }));
    else if (!candidates.length)
      rowErrors.push(issue(r.rowNumber, 'sku_code', 'planning.import.unknown_sku', { code }));
    else if (candidates.length > 1)
      rowErrors.push(issue(r.rowNumber, 'merchant_code', 'planning.import.ambiguous_sku', { code }));
    const whCode = cell(r, 'warehouse_code').toUpperCase();
    const warehouse = warehouseByCode.get(whCode);
    if (!whCode)
      rowErrors.push(
        issue(r.rowNumber, 'warehouse_code', 'planning.import.required', { column: 'warehouse_code' }),
      );
    else if (!warehouse || (options.warehouseScope && !options.warehouseScope.includes(warehouse.id)))
      rowErrors.push(
        issue(r.rowNumber, 'warehouse_code', 'planning.import.unknown_warehouse', { code: whCode }),
      );
    const day = parseDay(cell(r, 'date'));
    if (!day)
      rowErrors.push(issue(r.rowNumber, 'date', 'planning.import.invalid_date', { value: cell(r, 'date') }));
    else if (day > options.today)
      rowErrors.push(issue(r.rowNumber, 'date', 'planning.import.future_date', { value: day }));
    const qtyText = cell(r, 'qty');
    const qty = Number(qtyText);
    if (!/^\d+$/.test(qtyText) || !Number.isSafeInteger(qty) || qty > 100_000_000)
      rowErrors.push(issue(r.rowNumber, 'qty', 'planning.import.invalid_qty', { value: qtyText }));
    const flag = cell(r, 'stockout').toLowerCase();
    if (!YES.has(flag) && !NO.has(flag))
      rowErrors.push(issue(r.rowNumber, 'stockout', 'planning.import.invalid_flag', { value: flag }));
    if (!rowErrors.length) {
      const sku = candidates[0];
      const key = `${sku.id}|${warehouse!.id}|${day}`;
      const first = seen.get(key);
      if (first !== undefined)
        rowErrors.push(issue(r.rowNumber, 'date', 'planning.import.duplicate_row', { firstRow: first }));
      else {
        seen.set(key, r.rowNumber);
        valid.push({ skuId: sku.id, warehouseId: warehouse!.id, day: day!, qty, stockout: YES.has(flag) });
      }
    }
    errors.push(...rowErrors);
    if (rowErrors.length) result.invalid++;
    if ((n + 1) % 20_000 === 0)
      void progress((0.5 * (n + 1)) / sheet.rows.length, 'planning.import.progress.validating', {
        done: n + 1,
        total: sheet.rows.length,
      });
  });
  result.valid = valid.length;
  result.errors = errors.slice(0, MAX_REPORTED);
  result.errorsTruncated = errors.length > MAX_REPORTED;
  result.series = new Set(valid.map((v) => `${v.skuId}|${v.warehouseId}`)).size;
  const days = valid.map((v) => v.day).sort();
  result.firstDay = days[0] ?? null;
  result.lastDay = days[days.length - 1] ?? null;
  const blocked = result.invalid > 0 && !options.skipInvalid;
  result.skipped = blocked ? result.total : result.invalid;
  if (options.mode === 'validate' || blocked || !valid.length) {
    await progress(1, 'planning.import.progress.validated', { ...result });
    return result;
  }
  for (let i = 0; i < valid.length; i += BATCH) {
    options.signal?.throwIfAborted();
    const batch = valid.slice(i, i + BATCH);
    await inTransaction(db, async (trx) => {
      await replaceDemand(trx, batch);
      if (i === 0)
        await recordAudit(
          trx,
          options.actor,
          {
            action: 'import',
            entity: 'planning.demand_history',
            entityId: newId(),
            summary: `demand history: ${valid.length} rows, ${result.series} series, ${result.firstDay}…${result.lastDay}`,
            after: {
              rows: valid.length,
              series: result.series,
              firstDay: result.firstDay,
              lastDay: result.lastDay,
            },
          },
          options.now,
        );
    });
    result.written += batch.length;
    result.committed = true;
    await progress(0.5 + (0.5 * result.written) / valid.length, 'planning.import.progress.writing', {
      done: result.written,
      total: valid.length,
    });
  }
  await progress(1, 'planning.import.progress.done', { ...result });
  return result;
}

/** For the CLI (`wayline import demand FILE`): import a file as the system, using the bound lookups. */
export async function importDemandFile(
  db: Db,
  deps: PlanningDeps,
  options: Pick<
    DemandImportOptions,
    'file' | 'format' | 'mode' | 'skipInvalid' | 'actor' | 'lang' | 'now' | 'onProgress'
  >,
): Promise<DemandImportResult> {
  const [skus, warehouses] = await Promise.all([deps.skus(db), deps.listWarehouses(db, null)]);
  const merchantCodes = await deps.merchantCodes(db, [...new Set(skus.map((s) => s.merchantId))]);
  return runDemandImport(db, {
    ...options,
    skus,
    warehouses,
    merchantCodes,
    warehouseScope: null,
    today: businessDayOf(options.now, deps.timeZone),
  });
}
