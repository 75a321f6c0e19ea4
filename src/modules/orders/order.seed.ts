import { systemActor } from '../../platform/auth/principal';
import { type Db, inTransaction } from '../../platform/db';
import type { SeedContext } from '../../platform/http/module';
import { newId } from '../../platform/lib/ids';
import { allocateOrder } from './allocation.service';
import { cancelOrder, markJourney, markPacked, markShipped, pickAllocated } from './fulfilment.service';
import type { OrderDraft } from './order.input';
import { intakeOrders } from './order.intake';
import { releaseToWarehouse } from './order.release';
import type { StateContext } from './order.state';
import { ordersDb } from './order.tables';
import { BLOCKED_PHONE, CONSIGNEES, SEED_SPECS, type SeedSpec } from './order-seed.data';
import { ordersDeps, type SkuInfo, timeZoneOf } from './orders.deps';
import { getSettings } from './orders.settings';
import { skuLookupFor } from './sku.lookup';

const STEPS = ['allocated', 'released', 'picking', 'packed', 'shipped', 'in_transit', 'delivered'] as const;

/**
 * About 60 demo orders for the two demo merchants, taken in, validated and allocated through the
 * real code paths (so reservations are real inventory reservations and `wayline audit stock` holds),
 * then moved along their lifecycle; a dozen or so wait in the exception queue for different reasons.
 * Idempotent: does nothing once demo orders exist.
 */
export async function seedDemoOrders(db: Db, ctx: SeedContext): Promise<void> {
  const o = ordersDb(db);
  if (
    await o.selectFrom('orders.order').select('id').where('source', '=', 'demo').limit(1).executeTakeFirst()
  )
    return;
  const deps = ordersDeps();
  const merchants = {
    FRESH: await deps.merchantIdByCode(db, 'FRESH'),
    HOME: await deps.merchantIdByCode(db, 'HOME'),
  };
  if (!merchants.FRESH || !merchants.HOME) {
    ctx.log('orders: demo merchants not found, demo orders not seeded');
    return;
  }
  const pools = await skuPools(db, merchants as Record<'FRESH' | 'HOME', string>);
  if (!pools.FRESH.cold.length || !pools.HOME.goods.length) {
    ctx.log('orders: demo SKUs not found, demo orders not seeded');
    return;
  }
  const seeder = systemActor('demo-seed');
  await o
    .insertInto('orders.blocked_customer')
    .values({
      id: newId(),
      phone: BLOCKED_PHONE[0],
      merchant_id: null,
      reason: BLOCKED_PHONE[1],
      active: true,
      created_at: ctx.now,
      created_by: seeder.name,
      removed_at: null,
      removed_by: null,
    })
    .onConflict((oc) => oc.doNothing())
    .execute();
  const specs = [...SEED_SPECS].sort((a, b) => b.hoursAgo - a.hoursAgo);
  const drafts = specs.map((spec, i) => draftOf(spec, i, merchants[spec.merchant]!, pools[spec.merchant]));
  const skus = await skuLookupFor(db, drafts);
  const settings = await getSettings(db);
  let created = 0;
  for (let i = 0; i < specs.length; i++) {
    const spec = specs[i];
    const at = new Date(ctx.now.getTime() - spec.hoursAgo * 3_600_000);
    const step = (k: number): StateContext => ({
      actor: seeder,
      now: new Date(Math.min(ctx.now.getTime(), at.getTime() + k * 40 * 60_000)),
    });
    await inTransaction(db, async (trx) => {
      const [outcome] = await intakeOrders(trx, [{ index: 0, draft: drafts[i] }], skus, {
        actor: seeder,
        now: at,
        source: 'demo',
        createdBy: null,
        timeZone: timeZoneOf(),
        settings,
      });
      created++;
      if (outcome.status !== 'validated' || spec.fate === 'validated') return;
      const allocation = await allocateOrder(trx, outcome.id, step(0));
      if (allocation.status !== 'allocated') return;
      await advance(trx, outcome.id, spec, i, step);
    });
  }
  ctx.log(`orders: seeded ${created} demo orders`);
}

