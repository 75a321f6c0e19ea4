import { CompiledQuery } from 'kysely';
import type { Trx } from '../../platform/db';
import { AppError } from '../../platform/lib/errors';
import { addDays, businessDayOf } from '../../platform/time/calendar';
import {
  type Allocation,
  type LockedRow,
  mergedLines,
  type ReserveLine,
  takenFrom,
} from './reservation.rows';
import { reserve } from './reservation.service';
import type { StockContext } from './stock.service';

/**
 * Reservations for many orders in one statement (orders placed together): each order all or
 * nothing, exactly as `reserve` makes it — the statement (`inventory.reserve_orders`) runs each
 * order's reservation in turn inside the caller's transaction. An order short of stock gets its
 * `inventory.insufficient_stock` error back in its place and has written nothing; the others are
 * reserved.
 *
 * A line may say the SKU's minimum remaining shelf life (`null`: none), which the caller knows from
 * the catalog; a line that does not and meets dated stock is reserved afterwards by `reserve`, which
 * asks the catalog.
 */
export interface ManyLine extends ReserveLine {
  minRemainingShelfLifeDays?: number | null;
}

export interface OrderToReserve {
  orderRef: string;
  lines: ManyLine[];
  /** The request the order came with, on its movements (default: the context actor's). */
  requestId?: string | null;
}

type ManyRow = LockedRow & { o: number };

const RESERVE_ORDERS = `select * from inventory.reserve_orders($1::text[], $2::int[], $3::int[], $4::uuid[],
  $5::uuid[], $6::bigint[], $7::date[], $8::boolean[], $9::timestamptz, $10::uuid, $11::text, $12::text[])`;

export async function reserveMany(
  trx: Trx,
  orders: OrderToReserve[],
  ctx: StockContext,
): Promise<Array<Allocation[] | AppError>> {
  const today = businessDayOf(ctx.now);
  const lines = orders.map((o) => mergedLines(o.lines));
  const a = {
    order: [] as number[],
    n: [] as number[],
    sku: [] as string[],
    warehouse: [] as string[],
    qty: [] as number[],
    cutoff: [] as string[],
    known: [] as boolean[],
  };
  for (const [i, ls] of lines.entries())
    for (const [n, l] of ls.entries()) {
      const known = l.minRemainingShelfLifeDays !== undefined;
      a.order.push(i + 1);
      a.n.push(n);
      a.sku.push(l.skuId);
      a.warehouse.push(l.warehouseId);
      a.qty.push(l.qty);
      a.cutoff.push(known ? addDays(today, Math.max(0, l.minRemainingShelfLifeDays ?? 0)) : today);
      a.known.push(known);
    }
  const { rows } = a.order.length
    ? await trx.executeQuery<ManyRow>(
        CompiledQuery.raw(RESERVE_ORDERS, [
          orders.map((o) => o.orderRef),
          a.order,
          a.n,
          a.sku,
          a.warehouse,
          a.qty,
          a.cutoff,
          a.known,
          ctx.now,
          ctx.actor.id,
          ctx.actor.name,
          orders.map((o) => (o.requestId === undefined ? ctx.actor.requestId : o.requestId)),
        ]),
      )
    : { rows: [] };
  const byOrder = new Map<number, ManyRow[]>();
  for (const r of rows) {
    const list = byOrder.get(r.o);
    if (list) list.push(r);
    else byOrder.set(r.o, [r]);
  }
  const out: Array<Allocation[] | AppError> = [];
  for (const [i, order] of orders.entries()) {
    const mine = byOrder.get(i + 1) ?? [];
    if (!lines[i].length) {
      out.push([]);
      continue;
    }
    // Dated stock of a SKU whose shelf life was not given: `reserve` asks the catalog.
    if (mine.some((r) => r.needs)) {
      try {
        const actor = { ...ctx.actor, requestId: order.requestId ?? ctx.actor.requestId };
        out.push(await reserve(trx, order, { ...ctx, actor }));
      } catch (error) {
        if (!(error instanceof AppError) || error.code !== 'inventory.insufficient_stock') throw error;
        out.push(error);
      }
      continue;
    }
    out.push(takenFrom(order.orderRef, lines[i], mine));
  }
  return out;
}
