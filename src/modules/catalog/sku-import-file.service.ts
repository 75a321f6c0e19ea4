import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { type Actor, systemActor } from '../../platform/auth/principal';
import type { Db } from '../../platform/db/database';
import type { Lang } from '../../platform/i18n/i18n';
import { boundMerchantLookup } from './catalog.deps';
import type { FileFormat } from './sku.schemas';
import type { MerchantLookup } from './sku.service';
import { type ImportResult, runCatalogImport } from './sku-import.service';
import { detectFormat } from './sku-sheet';

export interface ImportFileOptions {
  /** A path (format from the extension unless given) or the file's bytes. */
  file: string | Buffer;
  format?: FileFormat;
  mode?: 'validate' | 'commit';
  skipInvalid?: boolean;
  merchantScope?: string | null;
  /** Merchant for rows without a merchant_code. */
  defaultMerchantId?: string | null;
  /** Defaults to the lookups bound by `createCatalogModule`. */
  merchants?: MerchantLookup;
  actor?: Actor;
  lang?: Lang;
  now?: Date;
  onProgress?: (fraction: number, message: string) => unknown;
  signal?: AbortSignal;
}

/** For the CLI (`wayline import catalog FILE`): import a file as the system, committing by default. */
export async function importCatalogFile(db: Db, options: ImportFileOptions): Promise<ImportResult> {
  const file = typeof options.file === 'string' ? await readFile(options.file) : options.file;
  const byExtension = typeof options.file === 'string' ? extname(options.file).slice(1).toLowerCase() : '';
  const format =
    options.format ?? (byExtension === 'xlsx' || byExtension === 'csv' ? byExtension : detectFormat(file));
  return runCatalogImport(db, {
    file,
    format,
    mode: options.mode ?? 'commit',
    skipInvalid: options.skipInvalid ?? false,
    merchantScope: options.merchantScope ?? null,
    defaultMerchantId: options.defaultMerchantId ?? null,
    merchants: options.merchants ?? boundMerchantLookup(),
    actor: options.actor ?? systemActor('cli'),
    lang: options.lang ?? 'zh-CN',
    now: options.now ?? new Date(),
    onProgress: options.onProgress,
    signal: options.signal,
  });
}
