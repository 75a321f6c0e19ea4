import { z } from 'zod';
import { inTransaction } from '../../platform/db';
import { type Lang, t } from '../../platform/i18n/i18n';
import type { JobContext, JobHandler } from '../../platform/jobs';
import { allocateOrder } from './allocation.service';
import { ordersDb } from './order.tables';
import { ALLOCATE_JOB, runOrderImport } from './order-import.service';
import { FILE_FORMATS } from './order-sheet';

export const IMPORT_JOB = 'orders.import';
export { ALLOCATE_JOB };

const actorSchema = z.object({
  id: z.string().nullable(),
  name: z.string(),
  kind: z.enum(['user', 'token', 'system']),
  requestId: z.string().nullable(),
});

/** What `POST /api/orders/imports` stores in the job: the file (base64), who asked, in which language. */
export const importPayload = z.object({
  file: z.string(),
  format: z.enum(FILE_FORMATS),
  mode: z.enum(['validate', 'commit']),
  skipInvalid: z.boolean(),
  merchantScope: z.string().nullable(),
  defaultMerchantId: z.string().nullable(),
  lang: z.enum(['zh-CN', 'en']),
  actor: actorSchema,
});
export type ImportPayload = z.output<typeof importPayload>;

export const allocatePayload = z.object({
  importJobId: z.string().nullable().optional(),
  orderIds: z.array(z.string()).max(100_000).optional(),
  lang: z.enum(['zh-CN', 'en']),
  actor: actorSchema,
});

async function importJob(ctx: JobContext) {
  const p = importPayload.parse(ctx.job.payload);
  return runOrderImport(ctx.db, {
    file: Buffer.from(p.file, 'base64'),
    format: p.format,
    mode: p.mode,
    skipInvalid: p.skipInvalid,
    merchantScope: p.merchantScope,
    defaultMerchantId: p.defaultMerchantId,
    actor: p.actor,
    lang: p.lang,
    now: ctx.now(),
    jobId: ctx.job.id,
    onProgress: (fraction, message) => ctx.progress(fraction, message),
    signal: ctx.signal,
  });
}

/**
 * Allocate validated orders one by one (each in its own transaction, so one order's trouble does not
 * hold up the rest): those of an import, or a given list. Orders allocated meanwhile are skipped.
 */
export async function runAllocation(
  ctx: Pick<JobContext, 'db' | 'signal' | 'progress'> & { now: () => Date },
  input: {
    importJobId?: string | null;
    orderIds?: string[];
    lang: Lang;
    actor: z.output<typeof actorSchema>;
  },
) {
  let q = ordersDb(ctx.db).selectFrom('orders.order').select('id').where('status', '=', 'validated');
  if (input.importJobId) q = q.where('import_job_id', '=', input.importJobId);
  if (input.orderIds)
    q = q.where(
      'id',
      'in',
      input.orderIds.length ? input.orderIds : ['00000000-0000-0000-0000-000000000000'],
    );
  const ids = (await q.orderBy('id').execute()).map((r) => r.id);
  const counts = { total: ids.length, allocated: 0, exceptions: 0, skipped: 0 };
  for (let i = 0; i < ids.length; i++) {
    ctx.signal.throwIfAborted();
    const outcome = await inTransaction(ctx.db, async (trx) => {
      const row = await ordersDb(trx)
        .selectFrom('orders.order')
        .select('status')
        .where('id', '=', ids[i])
        .forUpdate()
        .executeTakeFirst();
      if (row?.status !== 'validated') return null;
      return allocateOrder(trx, ids[i], { actor: input.actor, now: ctx.now() });
    });
    if (!outcome) counts.skipped++;
    else if (outcome.status === 'allocated') counts.allocated++;
    else counts.exceptions++;
    if ((i + 1) % 25 === 0)
      ctx.progress(
        (i + 1) / ids.length,
        t(input.lang, 'orders.allocate.progress', { done: i + 1, total: ids.length }),
      );
  }
  ctx.progress(1, t(input.lang, 'orders.allocate.progress.done', counts));
  return counts;
}

async function allocateJob(ctx: JobContext) {
  const p = allocatePayload.parse(ctx.job.payload);
  return runAllocation(ctx, p);
}

export const ordersJobHandlers: Record<string, JobHandler> = {
  [IMPORT_JOB]: importJob,
  [ALLOCATE_JOB]: allocateJob,
};
