import { sql } from 'kysely';
import { recordAudit } from '../../platform/audit/audit';
import type { Trx } from '../../platform/db';
import { raiseAlert } from './alert.service';
import { type LedgerContext, type MovementInput, postMovements } from './ledger.repo';
import { settleHoldLines } from './quality-hold.service';
import { breakReservations } from './reservation-break.service';
import type { BalanceRow } from './stock.tables';

/** The reason on every movement of the expiry job. */
export const EXPIRED_REASON = 'expired';

export interface ExpiryOutcome {
  warehouseId: string;
  /** The business day the run judged expiry against (lots with expiry before it are expired). */
  day: string;
  lines: number;
  qty: number;
  /** Orders whose reservations the run had to break (they were told by `inventory.reservation_lost`). */
  lostOrders: string[];
}

/**
 * Move every expired lot of a warehouse (expiry date before `day`) that is still available or on
 * quality hold into quarantine, with a `move` movement whose reason is `expired`. Reserved stock is
 * first released from its orders (a `release` movement each, and `inventory.reservation_lost`).
 * Idempotent: a second run the same day finds nothing left to move and writes nothing. Quarantined,
 * damaged stock and undated stock are never touched.
 */
export async function quarantineExpired(
  trx: Trx,
  input: { warehouseId: string; day: string },
  ctx: LedgerContext,
): Promise<ExpiryOutcome> {
  const { rows } = await sql<BalanceRow>`
    select b.* from inventory.balance b join inventory.lot l on l.id = b.lot_id
    where b.warehouse_id = ${input.warehouseId} and l.expiry_date < ${input.day}::date
      and b.status in ('available', 'quality_hold') and b.on_hand > 0
    order by b.sku_id, b.warehouse_id, b.id
    for update of b`.execute(trx);
  const outcome: ExpiryOutcome = {
    warehouseId: input.warehouseId,
    day: input.day,
    lines: 0,
    qty: 0,
    lostOrders: [],
  };
  if (!rows.length) return outcome;
  const source = { sourceType: 'expiry_run', sourceId: input.day };
  const lost = await breakReservations(
    trx,
    rows
      .filter((b) => Number(b.reserved) > 0)
      .map((b) => ({ skuId: b.sku_id, binId: b.bin_id, lotId: b.lot_id, qty: 'all' as const })),
    'expired',
    source,
    ctx,
  );
  const movements: MovementInput[] = rows.map((b) => ({
    type: 'move',
    skuId: b.sku_id,
    lotId: b.lot_id,
    warehouseId: b.warehouse_id,
    from: { binId: b.bin_id, status: b.status },
    to: { binId: b.bin_id, status: 'quarantine' },
    qty: Number(b.on_hand),
    reason: EXPIRED_REASON,
    ...source,
  }));
  await postMovements(trx, movements, ctx);
  await settleHoldLines(
    trx,
    rows
      .filter((b) => b.status === 'quality_hold')
      .map((b) => ({ skuId: b.sku_id, binId: b.bin_id, lotId: b.lot_id, qty: Number(b.on_hand) })),
    'expired',
    ctx.now,
  );
  outcome.lines = rows.length;
  outcome.qty = rows.reduce((s, b) => s + Number(b.on_hand), 0);
  outcome.lostOrders = [...new Set(lost.map((l) => l.orderRef))].sort();
  await raiseAlert(
    trx,
    {
      warehouseId: input.warehouseId,
      kind: 'stock_expired',
      severity: lost.length ? 'warning' : 'info',
      subjectType: 'expiry_run',
      subjectId: input.day,
      params: { day: input.day, lines: outcome.lines, qty: outcome.qty, lostOrders: outcome.lostOrders },
    },
    ctx.now,
  );
  await recordAudit(
    trx,
    ctx.actor,
    {
      action: 'quarantine_expired',
      entity: 'warehouse',
      entityId: input.warehouseId,
      summary: `expired stock quarantined (${input.day}): ${outcome.lines} line(s), ${outcome.qty} unit(s)`,
      after: {
        ...outcome,
        balances: rows.slice(0, 200).map((b) => ({
          skuId: b.sku_id,
          binId: b.bin_id,
          lotId: b.lot_id,
          qty: Number(b.on_hand),
          from: b.status,
        })),
        lost,
      },
    },
    ctx.now,
  );
  return outcome;
}
