import { type Lang, t } from '../../platform/i18n/i18n';
import { toFieldIssue } from './catalog.issues';
import { normaliseGtin } from './gtin';
import { type SkuInput, type SkuRecord, skuInputSchema } from './sku.schemas';
import { inputOf, mergeInput, sameInput } from './sku.table';
import { columnByField, columnForHeader, convertCell, describeOptions, type SkuColumn } from './sku-columns';
import type { SheetRow } from './sku-sheet';

/** Pure steps of an import: map the header, read each row, check it against the SKU schema. */

export interface ImportIssue {
  /** Spreadsheet row number (header = 1). */
  row: number;
  /** Column key (`code`, `weight_g` …) or, for an unknown column, its header text. */
  field: string;
  code: string;
  message: string;
}

export const issueOf = (
  lang: Lang,
  row: number,
  field: string,
  code: string,
  params: Record<string, unknown> = {},
) => ({
  row,
  field,
  code,
  message: t(lang, code, params),
});

export interface HeaderMap {
  columns: Array<SkuColumn | null>;
  present: Set<string>;
  errors: ImportIssue[];
  warnings: ImportIssue[];
}

export function mapHeader(header: string[], lang: Lang, merchantColumnRequired: boolean): HeaderMap {
  const columns: Array<SkuColumn | null> = [];
  const present = new Set<string>();
  const errors: ImportIssue[] = [];
  const warnings: ImportIssue[] = [];
  header.forEach((text, i) => {
    if (!text) {
      columns[i] = null;
      return;
    }
    const column = columnForHeader(text) ?? null;
    columns[i] = column;
    if (!column) warnings.push(issueOf(lang, 1, text, 'catalog.import.unknown_column', { column: text }));
    else if (present.has(column.key)) {
      errors.push(issueOf(lang, 1, column.key, 'catalog.import.duplicate_column', { column: text }));
    } else present.add(column.key);
  });
  const required = merchantColumnRequired ? ['code', 'merchant_code'] : ['code'];
  for (const key of required) {
    if (!present.has(key))
      errors.push(issueOf(lang, 1, key, 'catalog.import.missing_column', { column: key }));
  }
  return { columns, present, errors, warnings };
}

/** One data row, read but not yet checked. */
export interface ParsedRow {
  row: number;
  /** Upper-cased code, or '' when missing. */
  code: string;
  /** The merchant_code cell, or null when empty or absent. */
  merchantRef: string | null;
  /** Fields given in this row; `undefined` = not given (an update keeps the stored value). */
  changes: Partial<Record<keyof SkuInput, unknown>>;
  /** Cells that could not be converted (not a number, not yes/no): reported, field left out. */
  problems: ImportIssue[];
}

export function parseRow(sheetRow: SheetRow, header: HeaderMap, lang: Lang): ParsedRow {
  const parsed: ParsedRow = {
    row: sheetRow.rowNumber,
    code: '',
    merchantRef: null,
    changes: {},
    problems: [],
  };
  header.columns.forEach((column, i) => {
    if (!column) return;
    const raw = sheetRow.cells[i] ?? '';
    if (column.key === 'merchant_code') {
      parsed.merchantRef = raw.trim() || null;
      return;
    }
    const result = convertCell(column, raw);
    if ('problem' in result) {
      parsed.problems.push(issueOf(lang, parsed.row, column.key, result.problem.code, result.problem.params));
    } else if (column.field && result.value !== undefined) {
      parsed.changes[column.field] = result.value;
    }
  });
  parsed.code = typeof parsed.changes.code === 'string' ? parsed.changes.code.trim().toUpperCase() : '';
  return parsed;
}

export type RowAction = 'create' | 'update' | 'unchanged';

export interface CheckedRow {
  input: SkuInput | null;
  action: RowAction;
  errors: ImportIssue[];
}

/**
 * Check a row against the same schema the API uses: a new SKU from the row alone, an existing one
 * as the stored SKU with the row's cells applied.
 */
export function checkRow(row: ParsedRow, existing: SkuRecord | undefined, lang: Lang): CheckedRow {
  const skipped = new Set(row.problems.map((p) => p.field));
  const given = Object.fromEntries(Object.entries(row.changes).filter(([, v]) => v !== undefined));
  const current = existing ? inputOf(existing) : undefined;
  const draft = current ? mergeInput(current, given as Partial<SkuInput>) : given;
  const result = skuInputSchema.safeParse(draft, { reportInput: true });
  const errors = [...row.problems];
  if (!result.success) {
    for (const issue of result.error.issues) {
      const column = columnByField(issue.path[0] ?? '');
      const field = column?.key ?? issue.path.map(String).join('.');
      if (skipped.has(field)) continue;
      errors.push({
        row: row.row,
        ...toFieldIssue(issue, lang, {
          fieldOf: () => field,
          describeOptions: (path, values) => describeOptions(path[0] ?? '', values, lang),
        }),
      });
    }
  }
  if (errors.length || !result.success)
    return { input: null, action: existing ? 'update' : 'create', errors };
  const input = result.data;
  const action: RowAction = !current ? 'create' : sameInput(current, input) ? 'unchanged' : 'update';
  return { input, action, errors };
}

/** Barcodes a row claims, for duplicate checks even when the row is otherwise invalid. */
export function claimedBarcodes(row: ParsedRow, input: SkuInput | null): string[] {
  if (input) return input.barcodes;
  const list = row.changes.barcodes;
  return Array.isArray(list) ? list.map((b) => normaliseGtin(String(b))) : [];
}
