import { recordAudits } from '../../platform/audit/audit';
import type { Actor } from '../../platform/auth/principal';
import type { Db, Trx } from '../../platform/db/database';
import { inTransaction } from '../../platform/db/transaction';
import { type Lang, t } from '../../platform/i18n/i18n';
import { AppError } from '../../platform/lib/errors';
import { isUuid, newId } from '../../platform/lib/ids';
import { barcodeOwners, barcodesOf, findSkusByCodes, replaceBarcodes, upsertSkuRows } from './sku.repo';
import type { FileFormat, SkuInput, SkuRecord } from './sku.schemas';
import { type MerchantLookup, SKU_ENTITY, summaryOf } from './sku.service';
import { type SkuRow, toSkuRecord, toSkuRow } from './sku.table';
import {
  type CheckedRow,
  checkRow,
  claimedBarcodes,
  type ImportIssue,
  issueOf,
  mapHeader,
  type ParsedRow,
  parseRow,
} from './sku-import.rows';
import { readSheet } from './sku-sheet';

export const MAX_IMPORT_ROWS = 100_000;
/** At most this many row errors are kept in the result (the counts are always exact). */
export const MAX_REPORTED_ERRORS = 1000;
const BATCH_SIZE = 500;
const COUNTER = { create: 'created', update: 'updated', unchanged: 'unchanged' } as const;

export interface ImportResult {
  mode: 'validate' | 'commit';
  /** True when rows were written. */
  committed: boolean;
  total: number;
  valid: number;
  invalid: number;
  /** In validate mode: what a commit would create / update. */
  created: number;
  updated: number;
  /** Rows identical to the stored SKU: nothing to write. */
  unchanged: number;
  /** Rows not written: the invalid ones with skipInvalid, all of them without. */
  skipped: number;
  errors: ImportIssue[];
  errorsTruncated: boolean;
  /** Not errors: e.g. columns that were ignored. */
  warnings: ImportIssue[];
}

export interface CatalogImportOptions {
  file: Buffer;
  format: FileFormat;
  mode: 'validate' | 'commit';
  skipInvalid: boolean;
  /** Merchant-portal caller: every row must be this merchant's (merchant_code may be left empty). */
  merchantScope: string | null;
  /** Staff caller: merchant for rows without a merchant_code. */
  defaultMerchantId?: string | null;
  merchants: MerchantLookup;
  actor: Actor;
  lang: Lang;
  now: Date;
  onProgress?: (fraction: number, message: string) => unknown;
  signal?: AbortSignal;
}

interface RowState {
  parsed: ParsedRow;
  merchantId: string | null;
  existing: SkuRecord | undefined;
  checked: CheckedRow;
}

/**
 * Validate and (in commit mode) upsert SKUs by (merchant, code) from a CSV or xlsx file. Every row
 * is checked with the API's schema, plus duplicates within the file and barcodes held by other
 * SKUs. Without `skipInvalid` nothing is written if any row is invalid. Rows are written in batches,
 * each batch one transaction with its audit rows; cancellation stops between batches.
 */
export async function runCatalogImport(db: Db, options: CatalogImportOptions): Promise<ImportResult> {
  const { lang, signal } = options;
  const progress = async (fraction: number, code: string, params: Record<string, unknown> = {}) => {
    await options.onProgress?.(Math.min(1, Math.max(0, fraction)), t(lang, code, params));
  };
  await progress(0, 'catalog.import.progress.reading');
  const sheet = await readSheet(options.file, options.format, MAX_IMPORT_ROWS);
  const needsMerchantColumn = !options.merchantScope && !options.defaultMerchantId;
  const header = mapHeader(sheet.header, lang, needsMerchantColumn);
  const result: ImportResult = {
    mode: options.mode,
    committed: false,
    total: sheet.rows.length,
    valid: 0,
    invalid: 0,
    created: 0,
    updated: 0,
    unchanged: 0,
    skipped: 0,
    errors: [],
    errorsTruncated: false,
    warnings: header.warnings,
  };
  if (header.errors.length) {
    return { ...result, invalid: result.total, skipped: result.total, errors: header.errors };
  }
  const commitShare = options.mode === 'commit' ? 0.5 : 0;
  const parsed = sheet.rows.map((r) => parseRow(r, header, lang));
  signal?.throwIfAborted();
  const states = await checkRows(db, parsed, options, (done) =>
    progress((done / Math.max(1, parsed.length)) * (1 - commitShare), 'catalog.import.progress.validating', {
      done,
      total: parsed.length,
    }),
  );

  const errors = states.flatMap((s) => s.checked.errors).sort((a, b) => a.row - b.row);
  const validRows = states.filter((s) => s.checked.errors.length === 0 && s.checked.input);
  result.valid = validRows.length;
  result.invalid = result.total - result.valid;
  result.errors = errors.slice(0, MAX_REPORTED_ERRORS);
  result.errorsTruncated = errors.length > MAX_REPORTED_ERRORS;
  const blocked = result.invalid > 0 && !options.skipInvalid;
  result.skipped = blocked ? result.total : result.invalid;
  if (!blocked) {
    for (const s of validRows) result[COUNTER[s.checked.action]]++;
  }
  if (options.mode === 'validate' || blocked) {
    const done =
      blocked && options.mode === 'commit'
        ? 'catalog.import.progress.invalid'
        : 'catalog.import.progress.validated';
    await progress(1, done, result as unknown as Record<string, unknown>);
    return result;
  }

  // Commit: created/updated/unchanged are recounted from what each batch actually wrote.
  result.created = result.updated = result.unchanged = 0;
  const toWrite = validRows.filter((s) => s.checked.action !== 'unchanged');
  result.unchanged = validRows.length - toWrite.length;
  for (let i = 0; i < toWrite.length; i += BATCH_SIZE) {
    signal?.throwIfAborted();
    const batch = toWrite.slice(i, i + BATCH_SIZE);
    const written = await inTransaction(db, (trx) => commitBatch(trx, batch, options));
    result.created += written.created;
    result.updated += written.updated;
    result.unchanged += written.unchanged;
    result.committed = true;
    const done = i + batch.length;
    await progress(
      commitShare + (done / toWrite.length) * (1 - commitShare),
      'catalog.import.progress.writing',
      {
        done,
        total: toWrite.length,
      },
    );
  }
  await progress(1, 'catalog.import.progress.done', result as unknown as Record<string, unknown>);
  return result;
}

