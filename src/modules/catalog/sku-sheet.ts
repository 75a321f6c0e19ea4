import { type FileFormat, readSheet as readAnySheet, type Sheet } from '../../platform/lib/sheet';

export {
  CSV_TYPE,
  cellText,
  detectFormat,
  type SheetOutput,
  type SheetRow,
  writeSheet,
  XLSX_TYPE,
} from '../../platform/lib/sheet';

/** SKU files: the platform's spreadsheet reader with the catalog's import messages. */
export const readSheet = (file: Buffer, format: FileFormat, maxRows: number): Promise<Sheet> =>
  readAnySheet(file, format, maxRows, { codes: 'catalog.import' });
