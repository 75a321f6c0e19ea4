import type { Db, Trx } from '../../platform/db';
import { inTransaction } from '../../platform/db';
import { AppError } from '../../platform/lib/errors';
import { newId } from '../../platform/lib/ids';
import { type OutboundScanKind, obDb, type ScanStage } from './outbound.tables';
import type { WhContext } from './warehouse.access';

export interface ScanRef {
  warehouseId: string;
  stage: ScanStage;
  kind: OutboundScanKind;
  expected: string | null;
  scanned: string;
  pickListId?: string | null;
  pickTaskId?: string | null;
  outboundId?: string | null;
  packageId?: string | null;
}

/**
 * A refused scan at picking, packing or the gate (wrong bin, goods, lot, quantity, item or parcel).
 * The route records it in its own transaction — so it counts even though the action rolls back —
 * and then answers the error (409 with a message naming what was expected).
 */
export class OutboundWrongScan extends AppError {
  constructor(
    code: string,
    params: Record<string, unknown>,
    readonly scan: ScanRef,
  ) {
    super('conflict', code, params);
  }
}

export async function recordOutboundScanError(
  trx: Trx,
  error: OutboundWrongScan,
  ctx: WhContext,
): Promise<void> {
  const s = error.scan;
  await obDb(trx)
    .insertInto('warehouse.outbound_scan_error')
    .values({
      id: newId(),
      warehouse_id: s.warehouseId,
      stage: s.stage,
      pick_list_id: s.pickListId ?? null,
      pick_task_id: s.pickTaskId ?? null,
      outbound_id: s.outboundId ?? null,
      package_id: s.packageId ?? null,
      kind: s.kind,
      code: error.code,
      expected: s.expected?.slice(0, 200) ?? null,
      scanned: s.scanned.slice(0, 200),
      actor_id: ctx.actor.id,
      actor_name: ctx.actor.name,
      at: ctx.now,
    })
    .execute();
}

/** Run `fn` in a transaction; a refused scan is counted in a transaction of its own, then re-thrown. */
export async function withScanCounting<T>(db: Db, ctx: WhContext, fn: (trx: Trx) => Promise<T>): Promise<T> {
  try {
    return await inTransaction(db, fn);
  } catch (error) {
    if (error instanceof OutboundWrongScan)
      await inTransaction(db, (trx) => recordOutboundScanError(trx, error, ctx));
    throw error;
  }
}
