import { systemActor } from '../../platform/auth/principal';
import { type Db, inTransaction } from '../../platform/db';
import type { SeedContext } from '../../platform/http/module';
import { isAppError } from '../../platform/lib/errors';
import { linesOf } from './order.repo';
import { ordersDb } from './order.tables';
import type { ReturnRequestInput } from './returns.rules';
import { approveReturn, arrangeReturn, rejectReturn, requestReturn } from './returns.service';
import { returnsDb } from './returns.tables';

/**
 * A few demo returns on delivered demo orders, so the returns list shows its states: one the
 * consumer just asked for, one approved with the pickup booked, one rejected. One unit each and no
 * goods received, so no order changes status and the stock ledger is untouched. Idempotent: does
 * nothing once any return exists.
 */
export async function seedDemoReturns(db: Db, ctx: SeedContext): Promise<void> {
  if (await returnsDb(db).selectFrom('orders.return').select('id').limit(1).executeTakeFirst()) return;
  const orders = await ordersDb(db)
    .selectFrom('orders.order')
    .select(['id', 'number', 'service_type'])
    .where('source', '=', 'demo')
    .where('status', '=', 'delivered')
    .orderBy('status_changed_at', 'desc')
    .orderBy('number')
    .limit(3)
    .execute();
  const seeder = systemActor('demo-seed');
  const plans = [
    { via: 'consumer' as const, step: 'requested' },
    { via: 'service' as const, step: 'pickup' },
    { via: 'service' as const, step: 'rejected' },
  ];
  let made = 0;
  for (const [k, order] of orders.entries()) {
    const plan = plans[k];
    const line = (await linesOf(db, order.id)).find((l) => l.sku_id && l.qty > 0);
    if (!line) continue;
    const fresh = line.storage_class === 'chilled' || line.storage_class === 'frozen';
    const input: ReturnRequestInput = {
      reason: fresh ? 'quality' : k === 0 ? 'no_longer_wanted' : 'not_as_described',
      condition: fresh ? 'opened' : 'unopened',
      resolution: k === 1 ? 'exchange' : 'refund',
      note: fresh ? '收到时包装漏气，商品变质' : '颜色与图片不一致',
      lines: [{ lineNo: line.line_no, qty: 1 }],
    };
    const step = { actor: plan.via === 'consumer' ? { ...seeder, name: 'consumer' } : seeder, now: ctx.now };
    try {
      await inTransaction(db, async (trx) => {
        const r = await requestReturn(trx, order.id, input, { ...step, raisedVia: plan.via });
        if (plan.step === 'pickup') {
          await approveReturn(trx, r.id, '照片已核实', { actor: seeder, now: ctx.now });
          await arrangeReturn(trx, r.id, { method: 'pickup' }, { actor: seeder, now: ctx.now });
        }
        if (plan.step === 'rejected')
          await rejectReturn(trx, r.id, '超出商品说明范围，建议联系商家', { actor: seeder, now: ctx.now });
      });
      made++;
    } catch (error) {
      // A demo order that breaks a return rule is simply skipped.
      if (!isAppError(error)) throw error;
      ctx.log(`orders: demo return for ${order.number} skipped (${error.code})`);
    }
  }
  ctx.log(`orders: seeded ${made} demo returns`);
}
