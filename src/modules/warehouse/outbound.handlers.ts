import { systemActor } from '../../platform/auth/principal';
import { inTransaction } from '../../platform/db';
import type { OutboxHandler } from '../../platform/events';
import {
  cancelOutbound,
  createOutboundFromRelease,
  type ReleasedPayload,
  reconcileOutbound,
} from './outbound.service';
import { obDb } from './outbound.tables';

/** The order desk's topics the warehouse reacts to (orders module `ORDER_RELEASED` and its cancel event). */
export const ORDER_RELEASED_TOPIC = 'orders.order_released';
export const ORDER_CANCELLED_TOPIC = 'orders.order_cancelled';
export const ORDER_REALLOCATED_TOPIC = 'orders.order_reallocated';

const ctx = () => ({ actor: systemActor('warehouse'), now: new Date(), principal: null });

/**
 * A released order becomes the warehouse's outbound document (出库单). Delivered at least once:
 * the event id is unique on the document, so a redelivery finds it and changes nothing.
 */
export const outboundFromReleaseHandler: OutboxHandler = {
  name: 'warehouse.outbound_from_release',
  topics: [ORDER_RELEASED_TOPIC],
  async handle(db, event) {
    await inTransaction(db, (trx) =>
      createOutboundFromRelease(trx, event.id, event.payload as ReleasedPayload, ctx()),
    );
  },
};

/**
 * A cancelled order leaves the warehouse's work: its outbound document is cancelled and its open
 * picks leave their pick lists (picked units wait at the dispatch point to be put back, as the
 * order desk lists them). Idempotent: a cancelled document stays cancelled.
 */
export const outboundCancelledHandler: OutboxHandler = {
  name: 'warehouse.outbound_on_cancel',
  topics: [ORDER_CANCELLED_TOPIC],
  async handle(db, event) {
    const { orderId } = event.payload as { orderId: string };
    await inTransaction(db, async (trx) => {
      const doc = await obDb(trx)
        .selectFrom('warehouse.outbound')
        .selectAll()
        .where('order_id', '=', orderId)
        .where('status', 'not in', ['cancelled', 'shipped'])
        .forUpdate()
        .executeTakeFirst();
      if (doc) await cancelOutbound(trx, doc, 'order cancelled', ctx());
    });
  },
};

/**
 * The order desk moved an order's reservations (stock expired, held after a temperature excursion,
 * lost in an incident, or a short pick): its open outbound documents follow — lines move to the
 * new bins and lots (a supplementary pick list picks them), or the document is cancelled when the
 * order left this warehouse. Reconciling is idempotent, so a redelivery or a document the short
 * pick already reconciled changes nothing.
 */
export const outboundReallocatedHandler: OutboxHandler = {
  name: 'warehouse.outbound_on_reallocate',
  topics: [ORDER_REALLOCATED_TOPIC],
  async handle(db, event) {
    const { orderId } = event.payload as { orderId: string };
    await inTransaction(db, async (trx) => {
      const docs = await obDb(trx)
        .selectFrom('warehouse.outbound')
        .selectAll()
        .where('order_id', '=', orderId)
        .where('status', 'not in', ['cancelled', 'shipped'])
        .orderBy('id')
        .forUpdate()
        .execute();
      for (const doc of docs) await reconcileOutbound(trx, doc, ctx());
    });
  },
};

export const outboundEventHandlers: OutboxHandler[] = [
  outboundFromReleaseHandler,
  outboundCancelledHandler,
  outboundReallocatedHandler,
];