/** Resolve merchants, load the stored SKUs, check every row, then the checks across rows. */
async function checkRows(
  db: Db,
  parsed: ParsedRow[],
  options: CatalogImportOptions,
  onProgress: (done: number) => Promise<void>,
): Promise<RowState[]> {
  const { lang } = options;
  const merchantIds = await resolveMerchants(db, parsed, options);
  const existing = await loadExisting(db, parsed, merchantIds);
  const states: RowState[] = [];
  for (let i = 0; i < parsed.length; i++) {
    const row = parsed[i];
    const merchant = merchantIds.get(row);
    const merchantId = typeof merchant === 'string' ? merchant : null;
    const stored = merchantId ? existing.get(`${merchantId}|${row.code}`) : undefined;
    const checked = checkRow(row, stored, lang);
    if (merchant && typeof merchant !== 'string') checked.errors.unshift(merchant);
    if (!merchantId) checked.input = null;
    states.push({ parsed: row, merchantId, existing: stored, checked });
    if ((i + 1) % 2000 === 0) await onProgress(i + 1);
  }
  markDuplicates(states, lang);
  await markTakenBarcodes(db, states, lang);
  await onProgress(parsed.length);
  return states;
}

/** Each row's merchant id, or the issue explaining why it has none. */
async function resolveMerchants(db: Db, parsed: ParsedRow[], options: CatalogImportOptions) {
  const { lang, merchantScope } = options;
  const byRef = new Map<string, string | null>();
  for (const ref of new Set(parsed.map((p) => p.merchantRef).filter((r): r is string => !!r))) {
    const id = isUuid(ref)
      ? (await options.merchants.merchantExists(db, ref))
        ? ref
        : null
      : await options.merchants.merchantIdByCode(db, ref);
    byRef.set(ref, id);
  }
  const out = new Map<ParsedRow, string | ImportIssue>();
  for (const row of parsed) {
    const ref = row.merchantRef;
    const id = ref ? byRef.get(ref) : (merchantScope ?? options.defaultMerchantId ?? null);
    if (merchantScope && ref && id !== merchantScope) {
      out.set(row, issueOf(lang, row.row, 'merchant_code', 'catalog.import.merchant_out_of_scope'));
    } else if (ref && !id) {
      out.set(row, issueOf(lang, row.row, 'merchant_code', 'catalog.merchant_not_found', { merchant: ref }));
    } else if (!id) {
      out.set(row, issueOf(lang, row.row, 'merchant_code', 'catalog.merchant_required'));
    } else out.set(row, id);
  }
  return out;
}

/** Stored SKUs by `${merchantId}|${code}`, with their barcodes. */
async function loadExisting(
  db: Db | Trx,
  parsed: ParsedRow[],
  merchantIds: Map<ParsedRow, string | ImportIssue>,
  forUpdate = false,
): Promise<Map<string, SkuRecord>> {
  const codesByMerchant = new Map<string, string[]>();
  for (const row of parsed) {
    const merchantId = merchantIds.get(row);
    if (typeof merchantId !== 'string' || !row.code) continue;
    codesByMerchant.set(merchantId, [...(codesByMerchant.get(merchantId) ?? []), row.code]);
  }
  const rows: SkuRow[] = [];
  for (const [merchantId, codes] of codesByMerchant)
    rows.push(...(await findSkusByCodes(db, merchantId, codes, forUpdate)));
  const barcodes = await barcodesOf(
    db,
    rows.map((r) => r.id),
  );
  return new Map(rows.map((r) => [`${r.merchant_id}|${r.code}`, toSkuRecord(r, barcodes.get(r.id) ?? [])]));
}

