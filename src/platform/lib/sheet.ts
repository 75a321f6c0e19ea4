import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { AppError } from './errors';

/**
 * Reading and writing spreadsheets (CSV, xlsx) as plain rows of text cells, for every import and
 * export (catalog, orders, demand history, requisitions). Errors carry the caller's message codes
 * (`<codes>.empty_file`, `.unreadable_csv`, `.unreadable_xlsx`, `.too_many_rows`).
 */

export const FILE_FORMATS = ['csv', 'xlsx'] as const;
export type FileFormat = (typeof FILE_FORMATS)[number];

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const CSV_TYPE = 'text/csv; charset=utf-8';

export interface SheetRow {
  /** The row number the user sees in the spreadsheet (header = 1). */
  rowNumber: number;
  cells: string[];
}

export interface Sheet {
  header: string[];
  rows: SheetRow[];
}

/** The format from an explicit choice, the Content-Type, or the bytes (xlsx is a zip: "PK"). */
export function detectFormat(file: Buffer, explicit?: FileFormat | null, contentType?: string): FileFormat {
  if (explicit) return explicit;
  const type = (contentType ?? '').split(';')[0].trim().toLowerCase();
  if (type === XLSX_TYPE) return 'xlsx';
  if (type === 'text/csv') return 'csv';
  return file.subarray(0, 2).toString('latin1') === 'PK' ? 'xlsx' : 'csv';
}

/**
 * CSV text: UTF-8 (with or without BOM); files saved by Excel on Chinese Windows are GB18030,
 * so bytes that are not valid UTF-8 are decoded as that.
 */
export function decodeCsv(file: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(file);
  } catch {
    return new TextDecoder('gb18030').decode(file);
  }
}

export interface ReadSheetOptions {
  /** Prefix of the message codes for unusable files, e.g. `catalog.import`. */
  codes: string;
  /** How a date cell reads: the day (default), or day and wall-clock time. */
  dates?: 'date' | 'datetime';
}

function unreadable(format: FileFormat, error: unknown, codes: string): AppError {
  // The zip library's messages mean nothing to a user; csv-parse's name the line and the problem.
  if (format === 'xlsx') return new AppError('bad_request', `${codes}.unreadable_xlsx`);
  const reason = error instanceof Error ? error.message.slice(0, 200) : String(error);
  return new AppError('bad_request', `${codes}.unreadable_csv`, { reason });
}

const isBlank = (cells: string[]) => cells.every((c) => c.trim() === '');

/** The first non-blank row is the header; blank rows are skipped; more than `maxRows` is refused. */
export async function readSheet(
  file: Buffer,
  format: FileFormat,
  maxRows: number,
  options: ReadSheetOptions,
): Promise<Sheet> {
  const { codes } = options;
  if (file.length === 0) throw new AppError('bad_request', `${codes}.empty_file`);
  const table =
    format === 'csv' ? readCsv(file, codes) : await readXlsx(file, codes, options.dates ?? 'date');
  const headerIndex = table.findIndex((r) => !isBlank(r.cells));
  if (headerIndex < 0) throw new AppError('bad_request', `${codes}.empty_file`);
  const rows = table.slice(headerIndex + 1).filter((r) => !isBlank(r.cells));
  if (rows.length > maxRows) throw new AppError('bad_request', `${codes}.too_many_rows`, { max: maxRows });
  return { header: table[headerIndex].cells.map((c) => c.trim()), rows };
}

function readCsv(file: Buffer, codes: string): SheetRow[] {
  let records: string[][];
  try {
    records = parse(decodeCsv(file), {
      bom: true,
      relax_column_count: true,
      skip_empty_lines: false,
      trim: false,
    }) as string[][];
  } catch (error) {
    throw unreadable('csv', error, codes);
  }
  // Record i is spreadsheet row i + 1 (a quoted cell may span lines but is still one row). NUL
  // characters (never data; PostgreSQL cannot store them) are dropped.
  return records.map((cells, i) => ({
    rowNumber: i + 1,
    cells: cells.map((c) => (c.includes('\u0000') ? c.replaceAll('\u0000', '') : c)),
  }));
}

async function readXlsx(file: Buffer, codes: string, dates: 'date' | 'datetime'): Promise<SheetRow[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(file as unknown as ArrayBuffer);
  } catch (error) {
    throw unreadable('xlsx', error, codes);
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  const rows: SheetRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cells[col - 1] = cellText(cell.value, dates).replaceAll('\u0000', '');
    });
    rows.push({ rowNumber, cells: Array.from(cells, (c) => c ?? '') });
  });
  return rows;
}

/** An Excel cell as the text a user sees (numbers without float noise, formulas by result). */
export function cellText(value: ExcelJS.CellValue, dates: 'date' | 'datetime' = 'date'): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isInteger(value) ? value.toFixed(0) : String(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  // Excel stores wall-clock time; exceljs hands it over as if it were UTC.
  if (value instanceof Date)
    return dates === 'date'
      ? value.toISOString().slice(0, 10)
      : value.toISOString().slice(0, 16).replace('T', ' ');
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as ExcelJS.CellFormulaValue).result;
    return result === undefined ? '' : cellText(result as ExcelJS.CellValue, dates);
  }
  if ('hyperlink' in value) return String((value as ExcelJS.CellHyperlinkValue).text ?? '');
  if ('error' in value) return '';
  return String(value);
}

// ── Writing ──────────────────────────────────────────────────────────────────────────────────

export interface SheetOutput {
  header: string[];
  rows: Array<Array<string | number>>;
  /** Columns written as text in xlsx so Excel keeps leading zeros (codes, barcodes). */
  textColumns?: number[];
  /** Column indexes whose text could be read as a formula by a spreadsheet (user-typed names). */
  freeTextColumns?: number[];
  sheetName?: string;
  /** A second sheet of notes (xlsx only): rows of text. */
  notes?: { name: string; rows: string[][] };
}

export async function writeSheet(format: FileFormat, output: SheetOutput): Promise<Buffer> {
  return format === 'csv' ? writeCsv(output) : writeXlsx(output);
}

const csvCell = (value: string | number, freeText: boolean) => {
  let text = String(value);
  // Defuse formula injection when the file is opened in a spreadsheet.
  if (freeText && /^[=+@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

function writeCsv(output: SheetOutput): Buffer {
  const free = new Set(output.freeTextColumns ?? []);
  const lines = [output.header, ...output.rows].map((row, r) =>
    row.map((cell, i) => csvCell(cell, r > 0 && free.has(i))).join(','),
  );
  // BOM so Excel opens UTF-8 Chinese correctly; CRLF as RFC 4180 says.
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}

async function writeXlsx(output: SheetOutput): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Wayline';
  const sheet = workbook.addWorksheet(output.sheetName ?? 'Sheet1', {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  sheet.addRow(output.header).font = { bold: true };
  for (const row of output.rows) sheet.addRow(row);
  output.header.forEach((h, i) => {
    const column = sheet.getColumn(i + 1);
    column.width = Math.max(10, Math.min(40, h.length * 2 + 4));
    if (output.textColumns?.includes(i)) column.numFmt = '@';
  });
  if (output.notes) {
    const notes = workbook.addWorksheet(output.notes.name);
    for (const row of output.notes.rows) notes.addRow(row);
    notes.getColumn(1).width = 24;
    notes.getColumn(2).width = 80;
    notes.getRow(1).font = { bold: true };
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
