import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { AppError } from '../../platform/lib/errors';

/** Order files (CSV, xlsx) as rows of text cells; the header row is the first non-blank one. */
export const FILE_FORMATS = ['csv', 'xlsx'] as const;
export type FileFormat = (typeof FILE_FORMATS)[number];
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export interface SheetRow {
  /** Row number as the user sees it (header = 1 when it is the first line). */
  rowNumber: number;
  cells: string[];
}

export function detectFormat(file: Buffer, explicit?: FileFormat | null, contentType?: string): FileFormat {
  if (explicit) return explicit;
  const type = (contentType ?? '').split(';')[0].trim().toLowerCase();
  if (type === XLSX_TYPE) return 'xlsx';
  if (type === 'text/csv') return 'csv';
  return file.subarray(0, 2).toString('latin1') === 'PK' ? 'xlsx' : 'csv';
}

/** UTF-8 (BOM or not); files Excel saved on Chinese Windows are GB18030. */
function decodeCsv(file: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(file);
  } catch {
    return new TextDecoder('gb18030').decode(file);
  }
}

const isBlank = (cells: string[]) => cells.every((c) => c.trim() === '');

export async function readOrderSheet(
  file: Buffer,
  format: FileFormat,
  maxRows: number,
): Promise<{ header: string[]; rows: SheetRow[] }> {
  if (file.length === 0) throw new AppError('bad_request', 'orders.import.empty_file');
  const table = format === 'csv' ? readCsv(file) : await readXlsx(file);
  const headerIndex = table.findIndex((r) => !isBlank(r.cells));
  if (headerIndex < 0) throw new AppError('bad_request', 'orders.import.empty_file');
  const rows = table.slice(headerIndex + 1).filter((r) => !isBlank(r.cells));
  if (rows.length > maxRows)
    throw new AppError('bad_request', 'orders.import.too_many_rows', { max: maxRows });
  return { header: table[headerIndex].cells.map((c) => c.trim()), rows };
}

function readCsv(file: Buffer): SheetRow[] {
  try {
    const records = parse(decodeCsv(file), {
      bom: true,
      relax_column_count: true,
      skip_empty_lines: false,
    }) as string[][];
    return records.map((cells, i) => ({ rowNumber: i + 1, cells }));
  } catch (error) {
    const reason = error instanceof Error ? error.message.slice(0, 200) : String(error);
    throw new AppError('bad_request', 'orders.import.unreadable_csv', { reason });
  }
}

async function readXlsx(file: Buffer): Promise<SheetRow[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(file as unknown as ArrayBuffer);
  } catch {
    throw new AppError('bad_request', 'orders.import.unreadable_xlsx');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  const rows: SheetRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cells[col - 1] = cellText(cell.value);
    });
    rows.push({ rowNumber, cells: Array.from(cells, (c) => c ?? '') });
  });
  return rows;
}

/** A cell as the text the user sees: whole numbers without ".0", dates as Beijing date-times. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isInteger(value) ? value.toFixed(0) : String(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  // Excel stores wall-clock time; exceljs hands it over as if it were UTC.
  if (value instanceof Date) return value.toISOString().slice(0, 16).replace('T', ' ');
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as ExcelJS.CellFormulaValue).result;
    return result === undefined ? '' : cellText(result as ExcelJS.CellValue);
  }
  if ('hyperlink' in value) return String((value as ExcelJS.CellHyperlinkValue).text ?? '');
  if ('error' in value) return '';
  return String(value);
}

/** A file in the import layout: header plus rows (the template and the CLI's test files). */
export async function writeOrderSheet(
  format: FileFormat,
  header: string[],
  rows: string[][],
): Promise<Buffer> {
  if (format === 'csv') {
    const cell = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
    return Buffer.from(
      `\uFEFF${[header, ...rows].map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`,
      'utf8',
    );
  }
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Wayline';
  const sheet = workbook.addWorksheet('orders', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.addRow(header).font = { bold: true };
  for (const r of rows) sheet.addRow(r);
  header.forEach((h, i) => {
    const column = sheet.getColumn(i + 1);
    column.width = Math.max(10, Math.min(40, h.length * 2 + 6));
    column.numFmt = '@';
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
