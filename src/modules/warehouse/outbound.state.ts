import type { Trx } from '../../platform/db';
import { AppError } from '../../platform/lib/errors';
import { obDb } from './outbound.tables';

export const OUTBOUND_STATUSES = [
  'open',
  'waved',
  'picking',
  'picked',
  'packing',
  'packed',
  'shipped',
  'cancelled',
] as const;
export type OutboundStatus = (typeof OUTBOUND_STATUSES)[number];

/**
 * The outbound document (出库单) lifecycle. `open`: released by the order desk, waiting for a wave;
 * `waved`: in a wave; `picking`: the first unit is picked; `picked`: nothing left to pick;
 * `packing`: cartons proposed, items being scanned in; `packed`: every parcel sealed with its
 * waybill; `shipped`: out of the gate on a gate pass (出门证). A cancelled wave puts its documents
 * back to `open`; a short pick re-allocated to new bins sends a picked or packing document back to
 * `picking`. A document is cancelled when its order is cancelled or allocated afresh.
 */
export const OUTBOUND_TRANSITIONS: Record<OutboundStatus, readonly OutboundStatus[]> = {
  open: ['waved', 'cancelled'],
  waved: ['open', 'picking', 'picked', 'cancelled'],
  picking: ['picked', 'cancelled'],
  picked: ['packing', 'picking', 'cancelled'],
  packing: ['packed', 'picking', 'cancelled'],
  packed: ['shipped', 'cancelled'],
  shipped: [],
  cancelled: [],
};

/** Move an outbound document to `to` (guarded by the status read); illegal → 409. */
export async function transitionOutbound(
  trx: Trx,
  doc: { id: string; number: string; status: OutboundStatus },
  to: OutboundStatus,
  now: Date,
  set: {
    packed_at?: Date;
    shipped_at?: Date;
    cancelled_at?: Date;
    cancel_reason?: string | null;
    wave_id?: string | null;
    gate_pass_id?: string;
  } = {},
): Promise<void> {
  if (doc.status === to) return;
  if (!OUTBOUND_TRANSITIONS[doc.status].includes(to))
    throw new AppError('conflict', 'warehouse.outbound_illegal_transition', {
      number: doc.number,
      from: doc.status,
      to,
    });
  const updated = await obDb(trx)
    .updateTable('warehouse.outbound')
    .set({ ...set, status: to, updated_at: now })
    .where('id', '=', doc.id)
    .where('status', '=', doc.status)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) !== 1)
    throw new AppError('conflict', 'warehouse.outbound_changed', { number: doc.number });
  doc.status = to;
}
