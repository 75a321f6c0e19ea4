import { type FileFormat, readSheet, type Sheet, writeSheet } from '../../platform/lib/sheet';

export {
  detectFormat,
  FILE_FORMATS,
  type FileFormat,
  type SheetRow,
  XLSX_TYPE,
} from '../../platform/lib/sheet';

/** Order files: the header row is the first non-blank one; dates read with their time of day. */
export const readOrderSheet = (file: Buffer, format: FileFormat, maxRows: number): Promise<Sheet> =>
  readSheet(file, format, maxRows, { codes: 'orders.import', dates: 'datetime' });

/** A file in the import layout: header plus rows (the template and the CLI's test files), all text. */
export const writeOrderSheet = (format: FileFormat, header: string[], rows: string[][]): Promise<Buffer> =>
  writeSheet(format, { header, rows, sheetName: 'orders', textColumns: header.map((_, i) => i) });
