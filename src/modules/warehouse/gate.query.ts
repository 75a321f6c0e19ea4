import type { Principal } from '../../platform/auth/principal';
import type { Db } from '../../platform/db';
import { notFound } from '../../platform/lib/errors';
import { obDb } from './outbound.tables';
import { docScopeOf } from './warehouse.access';
import { seesWarehouse } from './wave.service';
import { carrierName } from './waybill.carriers';

const passView = (p: {
  id: string;
  number: string;
  warehouse_id: string;
  carrier: string;
  vehicle_plate: string;
  driver_name: string | null;
  note: string | null;
  parcels: number;
  actor_name: string;
  at: Date;
}) => ({
  id: p.id,
  number: p.number,
  warehouseId: p.warehouse_id,
  carrier: p.carrier,
  carrierName: carrierName(p.carrier),
  vehiclePlate: p.vehicle_plate,
  driverName: p.driver_name,
  note: p.note,
  parcels: Number(p.parcels),
  actorName: p.actor_name,
  at: p.at.toISOString(),
});

/** Gate passes (出门证), newest first. */
export async function listGatePasses(
  db: Db,
  principal: Principal | null,
  query: { warehouseId?: string; limit: number },
) {
  const scope = docScopeOf(principal);
  if (principal?.merchantId || scope.warehouseIds?.length === 0) return { items: [] };
  let q = obDb(db).selectFrom('warehouse.gate_pass').selectAll();
  if (scope.warehouseIds) q = q.where('warehouse_id', 'in', scope.warehouseIds);
  if (query.warehouseId) q = q.where('warehouse_id', '=', query.warehouseId);
  const rows = await q.orderBy('at', 'desc').orderBy('number', 'desc').limit(query.limit).execute();
  return { items: rows.map(passView) };
}

export async function gatePassView(db: Db, principal: Principal | null, id: string) {
  const pass = await obDb(db)
    .selectFrom('warehouse.gate_pass')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  if (!pass || !seesWarehouse(principal, pass.warehouse_id)) throw notFound('gate_pass', id);
  const lines = await obDb(db)
    .selectFrom('warehouse.gate_pass_line as g')
    .innerJoin('warehouse.outbound as o', 'o.id', 'g.outbound_id')
    .select(['g.outbound_id', 'g.order_number', 'g.waybills', 'o.number'])
    .where('g.gate_pass_id', '=', id)
    .orderBy('o.number')
    .execute();
  return {
    ...passView(pass),
    lines: lines.map((l) => ({
      outboundId: l.outbound_id,
      outboundNumber: l.number,
      orderNumber: l.order_number,
      waybills: l.waybills as string[],
    })),
  };
}
