import { z } from 'zod';
import type { Db } from '../../platform/db/database';
import { boundMerchantLookup } from './catalog.deps';
import { FILE_FORMATS } from './sku.schemas';
import type { MerchantLookup } from './sku.service';
import { runCatalogImport } from './sku-import.service';

export const CATALOG_IMPORT_JOB = 'catalog.import';

/** What the import route stores in the job: the file (base64) and who asked, in which language. */
export const catalogImportPayload = z.object({
  file: z.string(),
  format: z.enum(FILE_FORMATS),
  mode: z.enum(['validate', 'commit']),
  skipInvalid: z.boolean(),
  merchantScope: z.string().nullable(),
  defaultMerchantId: z.string().nullable(),
  lang: z.enum(['zh-CN', 'en']),
  actor: z.object({
    id: z.string().nullable(),
    name: z.string(),
    kind: z.enum(['user', 'token', 'system']),
    requestId: z.string().nullable(),
  }),
});
export type CatalogImportPayload = z.output<typeof catalogImportPayload>;

/** The part of the job runner's context the catalog's handlers use. */
export interface CatalogJobContext {
  job: { id: string; payload: unknown };
  db: Db;
  signal: AbortSignal;
  progress: (fraction: number, message: string) => unknown;
  now: Date | (() => Date);
}

export type CatalogJobHandler = (ctx: CatalogJobContext) => Promise<unknown>;

async function runImportJob(ctx: CatalogJobContext, merchants: MerchantLookup) {
  const payload = catalogImportPayload.parse(ctx.job.payload);
  return runCatalogImport(ctx.db, {
    file: Buffer.from(payload.file, 'base64'),
    format: payload.format,
    mode: payload.mode,
    skipInvalid: payload.skipInvalid,
    merchantScope: payload.merchantScope,
    defaultMerchantId: payload.defaultMerchantId,
    merchants,
    actor: payload.actor,
    lang: payload.lang,
    now: typeof ctx.now === 'function' ? ctx.now() : ctx.now,
    onProgress: (fraction, message) => ctx.progress(fraction, message),
    signal: ctx.signal,
  });
}

/** Job handlers by kind, with explicit merchant lookups. */
export function createCatalogJobHandlers(merchants: MerchantLookup): Record<string, CatalogJobHandler> {
  return { [CATALOG_IMPORT_JOB]: (ctx) => runImportJob(ctx, merchants) };
}

/** Job handlers by kind for the platform job runner; merchant lookups come from `createCatalogModule`. */
export const catalogJobHandlers: Record<string, CatalogJobHandler> = {
  [CATALOG_IMPORT_JOB]: (ctx) => runImportJob(ctx, boundMerchantLookup()),
};
