import { type Lang, t } from '../../platform/i18n/i18n';
import { type OrderDraftInput, type OrderInput, orderInput } from './order.input';
import { toFieldIssue } from './order.issues';
import {
  type Column,
  type ColumnKey,
  columnForHeader,
  fenOf,
  instantOf,
  intOf,
  ORDER_COLUMNS,
  paymentOf,
  serviceOf,
} from './order-import.columns';
import type { SheetRow } from './order-sheet';

/** Pure steps of an order import: the header, the rows grouped into orders, each order checked. */
export interface ImportIssue {
  /** Spreadsheet row number (header = 1). */
  row: number;
  field: string;
  code: string;
  message: string;
}

const issueOf = (
  lang: Lang,
  row: number,
  field: string,
  code: string,
  params: Record<string, unknown> = {},
): ImportIssue => ({
  row,
  field,
  code,
  message: t(lang, code, params),
});

export interface HeaderMap {
  columns: Array<Column | null>;
  errors: ImportIssue[];
  warnings: ImportIssue[];
}

export function mapHeader(header: string[], lang: Lang, merchantColumnRequired: boolean): HeaderMap {
  const columns: Array<Column | null> = [];
  const present = new Set<ColumnKey>();
  const errors: ImportIssue[] = [];
  const warnings: ImportIssue[] = [];
  header.forEach((text, i) => {
    const column = text ? (columnForHeader(text) ?? null) : null;
    columns[i] = column;
    if (text && !column)
      warnings.push(issueOf(lang, 1, text, 'orders.import.unknown_column', { column: text }));
    else if (column && present.has(column.key))
      errors.push(issueOf(lang, 1, column.key, 'orders.import.duplicate_column', { column: text }));
    else if (column) present.add(column.key);
  });
  const required: ColumnKey[] = [
    'channel',
    'external_no',
    'consignee_name',
    'consignee_phone',
    'sku_code',
    'qty',
    'unit_price',
  ];
  if (merchantColumnRequired) required.unshift('merchant_code');
  if (!present.has('address') && !present.has('detail')) required.push('address');
  for (const key of required)
    if (!present.has(key))
      errors.push(issueOf(lang, 1, key, 'orders.import.missing_column', { column: headerOf(key, lang) }));
  return { columns, errors, warnings };
}

export const headerOf = (key: ColumnKey, lang: Lang) => {
  const c = ORDER_COLUMNS.find((x) => x.key === key)!;
  return lang === 'en' ? c.en : c.zh;
};

/** Rows of one order, with the order built from them or the issues that stop it. */
export interface OrderGroup {
  /** First row of the order (its number in the report). */
  row: number;
  rows: number[];
  /** The merchant_code cell, and the merchant it resolves to. */
  merchantRef: string | null;
  merchantId: string | null;
  channel: string;
  externalNo: string;
  input: OrderInput | null;
  issues: ImportIssue[];
}

type Cells = Partial<Record<ColumnKey, string>>;

function cellsOf(row: SheetRow, header: HeaderMap): Cells {
  const out: Cells = {};
  header.columns.forEach((c, i) => {
    if (c) out[c.key] = (row.cells[i] ?? '').trim();
  });
  return out;
}

/** Group rows into orders by merchant + channel + channel order number, in file order. */
export function groupRows(rows: SheetRow[], header: HeaderMap, lang: Lang): OrderGroup[] {
  const groups = new Map<
    string,
    { first: Cells; firstRow: number; lines: Array<{ row: number; cells: Cells }>; issues: ImportIssue[] }
  >();
  for (const row of rows) {
    const cells = cellsOf(row, header);
    const key = `${cells.merchant_code ?? ''}|${(cells.channel ?? '').toLowerCase()}|${cells.external_no ?? ''}`;
    const group = groups.get(key);
    if (!group) {
      groups.set(key, {
        first: cells,
        firstRow: row.rowNumber,
        lines: [{ row: row.rowNumber, cells }],
        issues: [],
      });
      continue;
    }
    group.lines.push({ row: row.rowNumber, cells });
    for (const c of ORDER_COLUMNS) {
      if (!c.orderLevel) continue;
      const value = cells[c.key];
      if (value && group.first[c.key] && value !== group.first[c.key])
        group.issues.push(
          issueOf(lang, row.rowNumber, c.key, 'orders.import.conflicting_field', {
            column: headerOf(c.key, lang),
            firstRow: group.firstRow,
            first: group.first[c.key],
          }),
        );
      else if (value && !group.first[c.key]) group.first[c.key] = value;
    }
  }
  return [...groups.values()].map((g) => buildOrder(g.first, g.lines, g.issues, lang, g.firstRow));
}

