import { recordAudit } from '../../platform/audit/audit';
import type { Principal } from '../../platform/auth/principal';
import type { Db, Trx } from '../../platform/db';
import { notFound } from '../../platform/lib/errors';
import { obDb, SERVICE_TYPES, type ServiceType } from './outbound.tables';
import type { WhContext } from './warehouse.access';
import { seesWarehouse } from './wave.service';
import { DEFAULT_CUTOFFS } from './waybill.carriers';

export interface CutoffRow {
  serviceType: ServiceType;
  carrier: string;
  cutoffLocal: string;
  /** False: the default applies (no row of the warehouse's own). */
  custom: boolean;
}

/** The warehouse's carrier per service type and their cut-off times, defaults filled in. */
export async function listCutoffs(
  db: Db,
  principal: Principal | null,
  warehouseId: string,
): Promise<CutoffRow[]> {
  if (!seesWarehouse(principal, warehouseId)) throw notFound('warehouse', warehouseId);
  const rows = await obDb(db)
    .selectFrom('warehouse.carrier_cutoff')
    .selectAll()
    .where('warehouse_id', '=', warehouseId)
    .execute();
  return SERVICE_TYPES.map((serviceType) => {
    const row = rows.find((r) => r.service_type === serviceType);
    return row
      ? { serviceType, carrier: row.carrier, cutoffLocal: row.cutoff_local, custom: true }
      : { serviceType, ...DEFAULT_CUTOFFS[serviceType], custom: false };
  });
}

/**
 * Set the warehouse's carrier and cut-off for some service types (the others keep theirs). New
 * outbound documents use them; documents already made keep the cut-off they were given.
 */
export async function setCutoffs(
  trx: Trx,
  warehouseId: string,
  rows: Array<{ serviceType: ServiceType; carrier: string; cutoffLocal: string }>,
  ctx: WhContext,
): Promise<void> {
  if (!seesWarehouse(ctx.principal, warehouseId)) throw notFound('warehouse', warehouseId);
  const before = await obDb(trx)
    .selectFrom('warehouse.carrier_cutoff')
    .selectAll()
    .where('warehouse_id', '=', warehouseId)
    .execute();
  for (const r of rows)
    await obDb(trx)
      .insertInto('warehouse.carrier_cutoff')
      .values({
        warehouse_id: warehouseId,
        service_type: r.serviceType,
        carrier: r.carrier,
        cutoff_local: r.cutoffLocal,
        updated_by_name: ctx.actor.name,
        updated_at: ctx.now,
      })
      .onConflict((oc) =>
        oc.columns(['warehouse_id', 'service_type']).doUpdateSet({
          carrier: r.carrier,
          cutoff_local: r.cutoffLocal,
          updated_by_name: ctx.actor.name,
          updated_at: ctx.now,
        }),
      )
      .execute();
  await recordAudit(
    trx,
    ctx.actor,
    {
      action: 'update',
      entity: 'warehouse.carrier_cutoff',
      entityId: warehouseId,
      summary: `carrier cut-offs: ${rows.map((r) => `${r.serviceType} ${r.carrier} ${r.cutoffLocal}`).join('; ')}`,
      before: before.map((b) => ({
        serviceType: b.service_type,
        carrier: b.carrier,
        cutoffLocal: b.cutoff_local,
      })),
      after: rows,
    },
    ctx.now,
  );
}
