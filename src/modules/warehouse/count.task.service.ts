import { recordAudit } from '../../platform/audit/audit';
import type { Principal } from '../../platform/auth/principal';
import type { Trx } from '../../platform/db';
import { AppError, type FieldIssue, notFound } from '../../platform/lib/errors';
import { newId } from '../../platform/lib/ids';
import { binOccupancy, bookQuantities, lotCodeKey, lotsByCodes } from '../inventory';
import { abcClassesOf } from './abc.service';
import { insertTasks, unitValuesOf } from './count.generate';
import { needsApproval, needsRecount, rulesOf, withinTolerance } from './count.rules';
import { assertWarehouseScope } from './count.scope';
import { assertCountAction, transitionCount } from './count.state';
import { type CountLineRow, type CountRow, type CountTaskRow, countDb } from './count.tables';
import { issue, throwIssues } from './inbound.lines';
import type { WhContext } from './warehouse.access';
import { warehouseDeps } from './warehouse.deps';

export interface CountEntryInput {
  /** The bin's barcode as scanned: the counter proves they stand at the bin. */
  binBarcode: string;
  /** What is in the bin, per SKU and lot (scanning a unit twice may send the SKU twice: quantities add). Nothing = empty bin. */
  lines: Array<{ skuId: string; lotCode?: string | null; qty: number }>;
}

export interface CountEntryResult {
  taskId: string;
  binCode: string;
  round: number;
  linesCounted: number;
  /** The bin is to be counted again (another task was created) — no quantity is told. */
  recount: boolean;
  countStatus: CountRow['status'];
}

const lineKey = (skuId: string, lotId: string | null) => `${skuId}|${lotId ?? ''}`;

/** The task and its count, locked (the count row serialises its tasks' submissions). */
async function lockTask(trx: Trx, principal: Principal | null, id: string) {
  const task = await countDb(trx)
    .selectFrom('warehouse.count_task')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  if (!task) throw notFound('count_task', id);
  assertWarehouseScope(principal, task.warehouse_id, 'count_task', id);
  const count = await countDb(trx)
    .selectFrom('warehouse.count')
    .selectAll()
    .where('id', '=', task.count_id)
    .forUpdate()
    .executeTakeFirstOrThrow();
  const locked = await countDb(trx)
    .selectFrom('warehouse.count_task')
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirstOrThrow();
  return { task: locked, count };
}

async function assertAtBin(trx: Trx, task: CountTaskRow, scanned: string) {
  const [bin] = await binOccupancy(trx, { warehouseId: task.warehouse_id, binIds: [task.bin_id] });
  if (!bin || bin.barcode !== scanned.trim())
    throw new AppError('conflict', 'warehouse.count_wrong_bin', { scanned, expected: task.bin_code });
}

function assertTaskOpen(task: CountTaskRow) {
  if (task.status !== 'open' && task.status !== 'counting')
    throw new AppError('conflict', 'warehouse.count_task_closed', {
      bin: task.bin_code,
      status: task.status,
    });
}

/** The counter scans the bin and starts counting it (the count starts with its first bin). */
export async function startCountTask(trx: Trx, id: string, binBarcode: string, ctx: WhContext) {
  const { task, count } = await lockTask(trx, ctx.principal, id);
  assertCountAction(count, 'count_bin');
  assertTaskOpen(task);
  await assertAtBin(trx, task, binBarcode);
  await countDb(trx)
    .updateTable('warehouse.count_task')
    .set({ status: 'counting', counter_id: ctx.actor.id, counter_name: ctx.actor.name, started_at: ctx.now })
    .where('id', '=', task.id)
    .execute();
  if (count.status === 'planned') await transitionCount(trx, count, 'counting', ctx);
}

/**
 * Submit the blind count of a bin: the quantities found per SKU and lot. The book quantities are read
 * at this moment (locked, with the ledger position) and kept on the count lines beside the counted
 * ones — the variance is counted − book *at the count*, so picking may go on in the rest of the
 * warehouse. A book line not found is counted 0; goods found that the books do not list become new
 * lines. A bin with a line outside the tolerance gets a recount task (blind again) while recounts
 * are left. When the last task is done the count is `submitted`, or `recount` while recounts are
 * open; with no line over the approval thresholds it is approved at once.
 */
