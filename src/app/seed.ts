import { listSkus, seedDemoSkus } from '../modules/catalog';
import {
  seedDemoBins,
  seedDemoColdChain,
  seedDemoStock,
  seedDemoWarehouses,
  warehouseIdsByCode,
} from '../modules/inventory';
import { seedDemoOrders, seedDemoReturns } from '../modules/orders';
import { seedDemoStructure, seedDemoUsers, seedDepartments, syncDefaultRoles } from '../modules/org';
import { planningDeps, seedDemoDemand } from '../modules/planning';
import { seedDemoInbound, seedDemoStockOps, seedDemoWaves } from '../modules/warehouse';
import { type Db, inTransaction } from '../platform/db';
import type { PermissionDef } from '../platform/http/module';

/**
 * Reference data every install needs (departments, default roles), and on a demo install the demo
 * company. Safe on every start: each step skips what exists.
 */
export async function seedSystem(
  db: Db,
  options: { demo: boolean; permissions: PermissionDef[]; now: Date },
): Promise<Array<{ username: string; password: string; roleZh: string; roleEn: string }>> {
  const catalogue = new Set(options.permissions.map((p) => p.code));
  await inTransaction(db, async (trx) => {
    await seedDepartments(trx);
    await syncDefaultRoles(trx, catalogue);
  });
  if (!options.demo) return [];
  const users = await inTransaction(db, async (trx) => {
    const { merchants, branches } = await seedDemoStructure(trx);
    await seedDemoWarehouses(trx, branches, options.now);
    await seedDemoBins(trx, options.now);
    const users = await seedDemoUsers(trx, await warehouseIdsByCode(trx), options.now);
    await seedDemoSkus(trx, { merchants, now: options.now });
    // Opening stock in the demo warehouses' bins, received through the ledger.
    const skus = (await listSkus(trx, { limit: 10_000 }, null)).items;
    await seedDemoStock(trx, skus, options.now);
    // Temperature readings with one past excursion, and one incident.
    await seedDemoColdChain(trx, options.now);
    // ASNs and receipts in every state, made through the warehouse module's services.
    await seedDemoInbound(trx, {
      merchants,
      skus,
      warehouseIdByCode: await warehouseIdsByCode(trx),
      now: options.now,
    });
    // Two years of daily demand for the stocked SKUs, and two promotions (lookups bound by createPlanningModule).
    await seedDemoDemand(trx, planningDeps(), options.now);
    return users;
  });
  // About 60 orders in every state, allocated through inventory reservations (lookups bound by createOrdersModule).
  await seedDemoOrders(db, { now: options.now, log: () => {} });
  // A few returns on delivered demo orders (requested, pickup booked, rejected; no stock moved).
  await seedDemoReturns(db, { now: options.now, log: () => {} });
  // ABC classes from those picks and a cycle-count plan per warehouse (warehouse module).
  await inTransaction(db, (trx) => seedDemoStockOps(trx, options.now));
  // Outbound documents for the released demo orders, and a released wave with pick lists per warehouse.
  await inTransaction(db, (trx) => seedDemoWaves(trx, options.now));
  return users;
}
