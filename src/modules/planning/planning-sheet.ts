import { type FileFormat, readSheet as readAnySheet, type Sheet } from '../../platform/lib/sheet';

export {
  CSV_TYPE,
  detectFormat,
  FILE_FORMATS,
  type FileFormat,
  type SheetOutput,
  type SheetRow,
  writeSheet,
  XLSX_TYPE,
} from '../../platform/lib/sheet';

/** Demand-history files: the platform's spreadsheet reader with planning's import messages. */
export const readSheet = (file: Buffer, format: FileFormat, maxRows: number): Promise<Sheet> =>
  readAnySheet(file, format, maxRows, { codes: 'planning.import' });
