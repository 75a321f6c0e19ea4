import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { AppError } from '../../platform/lib/errors';

/**
 * Spreadsheets in and out (CSV in UTF-8 or GB18030, xlsx) as rows of text cells, for demand-history
 * imports and requisition exports. (The catalog has the same reader for SKUs; both are candidates
 * for platform/lib once a third module needs one.)
 */

export const FILE_FORMATS = ['csv', 'xlsx'] as const;
export type FileFormat = (typeof FILE_FORMATS)[number];
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const CSV_TYPE = 'text/csv; charset=utf-8';

export interface SheetRow {
  /** Row number as the user sees it (header = 1). */
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

function decodeCsv(file: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(file);
  } catch {
    return new TextDecoder('gb18030').decode(file);
  }
}

const blank = (cells: string[]) => cells.every((c) => c.trim() === '');

export async function readSheet(
  file: Buffer,
  format: FileFormat,
  maxRows: number,
): Promise<{ header: string[]; rows: SheetRow[] }> {
  if (file.length === 0) throw new AppError('bad_request', 'planning.import.empty_file');
  let table: SheetRow[];
  if (format === 'csv') {
    try {
      const records = parse(decodeCsv(file), { bom: true, relax_column_count: true }) as string[][];
      table = records.map((cells, i) => ({ rowNumber: i + 1, cells }));
    } catch (error) {
      const reason = error instanceof Error ? error.message.slice(0, 200) : String(error);
      throw new AppError('bad_request', 'planning.import.unreadable_csv', { reason });
    }
  } else {
    const workbook = new ExcelJS.Workbook();
    try {
      await workbook.xlsx.load(file as unknown as ArrayBuffer);
    } catch {
      throw new AppError('bad_request', 'planning.import.unreadable_xlsx');
    }
    table = [];
    workbook.worksheets[0]?.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const cells: string[] = [];
      row.eachCell({ includeEmpty: true }, (cell, col) => {
        cells[col - 1] = cellText(cell.value);
      });
      table.push({ rowNumber, cells: Array.from(cells, (c) => c ?? '') });
    });
  }
  const headerAt = table.findIndex((r) => !blank(r.cells));
  if (headerAt < 0) throw new AppError('bad_request', 'planning.import.empty_file');
  const rows = table.slice(headerAt + 1).filter((r) => !blank(r.cells));
  if (rows.length > maxRows)
    throw new AppError('bad_request', 'planning.import.too_many_rows', { max: maxRows });
  return { header: table[headerAt].cells.map((c) => c.trim()), rows };
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isInteger(value) ? value.toFixed(0) : String(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as ExcelJS.CellFormulaValue).result;
    return result === undefined ? '' : cellText(result as ExcelJS.CellValue);
  }
  if ('text' in value) return String((value as { text: unknown }).text ?? '');
  return '';
}

export interface SheetOutput {
  header: string[];
  rows: Array<Array<string | number>>;
  sheetName: string;
  /** Columns holding user-typed text (defused against formula injection in CSV). */
  freeTextColumns?: number[];
}

export async function writeSheet(format: FileFormat, output: SheetOutput): Promise<Buffer> {
  if (format === 'csv') {
    const free = new Set(output.freeTextColumns ?? []);
    const cell = (value: string | number, i: number, data: boolean) => {
      let text = String(value);
      if (data && free.has(i) && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
      return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
    };
    const lines = [output.header, ...output.rows].map((row, r) =>
      row.map((c, i) => cell(c, i, r > 0)).join(','),
    );
    return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
  }
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Wayline';
  const sheet = workbook.addWorksheet(output.sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.addRow(output.header).font = { bold: true };
  for (const row of output.rows) sheet.addRow(row);
  output.header.forEach((h, i) => {
    sheet.getColumn(i + 1).width = Math.max(10, Math.min(40, h.length * 2 + 4));
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
