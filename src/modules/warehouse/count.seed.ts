import { systemActor } from '../../platform/auth/principal';
import type { Db, Trx } from '../../platform/db';
import { listWarehouses } from '../inventory';
import { computeAbc } from './abc.service';
import { saveCountPlan } from './count.plan.service';
import { countDb } from './count.tables';

/**
 * Demo data for counts and slotting: every warehouse gets its ABC classes from the demo picks and a
 * cycle-count plan by class (A monthly, B quarterly, C yearly, at most 40 bins a day). Skips what
 * exists, so it is safe on every start.
 */
export async function seedDemoStockOps(trx: Trx, now: Date): Promise<void> {
  const ctx = { actor: systemActor('demo-seed'), now, principal: null };
  for (const w of await listWarehouses(trx as Db, null)) {
    const hasRun = await countDb(trx)
      .selectFrom('warehouse.abc_run')
      .select('id')
      .where('warehouse_id', '=', w.id)
      .executeTakeFirst();
    if (!hasRun) await computeAbc(trx, { warehouseId: w.id }, ctx);
    const hasPlan = await countDb(trx)
      .selectFrom('warehouse.count_plan')
      .select('id')
      .where('warehouse_id', '=', w.id)
      .executeTakeFirst();
    if (!hasPlan)
      await saveCountPlan(
        trx,
        null,
        {
          warehouseId: w.id,
          name: 'ABC 循环盘点',
          kind: 'abc',
          maxBins: 40,
          tolerancePct: 2,
          toleranceQty: 0,
        },
        ctx,
      );
  }
}
