import type { Actor } from '../../platform/auth/principal';
import type { Db } from '../../platform/db';
import { inTransaction } from '../../platform/db';
import { type Lang, t } from '../../platform/i18n/i18n';
import { isUuid } from '../../platform/lib/ids';
import type { OrderDraft } from './order.input';
import { type IntakeItem, intakeOrders } from './order.intake';
import { groupRows, type ImportIssue, mapHeader, type OrderGroup } from './order-import.rows';
import { type FileFormat, readOrderSheet } from './order-sheet';
import { ordersDeps, timeZoneOf } from './orders.deps';
import { getSettings } from './orders.settings';
import { skuLookupFor } from './sku.lookup';

/**
 * Import orders from a CSV or xlsx file (R-OMS-1), as a job with progress and a per-row report.
 * Fast on purpose — 100,000 orders in well under a minute on PostgreSQL: the file is read and every
 * order checked in memory (the merchant's SKUs loaded once, the address index built once), then
 * written 2,000 orders per transaction with one multi-row statement per table. Orders the channel
 * sent before are recognised and left alone, so an import can simply be run again. Allocation
 * follows in its own job (`orders.allocate`), so a large file is not held up by it.
 */
export const MAX_IMPORT_ROWS = 300_000;
export const MAX_REPORTED = 1000;
const BATCH = 2000;

export interface OrderImportOptions {
  file: Buffer;
  format: FileFormat;
  mode: 'validate' | 'commit';
  skipInvalid: boolean;
  /** Merchant-portal caller: every order is this merchant's. */
  merchantScope: string | null;
  /** Staff: merchant for rows without a merchant code. */
  defaultMerchantId: string | null;
  actor: Actor;
  lang: Lang;
  now: Date;
  /** Marks the imported orders (`import_job_id`): the job's id, or a batch id from the CLI. */
  jobId: string | null;
  /** Queue an `orders.allocate` job for the imported orders (default: when the desk allocates automatically). */
  queueAllocation?: boolean;
  onProgress?: (fraction: number, message: string) => unknown;
  signal?: AbortSignal;
}

export interface OrderImportResult {
  mode: 'validate' | 'commit';
  committed: boolean;
  rows: number;
  orders: number;
  valid: number;
  invalid: number;
  created: number;
  existing: number;
  /** Created orders that went to the exception queue, by reason. */
  exceptions: number;
  exceptionsByReason: Array<{ code: string; count: number }>;
  /** Per-order outcome of the first orders (row, channel order no, order number, status, reasons). */
  report: Array<{
    row: number;
    externalNo: string;
    result: 'created' | 'existing' | 'invalid';
    number: string | null;
    status: string | null;
    reasons: string[];
  }>;
  errors: ImportIssue[];
  errorsTruncated: boolean;
  warnings: ImportIssue[];
  /** The job allocating the imported orders, when one was queued. */
  allocationJobId: string | null;
}

