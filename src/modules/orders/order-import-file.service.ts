import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { type Actor, systemActor } from '../../platform/auth/principal';
import type { Db } from '../../platform/db';
import type { Lang } from '../../platform/i18n/i18n';
import { type OrderImportResult, runOrderImport } from './order-import.service';
import { detectFormat, type FileFormat } from './order-sheet';

export interface OrderImportFileOptions {
  /** A path (format from the extension unless given) or the file's bytes. */
  file: string | Buffer;
  format?: FileFormat;
  mode?: 'validate' | 'commit';
  skipInvalid?: boolean;
  /** Merchant for rows without a merchant code. */
  defaultMerchantId?: string | null;
  actor?: Actor;
  lang?: Lang;
  now?: Date;
  /** Marks the imported orders, so they can be allocated afterwards (`runAllocation`). */
  batchId?: string | null;
  onProgress?: (fraction: number, message: string) => unknown;
  signal?: AbortSignal;
}

/** For the CLI (`wayline import orders FILE`): import a file as the system, committing by default. */
export async function importOrderFile(db: Db, options: OrderImportFileOptions): Promise<OrderImportResult> {
  const file = typeof options.file === 'string' ? await readFile(options.file) : options.file;
  const ext = typeof options.file === 'string' ? extname(options.file).slice(1).toLowerCase() : '';
  const format = options.format ?? (ext === 'csv' || ext === 'xlsx' ? ext : detectFormat(file));
  return runOrderImport(db, {
    file,
    format,
    mode: options.mode ?? 'commit',
    skipInvalid: options.skipInvalid ?? false,
    merchantScope: null,
    defaultMerchantId: options.defaultMerchantId ?? null,
    actor: options.actor ?? systemActor('cli'),
    lang: options.lang ?? 'zh-CN',
    now: options.now ?? new Date(),
    jobId: options.batchId ?? null,
    queueAllocation: false,
    onProgress: options.onProgress,
    signal: options.signal,
  });
}