export async function submitCountTask(
  trx: Trx,
  id: string,
  input: CountEntryInput,
  ctx: WhContext,
): Promise<CountEntryResult> {
  const { task, count } = await lockTask(trx, ctx.principal, id);
  assertCountAction(count, 'count_bin');
  assertTaskOpen(task);
  await assertAtBin(trx, task, input.binBarcode);
  const rules = rulesOf(count);

  // The entered lines, checked and merged per SKU and lot.
  const skus = await warehouseDeps().skusByIds(
    trx,
    input.lines.map((l) => l.skuId),
  );
  const issues: FieldIssue[] = [];
  input.lines.forEach((l, i) => {
    const sku = skus.get(l.skuId);
    if (!sku) issues.push(issue(`body.lines.${i}.skuId`, 'warehouse.sku_not_found', { id: l.skuId }));
    else if (sku.lotTracked && !l.lotCode)
      issues.push(issue(`body.lines.${i}.lotCode`, 'warehouse.lot_required', { sku: sku.code }));
    else if (!sku.lotTracked && l.lotCode)
      issues.push(issue(`body.lines.${i}.lotCode`, 'warehouse.lot_not_tracked', { sku: sku.code }));
  });
  throwIssues(issues);
  const lots = await lotsByCodes(
    trx,
    input.lines.filter((l) => l.lotCode).map((l) => ({ skuId: l.skuId, code: l.lotCode! })),
  );
  const counted = new Map<string, { skuId: string; lotId: string | null; qty: number }>();
  input.lines.forEach((l, i) => {
    const lot = l.lotCode ? lots.get(lotCodeKey(l.skuId, l.lotCode)) : null;
    if (l.lotCode && !lot) {
      issues.push(issue(`body.lines.${i}.lotCode`, 'warehouse.count_unknown_lot', { lot: l.lotCode }));
      return;
    }
    const k = lineKey(l.skuId, lot?.id ?? null);
    const prev = counted.get(k);
    counted.set(k, { skuId: l.skuId, lotId: lot?.id ?? null, qty: (prev?.qty ?? 0) + l.qty });
  });
  throwIssues(issues);

  // The books at this moment, per SKU and lot (every status: a counter sees goods, not statuses).
  const book = await bookQuantities(trx, { warehouseId: task.warehouse_id, binIds: [task.bin_id] });
  const booked = new Map<string, { skuId: string; lotId: string | null; qty: number }>();
  for (const b of book.lines) {
    const k = lineKey(b.skuId, b.lotId);
    booked.set(k, { skuId: b.skuId, lotId: b.lotId, qty: (booked.get(k)?.qty ?? 0) + b.onHand });
  }
  const existing = new Map(
    (
      await countDb(trx)
        .selectFrom('warehouse.count_line')
        .selectAll()
        .where('count_id', '=', count.id)
        .where('bin_id', '=', task.bin_id)
        .execute()
    ).map((l) => [lineKey(l.sku_id, l.lot_id), l] as const),
  );
  const keys = new Set([
    ...existing.keys(),
    ...counted.keys(),
    ...[...booked].filter(([, b]) => b.qty).map(([k]) => k),
  ]);
  const fresh = [...keys].filter((k) => !existing.has(k)).map((k) => (counted.get(k) ?? booked.get(k))!);
  const [abc, values] = fresh.length
    ? await Promise.all([
        abcClassesOf(trx, task.warehouse_id),
        unitValuesOf(
          trx,
          fresh.map((f) => f.skuId),
        ),
      ])
    : [null, new Map<string, number>()];

  let outside = false;
  for (const k of keys) {
    const bookQty = booked.get(k)?.qty ?? 0;
    const countedQty = counted.get(k)?.qty ?? 0;
    const line = existing.get(k);
    const ref = line ?? null;
    const unitValue = ref ? (ref.unit_value_fen === null ? null : Number(ref.unit_value_fen)) : null;
    const within = withinTolerance(bookQty, countedQty, rules);
    if (!within) outside = true;
    const result = {
      book_qty: bookQty,
      counted_qty: countedQty,
      within_tolerance: within,
      counted_at: ctx.now,
      counter_name: ctx.actor.name,
    };
    if (line) {
      await countDb(trx)
        .updateTable('warehouse.count_line')
        .set({
          ...result,
          rounds: line.rounds + 1,
          ...(line.rounds === 0 ? { first_book_qty: bookQty, first_counted_qty: countedQty } : {}),
          needs_approval: needsApproval(bookQty, countedQty, unitValue, rules),
        })
        .where('id', '=', line.id)
        .execute();
      continue;
    }
    const f = (counted.get(k) ?? booked.get(k))!;
    const value = values.get(f.skuId) ?? null;
    const row: CountLineRow = {
      id: newId(),
      count_id: count.id,
      bin_id: task.bin_id,
      sku_id: f.skuId,
      lot_id: f.lotId,
      abc_class: abc?.run ? (abc.items.get(f.skuId)?.class ?? 'C') : null,
      listed: false,
      rounds: 1,
      first_book_qty: bookQty,
      first_counted_qty: countedQty,
      unit_value_fen: value,
      needs_approval: needsApproval(bookQty, countedQty, value, rules),
      ...result,
    };
    await countDb(trx).insertInto('warehouse.count_line').values(row).execute();
  }

  await countDb(trx)
    .updateTable('warehouse.count_task')
    .set({
      status: 'done',
      counter_id: ctx.actor.id,
      counter_name: ctx.actor.name,
      started_at: task.started_at ?? ctx.now,
      submitted_at: ctx.now,
      position: book.position,
    })
    .where('id', '=', task.id)
    .execute();
  const recount = needsRecount(outside, task.round, rules);
  if (recount)
    await insertTasks(trx, count, [{ id: task.bin_id, code: task.bin_code }], task.round + 1, ctx.now);
  await advanceCount(trx, count, ctx);
  await recordAudit(
    trx,
    ctx.actor,
    {
      action: 'count_bin',
      entity: 'warehouse.count',
      entityId: count.id,
      summary: `count ${count.number} bin ${task.bin_code} round ${task.round}: ${counted.size} line(s)${recount ? ', recount' : ''}`,
      after: {
        taskId: task.id,
        binId: task.bin_id,
        round: task.round,
        counted: [...counted.values()],
        recount,
      },
    },
    ctx.now,
  );
  return {
    taskId: task.id,
    binCode: task.bin_code,
    round: task.round,
    linesCounted: counted.size,
    recount,
    countStatus: count.status,
  };
}

/**
 * After a bin is counted: the count is `counting` once started; with no task left it is `submitted`
 * (and approved at once when no line needs a manager); with only recounts left, `recount`.
 */
export async function advanceCount(trx: Trx, count: CountRow, ctx: WhContext): Promise<void> {
  if (count.status === 'planned') await transitionCount(trx, count, 'counting', ctx);
  const left = await countDb(trx)
    .selectFrom('warehouse.count_task')
    .select(['round'])
    .where('count_id', '=', count.id)
    .where('status', 'in', ['open', 'counting'])
    .execute();
  if (!left.length) {
    await transitionCount(trx, count, 'submitted', ctx);
    const pending = await countDb(trx)
      .selectFrom('warehouse.count_line')
      .select('id')
      .where('count_id', '=', count.id)
      .where('needs_approval', '=', true)
      .limit(1)
      .executeTakeFirst();
    if (!pending)
      await transitionCount(trx, count, 'approved', ctx, 'auto: no variance over the approval thresholds', {
        approved_by_name: null,
      });
    return;
  }
  if (count.status === 'counting' && left.every((t) => t.round > 1))
    await transitionCount(trx, count, 'recount', ctx);
}
