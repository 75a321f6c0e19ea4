import { z } from 'zod';
import { type Actor, systemActor } from '../../platform/auth/principal';
import { type Db, inTransaction } from '../../platform/db';
import { enqueueJob, type Job, JobAbortedError, type JobContext } from '../../platform/jobs';
import { businessDayOf } from '../../platform/time/calendar';
import { type ExpiryOutcome, quarantineExpired } from './expiry.service';
import { stockDb } from './stock.tables';

/** The daily expiry job: expired lots → quarantine, in every (or the given) warehouse. */
export const EXPIRE_STOCK_JOB = 'inventory.expire_stock';

export const expireStockPayload = z.object({
  /** null: every active warehouse. */
  warehouseIds: z.array(z.string()).nullable().default(null),
  /** Set by the scheduler. */
  scheduledDay: z.string().optional(),
  /** Set for a manual run: who asked (recorded on the movements). */
  actor: z
    .object({
      id: z.string().nullable(),
      name: z.string(),
      kind: z.enum(['user', 'token', 'system']),
      requestId: z.string().nullable(),
    })
    .optional(),
});
export type ExpireStockPayload = z.input<typeof expireStockPayload>;

export interface ExpiryRunResult {
  day: string;
  warehouses: ExpiryOutcome[];
  lines: number;
  qty: number;
  lostOrders: string[];
}

/**
 * One transaction per warehouse (a failure in one leaves the others done; a re-run finishes the
 * rest, since the work is idempotent). Progress is reported per warehouse.
 */
export async function runExpireStock(ctx: JobContext): Promise<ExpiryRunResult> {
  const payload = expireStockPayload.parse(ctx.job.payload ?? {});
  const now = ctx.now();
  const day = businessDayOf(now);
  const actor: Actor = payload.actor ?? systemActor('expiry-job');
  let q = stockDb(ctx.db).selectFrom('inventory.warehouse').select(['id', 'code']).where('active', '=', true);
  if (payload.warehouseIds)
    q = q.where('id', 'in', payload.warehouseIds.length ? payload.warehouseIds : ['']);
  const warehouses = payload.warehouseIds?.length === 0 ? [] : await q.orderBy('code').execute();
  const outcomes: ExpiryOutcome[] = [];
  for (const [i, w] of warehouses.entries()) {
    if (ctx.signal.aborted) throw ctx.signal.reason ?? new JobAbortedError('cancelled');
    const outcome = await inTransaction(ctx.db, (trx) =>
      quarantineExpired(trx, { warehouseId: w.id, day }, { actor, now }),
    );
    outcomes.push(outcome);
    ctx.progress((i + 1) / warehouses.length, `${w.code}: ${outcome.lines} / ${outcome.qty}`);
  }
  return {
    day,
    warehouses: outcomes,
    lines: outcomes.reduce((s, o) => s + o.lines, 0),
    qty: outcomes.reduce((s, o) => s + o.qty, 0),
    lostOrders: [...new Set(outcomes.flatMap((o) => o.lostOrders))].sort(),
  };
}

export const inventoryJobHandlers = { [EXPIRE_STOCK_JOB]: runExpireStock };

/** Recurring jobs of the inventory module (registered by the composition root at start-up). */
export const inventorySchedules = [
  { kind: EXPIRE_STOCK_JOB, atLocalTime: '00:30', payload: { warehouseIds: null } },
];

/** Queue a manual expiry run (the same work as the daily one, for the warehouses given). */
export async function requestExpiryRun(
  db: Db,
  input: { warehouseIds: string[] | null; actor: Actor; now: Date },
): Promise<Job> {
  return enqueueJob(db, {
    kind: EXPIRE_STOCK_JOB,
    payload: { warehouseIds: input.warehouseIds, actor: input.actor } satisfies ExpireStockPayload,
    createdBy: input.actor.kind === 'system' ? null : input.actor.id,
    now: input.now,
    maxAttempts: 3,
  });
}