/** The same merchant + code, or the same barcode, on two rows: the later row is wrong. */
function markDuplicates(states: RowState[], lang: Lang) {
  const firstByCode = new Map<string, number>();
  const firstByBarcode = new Map<string, number>();
  for (const s of states) {
    const { parsed } = s;
    if (s.merchantId && parsed.code) {
      const key = `${s.merchantId}|${parsed.code}`;
      const first = firstByCode.get(key);
      if (first !== undefined) {
        s.checked.errors.push(
          issueOf(lang, parsed.row, 'code', 'catalog.import.duplicate_row', {
            code: parsed.code,
            firstRow: first,
          }),
        );
      } else firstByCode.set(key, parsed.row);
    }
    for (const barcode of new Set(claimedBarcodes(parsed, s.checked.input))) {
      const first = firstByBarcode.get(barcode);
      if (first !== undefined) {
        s.checked.errors.push(
          issueOf(lang, parsed.row, 'barcodes', 'catalog.import.duplicate_barcode', {
            barcode,
            firstRow: first,
          }),
        );
      } else firstByBarcode.set(barcode, parsed.row);
    }
  }
}

/** Barcodes of valid rows already held by a SKU other than the row's own. */
async function markTakenBarcodes(db: Db | Trx, states: RowState[], lang: Lang) {
  const candidates = states.filter((s) => s.checked.input && s.checked.errors.length === 0);
  const owners = await barcodeOwners(
    db,
    candidates.flatMap((s) => s.checked.input!.barcodes),
  );
  for (const s of candidates) {
    for (const barcode of s.checked.input!.barcodes) {
      const owner = owners.get(barcode);
      if (owner && owner !== s.existing?.id) {
        s.checked.errors.push(issueOf(lang, s.parsed.row, 'barcodes', 'catalog.barcode_taken', { barcode }));
      }
    }
  }
}

/**
 * Write one batch in its transaction: lock the stored SKUs, check each row again against what is
 * stored now (someone may have changed it since the validation pass), then write and audit.
 */
async function commitBatch(trx: Trx, batch: RowState[], options: CatalogImportOptions) {
  const { lang, now, actor } = options;
  const merchantIds = new Map(batch.map((s) => [s.parsed, s.merchantId as string]));
  const fresh = await loadExisting(
    trx,
    batch.map((s) => s.parsed),
    merchantIds,
    true,
  );
  const states: RowState[] = batch.map((s) => {
    const stored = fresh.get(`${s.merchantId}|${s.parsed.code}`);
    return { ...s, existing: stored, checked: checkRow(s.parsed, stored, lang) };
  });
  await markTakenBarcodes(trx, states, lang);
  const broken = states.find((s) => s.checked.errors.length > 0 || !s.checked.input);
  if (broken)
    throw new AppError('conflict', 'catalog.import.changed_during_import', { row: broken.parsed.row });

  const inserts: SkuRow[] = [];
  const updates: SkuRow[] = [];
  const barcodes = new Map<string, string[]>();
  const audits: Array<{ action: 'create' | 'update'; before: SkuRecord | null; after: SkuRecord }> = [];
  let unchanged = 0;
  for (const s of states) {
    const input = s.checked.input as SkuInput;
    if (s.checked.action === 'unchanged') {
      unchanged++;
      continue;
    }
    const before = s.existing;
    const row = toSkuRow(input, {
      id: before?.id ?? newId(),
      merchantId: s.merchantId as string,
      createdAt: before ? new Date(before.createdAt) : now,
      updatedAt: now,
      version: before ? before.version + 1 : 1,
    });
    (before ? updates : inserts).push(row);
    if (!before || before.barcodes.join('|') !== input.barcodes.join('|'))
      barcodes.set(row.id, input.barcodes);
    audits.push({
      action: before ? 'update' : 'create',
      before: before ?? null,
      after: toSkuRecord(row, input.barcodes),
    });
  }
  await upsertSkuRows(trx, [...inserts, ...updates]);
  await replaceBarcodes(trx, barcodes);
  await recordAudits(
    trx,
    actor,
    audits.map((a) => ({
      action: a.action,
      entity: SKU_ENTITY,
      entityId: a.after.id,
      summary: `import: ${summaryOf(a.after)}`,
      before: a.before ?? undefined,
      after: a.after,
      merchantId: a.after.merchantId,
    })),
    now,
  );
  return { created: inserts.length, updated: updates.length, unchanged };
}
