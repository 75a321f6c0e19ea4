import type { Trx } from '../../platform/db';
import { AppError } from '../../platform/lib/errors';
import { whDb } from './warehouse.tables';

export const ASN_STATUSES = ['open', 'receiving', 'received', 'cancelled'] as const;
export type AsnStatus = (typeof ASN_STATUSES)[number];

/**
 * The advance shipping notice (到货通知) lifecycle: `open` until the warehouse opens a receipt for it,
 * `receiving` while that receipt runs, `received` when it completes; a cancelled receipt puts the
 * ASN back to `open` (the goods may still come). Only an open ASN can be cancelled by its sender.
 */
export const ASN_TRANSITIONS: Record<AsnStatus, readonly AsnStatus[]> = {
  open: ['receiving', 'cancelled'],
  receiving: ['received', 'open'],
  received: [],
  cancelled: [],
};

/** Move an ASN to `to` (guarded by the status read); illegal → 409 `warehouse.asn_illegal_transition`. */
export async function transitionAsn(
  trx: Trx,
  asn: { id: string; number: string; status: AsnStatus },
  to: AsnStatus,
  now: Date,
): Promise<void> {
  if (!ASN_TRANSITIONS[asn.status].includes(to))
    throw new AppError('conflict', 'warehouse.asn_illegal_transition', {
      number: asn.number,
      from: asn.status,
      to,
    });
  const updated = await whDb(trx)
    .updateTable('warehouse.asn')
    .set({ status: to, updated_at: now })
    .where('id', '=', asn.id)
    .where('status', '=', asn.status)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) !== 1)
    throw new AppError('conflict', 'warehouse.asn_changed', { number: asn.number });
  asn.status = to;
}
