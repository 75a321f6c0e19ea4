import { sql } from 'kysely';
import { recordAudit } from '../../platform/audit/audit';
import type { Principal } from '../../platform/auth/principal';
import type { Trx } from '../../platform/db';
import { AppError, notFound } from '../../platform/lib/errors';
import { postCountVariances } from '../inventory';
import { insertTasks } from './count.generate';
import { closeRequests } from './count.requests';
import { assertWarehouseScope } from './count.scope';
import { assertCountAction, transitionCount } from './count.state';
import { type CountRow, countDb } from './count.tables';
import type { WhContext } from './warehouse.access';

/** The source of count-variance movements (`source_id` = the count's id). */
export const COUNT_SOURCE = 'count';

export async function lockCount(trx: Trx, principal: Principal | null, id: string): Promise<CountRow> {
  const count = await countDb(trx)
    .selectFrom('warehouse.count')
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  if (!count) throw notFound('count', id);
  assertWarehouseScope(principal, count.warehouse_id, 'count', id);
  return count;
}

/** A manager accepts the variances of a submitted count (and, with `post`, posts them at once). */
export async function approveCount(
  trx: Trx,
  id: string,
  input: { note?: string | null; post?: boolean },
  ctx: WhContext,
): Promise<CountRow> {
  const count = await lockCount(trx, ctx.principal, id);
  assertCountAction(count, 'approve');
  await transitionCount(trx, count, 'approved', ctx, input.note ?? null, {
    approved_by_name: ctx.actor.name,
  });
  await recordAudit(
    trx,
    ctx.actor,
    {
      action: 'approve',
      entity: 'warehouse.count',
      entityId: count.id,
      summary: `count ${count.number} approved${input.note ? `: ${input.note}` : ''}`,
    },
    ctx.now,
  );
  return input.post ? postCount(trx, id, ctx) : count;
}

/** A manager sends bins of a submitted count back to be counted again (blind, a new round). */
export async function requestRecount(
  trx: Trx,
  id: string,
  input: { binIds: string[]; note?: string | null },
  ctx: WhContext,
): Promise<CountRow> {
  const count = await lockCount(trx, ctx.principal, id);
  assertCountAction(count, 'request_recount');
  const tasks = await countDb(trx)
    .selectFrom('warehouse.count_task')
    .select(['bin_id', 'bin_code'])
    .select((eb) => eb.fn.max('round').as('round'))
    .where('count_id', '=', count.id)
    .where('bin_id', 'in', [...new Set(input.binIds)])
    .groupBy(['bin_id', 'bin_code'])
    .execute();
  const missing = input.binIds.find((b) => !tasks.some((t) => t.bin_id === b));
  if (missing) throw notFound('bin', missing);
  for (const t of tasks)
    await insertTasks(trx, count, [{ id: t.bin_id, code: t.bin_code }], Number(t.round) + 1, ctx.now);
  await transitionCount(trx, count, 'recount', ctx, input.note ?? null);
  await recordAudit(
    trx,
    ctx.actor,
    {
      action: 'request_recount',
      entity: 'warehouse.count',
      entityId: count.id,
      summary: `count ${count.number}: recount ${tasks.map((t) => t.bin_code).join(', ')}`,
      after: { binIds: input.binIds, note: input.note ?? null },
    },
    ctx.now,
  );
  return count;
}

/**
 * Post an approved count: every line whose count differs from the book at the count becomes a
 * `count_variance` movement (one set-based posting, all or none), the last count of each bin and
 * bin × SKU × lot is recorded, and the count requests of the counted bins are closed.
 */
