import { sql } from 'kysely';
import { systemActor } from '../../platform/auth/principal';
import { inTransaction } from '../../platform/db';
import type { OutboxHandler } from '../../platform/events';
import { isAppError } from '../../platform/lib/errors';
import { recordHistory } from './order.state';
import { type OrderRow, ordersDb } from './order.tables';
import { reallocateLost } from './reallocation.service';

/** The inventory module's event when stock reserved for an order can no longer be sold. */
export const RESERVATION_LOST_TOPIC = 'inventory.reservation_lost';

interface ReservationLost {
  orderRef: string;
  reason: string;
  lines: Array<{ skuId: string; binId: string; lotId: string | null; qty: number }>;
}

/**
 * Stock taken away from an order by the inventory module (expired, quality hold after a
 * temperature excursion, incident) is allocated again. Idempotent: the event id is kept on the
 * order's history, and a redelivered event changes nothing.
 */
export const reservationLostHandler: OutboxHandler = {
  name: 'orders.reallocate_lost_stock',
  topics: [RESERVATION_LOST_TOPIC],
  async handle(db, event) {
    const payload = event.payload as ReservationLost;
    const ctx = { actor: systemActor('orders'), now: new Date() };
    await inTransaction(db, async (trx) => {
      const order = (await ordersDb(trx)
        .selectFrom('orders.order')
        .selectAll()
        .where('number', '=', payload.orderRef)
        .forUpdate()
        .executeTakeFirst()) as OrderRow | undefined;
      // Reservations made by others (tests, integrations) carry other references.
      if (!order) return;
      const done = await ordersDb(trx)
        .selectFrom('orders.order_history')
        .select('id')
        .where('order_id', '=', order.id)
        .where(sql<string>`details->>'eventId'`, '=', event.id)
        .executeTakeFirst();
      if (done) return;
      if (!['allocated', 'released', 'picking', 'packed'].includes(order.status)) {
        await recordHistory(trx, order.id, ctx, {
          action: 'reservation_lost',
          note: payload.reason,
          details: { eventId: event.id, lines: payload.lines },
        });
        return;
      }
      await sql`savepoint orders_lost`.execute(trx);
      try {
        await reallocateLost(
          trx,
          {
            orderId: order.id,
            lines: payload.lines,
            alreadyReleased: true,
            note: payload.reason,
            eventId: event.id,
          },
          ctx,
        );
      } catch (error) {
        // Our allocation rows no longer match what inventory took: keep the record for a person, do not retry.
        if (!isAppError(error)) throw error;
        await sql`rollback to savepoint orders_lost`.execute(trx);
        await recordHistory(trx, order.id, ctx, {
          action: 'reservation_lost',
          note: payload.reason,
          details: { eventId: event.id, lines: payload.lines, error: error.code },
        });
      }
    });
  },
};
