import { listSkus, seedDemoSkus } from '../modules/catalog';
import { seedDemoBins, seedDemoStock, seedDemoWarehouses, warehouseIdsByCode } from '../modules/inventory';
import { seedDemoStructure, seedDemoUsers, seedDepartments, syncDefaultRoles } from '../modules/org';
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
  return inTransaction(db, async (trx) => {
    const { merchants, branches } = await seedDemoStructure(trx);
    await seedDemoWarehouses(trx, branches, options.now);
    await seedDemoBins(trx, options.now);
    const users = await seedDemoUsers(trx, await warehouseIdsByCode(trx), options.now);
    await seedDemoSkus(trx, { merchants, now: options.now });
    // Opening stock in the demo warehouses' bins, received through the ledger.
    await seedDemoStock(trx, (await listSkus(trx, { limit: 10_000 }, null)).items, options.now);
    return users;
  });
}