function buildOrder(
  first: Cells,
  lines: Array<{ row: number; cells: Cells }>,
  issues: ImportIssue[],
  lang: Lang,
  firstRow: number,
): OrderGroup {
  const bad = (row: number, key: ColumnKey, value: string) =>
    issues.push(issueOf(lang, row, key, 'orders.import.bad_value', { value, column: headerOf(key, lang) }));
  const take = <T>(
    row: number,
    key: ColumnKey,
    text: string | undefined,
    convert: (s: string) => { value: T } | { bad: true },
  ) => {
    const result = convert(text ?? '');
    if ('bad' in result) {
      bad(row, key, text ?? '');
      return undefined;
    }
    return result.value;
  };
  const payment = take(firstRow, 'payment', first.payment, paymentOf);
  const cod = first.cod_amount ? take(firstRow, 'cod_amount', first.cod_amount, fenOf) : undefined;
  const service = take(firstRow, 'service_type', first.service_type, serviceOf);
  const from = first.window_from ? take(firstRow, 'window_from', first.window_from, instantOf) : undefined;
  const to = first.window_to ? take(firstRow, 'window_to', first.window_to, instantOf) : undefined;
  const draft: OrderDraftInput = {
    channel: first.channel ?? '',
    externalNo: first.external_no ?? '',
    consignee: {
      name: first.consignee_name ?? '',
      phone: first.consignee_phone ?? '',
      email: first.consignee_email || undefined,
      address: first.address || undefined,
      province: first.province || undefined,
      city: first.city || undefined,
      district: first.district || undefined,
      detail: first.detail || undefined,
    },
    lines: lines.map((l) => ({
      skuCode: l.cells.sku_code ?? '',
      qty: take(l.row, 'qty', l.cells.qty, intOf) ?? 0,
      unitPriceFen: take(l.row, 'unit_price', l.cells.unit_price, fenOf) ?? 0,
    })),
    payment: { status: payment ?? 'paid', codAmountFen: cod },
    serviceType: service,
    deliveryWindow: from && to ? { from, to } : undefined,
    notes: first.notes || undefined,
  };
  const group: OrderGroup = {
    row: firstRow,
    rows: lines.map((l) => l.row),
    merchantRef: first.merchant_code || null,
    merchantId: null,
    channel: (first.channel ?? '').toLowerCase(),
    externalNo: first.external_no ?? '',
    input: null,
    issues,
  };
  const parsed = orderInput.safeParse(draft, { reportInput: true });
  if (!parsed.success)
    for (const i of parsed.error.issues) {
      const lineIndex = i.path[0] === 'lines' && typeof i.path[1] === 'number' ? i.path[1] : null;
      const issue = toFieldIssue(i, lang, '');
      issues.push({
        row: lineIndex !== null ? lines[lineIndex].row : firstRow,
        field: fieldOf(i.path),
        code: issue.code,
        message: issue.message,
      });
    }
  if (!issues.length && parsed.success) group.input = parsed.data;
  return group;
}

/** An issue path as the import column it is about. */
function fieldOf(path: PropertyKey[]): string {
  const [head, , tail] = path.map(String);
  const map: Record<string, ColumnKey> = {
    channel: 'channel',
    externalNo: 'external_no',
    name: 'consignee_name',
    phone: 'consignee_phone',
    email: 'consignee_email',
    address: 'address',
    skuCode: 'sku_code',
    qty: 'qty',
    unitPriceFen: 'unit_price',
    deliveryWindow: 'window_to',
    notes: 'notes',
  };
  if (head === 'consignee') return map[String(path[1])] ?? 'address';
  if (head === 'lines') return map[tail] ?? 'sku_code';
  return map[head] ?? head;
}