export async function postCount(trx: Trx, id: string, ctx: WhContext): Promise<CountRow> {
  const count = await lockCount(trx, ctx.principal, id);
  assertCountAction(count, 'post');
  const lines = await countDb(trx)
    .selectFrom('warehouse.count_line')
    .select(['bin_id', 'sku_id', 'lot_id', 'book_qty', 'counted_qty', 'counted_at'])
    .where('count_id', '=', count.id)
    .where('counted_qty', 'is not', null)
    .execute();
  const variances = lines
    .filter((l) => Number(l.counted_qty) !== Number(l.book_qty))
    .map((l) => ({
      skuId: l.sku_id,
      binId: l.bin_id,
      lotId: l.lot_id,
      delta: Number(l.counted_qty) - Number(l.book_qty),
    }));
  const posted = await postCountVariances(
    trx,
    {
      warehouseId: count.warehouse_id,
      lines: variances,
      sourceType: COUNT_SOURCE,
      sourceId: count.id,
      reason: `count ${count.number}`,
    },
    { actor: ctx.actor, now: ctx.now },
  );
  await recordLastCounts(trx, count, ctx.now);
  const bins = await countDb(trx)
    .selectFrom('warehouse.count_task')
    .select('bin_id')
    .select((eb) => eb.fn.max('submitted_at').as('at'))
    .where('count_id', '=', count.id)
    .where('status', '=', 'done')
    .groupBy('bin_id')
    .execute();
  const closed = await closeRequests(
    trx,
    count.warehouse_id,
    bins.map((b) => ({ binId: b.bin_id, countedAt: new Date(b.at as Date) })),
    ctx.now,
  );
  await transitionCount(trx, count, 'posted', ctx, null, { posted_movements: posted.movements });
  const net = variances.reduce((s, v) => s + v.delta, 0);
  await recordAudit(
    trx,
    ctx.actor,
    {
      action: 'post',
      entity: 'warehouse.count',
      entityId: count.id,
      summary: `count ${count.number} posted: ${variances.length} variance line(s), net ${net > 0 ? '+' : ''}${net}`,
      after: {
        lines: lines.length,
        varianceLines: variances.length,
        netUnits: net,
        movements: posted.movements,
        releasedReservations: posted.released.length,
        closedRequests: closed,
      },
    },
    ctx.now,
  );
  return count;
}

/** The last count of every counted bin and bin × SKU × lot (upserts, one statement each). */
async function recordLastCounts(trx: Trx, count: CountRow, now: Date): Promise<void> {
  await sql`
    insert into warehouse.count_record (warehouse_id, bin_id, sku_id, lot_id, count_id, book_qty, counted_qty, counted_at, posted_at)
    select ${count.warehouse_id}::uuid, l.bin_id, l.sku_id, l.lot_id, l.count_id, l.book_qty, l.counted_qty, l.counted_at, ${now}::timestamptz
    from warehouse.count_line l
    where l.count_id = ${count.id}::uuid and l.counted_qty is not null
    on conflict (bin_id, sku_id, lot_id) do update set
      count_id = excluded.count_id, book_qty = excluded.book_qty, counted_qty = excluded.counted_qty,
      counted_at = excluded.counted_at, posted_at = excluded.posted_at, warehouse_id = excluded.warehouse_id`.execute(
    trx,
  );
  await sql`
    insert into warehouse.bin_count (bin_id, warehouse_id, count_id, counted_at, posted_at)
    select t.bin_id, ${count.warehouse_id}::uuid, t.count_id, max(t.submitted_at), ${now}::timestamptz
    from warehouse.count_task t
    where t.count_id = ${count.id}::uuid and t.status = 'done'
    group by t.bin_id, t.count_id
    on conflict (bin_id) do update set
      count_id = excluded.count_id, counted_at = excluded.counted_at, posted_at = excluded.posted_at,
      warehouse_id = excluded.warehouse_id`.execute(trx);
}

/** Cancel a count that is not posted: its open tasks are cancelled, nothing reaches the ledger. */
export async function cancelCount(trx: Trx, id: string, reason: string, ctx: WhContext): Promise<CountRow> {
  const count = await lockCount(trx, ctx.principal, id);
  if (count.status === 'posted' || count.status === 'cancelled')
    throw new AppError('conflict', 'warehouse.count_illegal_transition', {
      number: count.number,
      from: count.status,
      to: 'cancelled',
    });
  await countDb(trx)
    .updateTable('warehouse.count_task')
    .set({ status: 'cancelled' })
    .where('count_id', '=', count.id)
    .where('status', 'in', ['open', 'counting'])
    .execute();
  await transitionCount(trx, count, 'cancelled', ctx, reason, { cancel_reason: reason });
  await recordAudit(
    trx,
    ctx.actor,
    {
      action: 'cancel',
      entity: 'warehouse.count',
      entityId: count.id,
      summary: `count ${count.number} cancelled: ${reason}`,
    },
    ctx.now,
  );
  return count;
}
