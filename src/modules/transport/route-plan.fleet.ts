import { z } from 'zod';
import { recordAudit } from '../../platform/audit/audit';
import type { Actor } from '../../platform/auth/principal';
import type { Db, Trx } from '../../platform/db/database';
import { DEMO_FLEET } from './route-plan.demo';
import {
  checkVehicleIds,
  ROUTE_PLAN_MAX_VEHICLE_TYPES,
  type RoutePlanVehicle,
  routePlanVehicle,
} from './route-plan.schemas';
import { transportDb } from './route-plan.table';

/**
 * A warehouse's default fleet and unloading time for plans made from its shipments (saved by its
 * dispatchers); until one is saved, the demo fleet of 4.2 m box and refrigerated trucks and 10 min.
 */
export const DEFAULT_SERVICE_MIN = 10;

export const fleetSettingBody = z
  .object({
    warehouseId: z.uuid(),
    vehicles: z.array(routePlanVehicle).min(1).max(ROUTE_PLAN_MAX_VEHICLE_TYPES),
    serviceMin: z.number().min(0).max(240).describe('Unloading time per stop, minutes.'),
  })
  .superRefine((body, ctx) => checkVehicleIds(body.vehicles, ctx));
export type FleetSettingInput = z.output<typeof fleetSettingBody>;

export const fleetSettingSchema = z.object({
  warehouseId: z.string(),
  vehicles: z.array(routePlanVehicle),
  serviceMin: z.number(),
  source: z.enum(['saved', 'default']).describe('`default`: nothing saved yet (the demo fleet).'),
  updatedByName: z.string().nullable(),
  updatedAt: z.string().nullable(),
});
export type FleetSetting = z.output<typeof fleetSettingSchema>;

export async function getFleetSetting(db: Db | Trx, warehouseId: string): Promise<FleetSetting> {
  const row = await transportDb(db)
    .selectFrom('transport.fleet_setting')
    .selectAll()
    .where('warehouse_id', '=', warehouseId)
    .executeTakeFirst();
  if (!row) {
    return {
      warehouseId,
      vehicles: z.array(routePlanVehicle).parse(DEMO_FLEET) as RoutePlanVehicle[],
      serviceMin: DEFAULT_SERVICE_MIN,
      source: 'default',
      updatedByName: null,
      updatedAt: null,
    };
  }
  return {
    warehouseId,
    vehicles: row.vehicles,
    serviceMin: Number(row.service_min),
    source: 'saved',
    updatedByName: row.updated_by_name,
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

/** Save a warehouse's default fleet (the caller has checked the warehouse is theirs). */
export async function saveFleetSetting(
  trx: Trx,
  input: FleetSettingInput,
  ctx: { actor: Actor; actorName: string; merchantId: string | null; now: Date; warehouseCode: string },
): Promise<FleetSetting> {
  const before = await getFleetSetting(trx, input.warehouseId);
  const values = {
    vehicles: JSON.stringify(input.vehicles),
    service_min: input.serviceMin,
    updated_by_name: ctx.actorName,
    updated_at: ctx.now,
  };
  await transportDb(trx)
    .insertInto('transport.fleet_setting')
    .values({ warehouse_id: input.warehouseId, ...values })
    .onConflict((oc) => oc.column('warehouse_id').doUpdateSet(values))
    .execute();
  await recordAudit(
    trx,
    ctx.actor,
    {
      action: 'update',
      entity: 'transport.fleet_setting',
      entityId: input.warehouseId,
      summary: ctx.warehouseCode,
      before: {
        vehicles: before.vehicles.map((v) => `${v.id}×${v.count}`),
        serviceMin: before.serviceMin,
      },
      after: { vehicles: input.vehicles.map((v) => `${v.id}×${v.count}`), serviceMin: input.serviceMin },
      merchantId: ctx.merchantId,
    },
    ctx.now,
  );
  return getFleetSetting(trx, input.warehouseId);
}