async function advance(
  trx: Parameters<typeof allocateOrder>[0],
  id: string,
  spec: SeedSpec,
  i: number,
  step: (k: number) => StateContext,
) {
  const fate = spec.fate;
  const target = fate === 'cancelled' ? 'allocated' : fate === 'intercept' ? 'shipped' : fate;
  const upTo = STEPS.indexOf(target as (typeof STEPS)[number]);
  if (upTo >= 1) await releaseToWarehouse(trx, id, step(1));
  if (upTo >= 2) await pickAllocated(trx, id, step(2));
  if (upTo >= 3) await markPacked(trx, id, step(3));
  if (upTo >= 4) {
    const cold = spec.service === 'cold_chain';
    await markShipped(trx, id, step(4), {
      carrier: cold ? '顺丰冷运' : '中通快递',
      waybillNo: `${cold ? 'SF' : '7530'}${String(1_300_420_000 + i * 7919).padStart(12, '0')}`,
    });
  }
  if (upTo >= 5) await markJourney(trx, id, 'in_transit', step(6));
  if (upTo >= 6) await markJourney(trx, id, 'delivered', step(30));
  if (fate === 'cancelled') await cancelOrder(trx, id, spec.notes ?? '客户取消', step(2));
  if (fate === 'intercept') await cancelOrder(trx, id, spec.notes ?? '客户申请拦截', step(8));
}

interface Pool {
  /** Chilled and frozen goods (cold chain). */
  cold: SkuInfo[];
  /** Everything else a parcel service takes (ambient, fragile). */
  goods: SkuInfo[];
}

async function skuPools(
  db: Db,
  merchants: Record<'FRESH' | 'HOME', string>,
): Promise<Record<'FRESH' | 'HOME', Pool>> {
  const out = {} as Record<'FRESH' | 'HOME', Pool>;
  for (const key of ['FRESH', 'HOME'] as const) {
    const all: SkuInfo[] = [];
    let cursor: string | undefined;
    do {
      const page = await ordersDeps().listSkus(
        db,
        { merchantId: merchants[key], limit: 1000, cursor },
        merchants[key],
      );
      all.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    const active = all.filter((s) => s.active).sort((a, b) => a.code.localeCompare(b.code));
    out[key] = {
      cold: active.filter((s) => s.storageClass === 'chilled' || s.storageClass === 'frozen'),
      goods: active.filter((s) => s.storageClass === 'ambient' || s.storageClass === 'fragile'),
    };
  }
  return out;
}

function draftOf(spec: SeedSpec, i: number, merchantId: string, pool: Pool): OrderDraft {
  const [name, phone, address] = CONSIGNEES[spec.consignee % CONSIGNEES.length];
  // Cold-chain orders of fresh food take chilled/frozen goods (a standard-service one shows the rule).
  const list = spec.merchant === 'FRESH' ? pool.cold : pool.goods;
  const lines = spec.items.map(([k, qty], n) => {
    const sku = list[(k * 3 + spec.consignee) % list.length];
    return {
      skuCode: spec.unknownSku && n === 0 ? 'NO-SUCH-SKU' : sku.code,
      qty: spec.hugeQty ? 99_999 : qty,
      unitPriceFen: 990 + ((sku.weightG * 7 + k * 1300) % 18_000),
    };
  });
  const total = lines.reduce((s, l) => s + l.qty * l.unitPriceFen, 0);
  // The "duplicate" demo order repeats an earlier one exactly (same person, place and goods).
  const externalNo = `${spec.channel.toUpperCase()}${String(202611250000 + i * 37).slice(-10)}`;
  return {
    merchantId,
    channel: spec.channel,
    externalNo,
    consignee: { name, phone: spec.phone ?? phone, address: spec.address ?? address },
    lines,
    payment: {
      status: spec.payment ?? 'paid',
      codAmountFen: spec.payment === 'cod' ? total + (spec.codOffsetFen ?? 0) : undefined,
    },
    serviceType: spec.service ?? 'standard',
    notes: spec.notes,
  };
}
