import { sql } from 'kysely';
import { expect } from 'vitest';
import type { TestSystem } from '../helpers/system';
import { orderBody, type TestSku, type World } from './orders.support';

/**
 * Steps the returns tests share: an order taken in and shipped (and delivered) through the API, the
 * stock of a SKU by status, the ledger movements and outbox events of a return.
 */
export function returnsKit(sys: TestSystem, w: World) {
  /** Take an order in, release it, pick, pack and ship it (and report delivery unless told not to). */
  async function shippedOrder(
    lines: Array<[TestSku, number]>,
    deliver = true,
    phone = '13912345678',
    serviceType = 'standard',
  ) {
    const res = await w.admin.post(
      '/api/orders',
      orderBody(w, 'FRESH', lines, { consignee: { phone }, serviceType }),
    );
    expect(res.status, res.text).toBe(201);
    expect(res.body.status, JSON.stringify(res.body.reasons)).toBe('allocated');
    const id = res.body.id as string;
    const step = async (url: string, body: unknown = {}) => {
      const r = await w.admin.post(url, body);
      expect(r.status, r.text).toBe(200);
      return r.body;
    };
    await step(`/api/orders/${id}/release-to-warehouse`);
    await step(`/api/orders/${id}/fulfilment`, { event: 'pick_all' });
    await step(`/api/orders/${id}/fulfilment`, { event: 'packed' });
    await step(`/api/orders/${id}/fulfilment`, {
      event: 'shipped',
      carrier: '顺丰速运',
      waybillNo: 'SF0001',
    });
    if (deliver) await step(`/api/orders/${id}/fulfilment`, { event: 'delivered' });
    return (await w.admin.get(`/api/orders/${id}`)).body as { id: string; number: string; status: string };
  }

  /** Stock of a SKU in Shanghai by status: free to sell, on hand in all, on quality hold, damaged. */
  async function balanceOf(sku: TestSku) {
    const rows = (
      await w.admin.get(
        `/api/inventory/stock?skuId=${sku.id}&warehouseId=${w.warehouses['WH-SH'].id}&limit=500`,
      )
    ).body.items as Array<{ status: string; onHand: number; reserved: number }>;
    const sum = (status?: string) =>
      rows
        .filter((r) => !status || r.status === status)
        .reduce((n, r) => n + r.onHand - (status ? r.reserved : 0), 0);
    return { available: sum('available'), onHand: sum(), held: sum('quality_hold'), damaged: sum('damaged') };
  }

  const movementsOf = async (number: string) =>
    (await w.admin.get(`/api/inventory/movements?sourceType=return&sourceId=${number}&limit=100`)).body
      .items as Array<{
      type: string;
      skuId: string;
      toStatus: string | null;
      fromStatus: string | null;
      qty: number;
      lotId: string | null;
    }>;

  const topicsOf = async (number: string) =>
    (
      await sql<{ topic: string }>`select topic from platform.outbox_event
        where payload->>'number' = ${number} order by created_at, id`.execute(sys.app.db)
    ).rows.map((r) => r.topic);

  return { shippedOrder, balanceOf, movementsOf, topicsOf };
}