export async function runOrderImport(db: Db, options: OrderImportOptions): Promise<OrderImportResult> {
  const { lang, signal } = options;
  const progress = async (fraction: number, code: string, params: Record<string, unknown> = {}) =>
    options.onProgress?.(Math.min(1, Math.max(0, fraction)), t(lang, code, params));
  await progress(0, 'orders.import.progress.reading');
  const sheet = await readOrderSheet(options.file, options.format, MAX_IMPORT_ROWS);
  const header = mapHeader(sheet.header, lang, !options.merchantScope && !options.defaultMerchantId);
  const result: OrderImportResult = {
    mode: options.mode,
    committed: false,
    rows: sheet.rows.length,
    orders: 0,
    valid: 0,
    invalid: 0,
    created: 0,
    existing: 0,
    exceptions: 0,
    exceptionsByReason: [],
    report: [],
    errors: header.errors,
    errorsTruncated: false,
    warnings: header.warnings,
    allocationJobId: null,
  };
  if (header.errors.length) return { ...result, invalid: result.rows };
  const groups = groupRows(sheet.rows, header, lang);
  signal?.throwIfAborted();
  await resolveMerchants(db, groups, options);
  const valid = groups.filter((g) => g.input && !g.issues.length);
  const errors = groups.flatMap((g) => g.issues).sort((a, b) => a.row - b.row);
  Object.assign(result, {
    orders: groups.length,
    valid: valid.length,
    invalid: groups.length - valid.length,
    errors: errors.slice(0, MAX_REPORTED),
    errorsTruncated: errors.length > MAX_REPORTED,
  });
  for (const g of groups.filter((x) => x.issues.length).slice(0, MAX_REPORTED))
    result.report.push({
      row: g.row,
      externalNo: g.externalNo,
      result: 'invalid',
      number: null,
      status: null,
      reasons: [],
    });
  await progress(0.3, 'orders.import.progress.validating', { done: groups.length, total: groups.length });
  const blocked = result.invalid > 0 && !options.skipInvalid;
  if (options.mode === 'validate' || blocked || !valid.length) {
    await progress(
      1,
      blocked && options.mode === 'commit'
        ? 'orders.import.progress.invalid'
        : 'orders.import.progress.validated',
      result as never,
    );
    return result;
  }

  const drafts = valid.map((g) => ({ ...g.input!, merchantId: g.merchantId! }) as OrderDraft);
  const skus = await skuLookupFor(db, drafts);
  const settings = await getSettings(db);
  const reasons = new Map<string, number>();
  for (let i = 0; i < drafts.length; i += BATCH) {
    signal?.throwIfAborted();
    const items: IntakeItem[] = drafts.slice(i, i + BATCH).map((draft, k) => ({ index: i + k, draft }));
    const outcomes = await inTransaction(db, (trx) =>
      intakeOrders(trx, items, skus, {
        actor: options.actor,
        now: options.now,
        source: 'import',
        createdBy: options.actor.id,
        importJobId: options.jobId,
        timeZone: timeZoneOf(),
        settings,
      }),
    );
    for (const o of outcomes) {
      const g = valid[o.index];
      if (o.result === 'created') result.created++;
      else result.existing++;
      if (o.result === 'created' && o.status === 'exception') {
        result.exceptions++;
        for (const r of o.reasons) reasons.set(r, (reasons.get(r) ?? 0) + 1);
      }
      if (
        result.report.length < MAX_REPORTED ||
        (o.result === 'created' && o.status === 'exception' && result.report.length < 2 * MAX_REPORTED)
      )
        result.report.push({
          row: g.row,
          externalNo: g.externalNo,
          result: o.result,
          number: o.number,
          status: o.status,
          reasons: o.reasons,
        });
    }
    result.committed = true;
    const done = Math.min(drafts.length, i + BATCH);
    await progress(0.3 + (0.7 * done) / drafts.length, 'orders.import.progress.writing', {
      done,
      total: drafts.length,
    });
  }
  result.exceptionsByReason = [...reasons]
    .map(([code, count]) => ({ code, count }))
    .sort((a, b) => b.count - a.count);
  result.report.sort((a, b) => a.row - b.row);
  if (
    (options.queueAllocation ?? settings.autoAllocate) &&
    result.created > result.exceptions &&
    options.jobId
  ) {
    const job = await ordersDeps().enqueueJob(db, {
      kind: ALLOCATE_JOB,
      payload: { importJobId: options.jobId, lang, actor: options.actor },
      createdBy: options.actor.id,
      merchantId: options.merchantScope,
      now: options.now,
    });
    result.allocationJobId = job.id;
  }
  await progress(1, 'orders.import.progress.done', result as never);
  return result;
}

export const ALLOCATE_JOB = 'orders.allocate';

/** Each order's merchant: the caller's own, the merchant code of the row, or the default given. */
async function resolveMerchants(db: Db, groups: OrderGroup[], options: OrderImportOptions) {
  const deps = ordersDeps();
  const byRef = new Map<string, string | null>();
  for (const ref of new Set(groups.map((g) => g.merchantRef).filter((r): r is string => !!r)))
    byRef.set(
      ref,
      isUuid(ref)
        ? (await deps.merchantExists(db, ref))
          ? ref
          : null
        : await deps.merchantIdByCode(db, ref),
    );
  for (const g of groups) {
    const ref = g.merchantRef;
    const id = ref ? byRef.get(ref) : (options.merchantScope ?? options.defaultMerchantId);
    const issue = (code: string, params: Record<string, unknown> = {}) =>
      g.issues.push({ row: g.row, field: 'merchant_code', code, message: t(options.lang, code, params) });
    if (options.merchantScope && ref && id !== options.merchantScope)
      issue('orders.import.merchant_out_of_scope');
    else if (ref && !id) issue('orders.merchant_not_found', { merchant: ref });
    else if (!id) issue('orders.merchant_required');
    g.merchantId = id ?? null;
    if (g.issues.length) g.input = null;
  }
}
