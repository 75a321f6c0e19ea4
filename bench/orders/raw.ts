/**
 * The raw-SQL ceiling, pgbench style: per order one transaction of plain statements on its own
 * connection — insert the order, insert its lines, reserve on known balance rows (conditional update
 * `on_hand - reserved >= qty`, a reserve movement in the ledger and the order's reservation row per
 * line), commit. The same writes an order placement makes for its stock, without validation,
 * allocation, history, audit or outbox.
 */
import type pg from 'pg';
import { newId } from '../../src/platform/lib/ids';
import type { BenchWorld } from './setup';

const ORDER_SQL = `insert into orders."order" (id, number, merchant_id, channel, external_no, status, consignee_name,
  consignee_phone, phone_kind, phone_last4, address_text, province_code, province_name, city_code, city_name,
  district_code, district_name, address_detail, address_status, payment_status, total_fen, service_type,
  weight_g, dedupe_key, warehouse_id, shipping_cost_fen, source, created_at, updated_at, status_changed_at)
  values ($1, $2, $3, 'raw', $2, 'allocated', '李娜', $4, 'mobile', right($4, 4), '浙江省杭州市西湖区文三路90号',
  '330000', '浙江省', '330100', '杭州市', '330106', '西湖区', '文三路90号', 'exact', 'paid', $5, 'standard',
  $6, $7, $8, 800, 'api', now(), now(), now())`;

const LINES_SQL = `insert into orders.order_line (id, order_id, line_no, sku_id, sku_code, sku_name, storage_class,
  unit_weight_g, qty, unit_price_fen)
  select l.id, $1, l.no, l.sku_id, l.code, l.code, 'ambient', 500, l.qty, 1990
  from unnest($2::uuid[], $3::int[], $4::uuid[], $5::text[], $6::int[]) as l(id, no, sku_id, code, qty)`;

const RESERVE_SQL = `with want as (
    select * from unnest($1::bigint[], $2::bigint[]) as w(id, qty)),
  upd as (
    update inventory.balance b set reserved = b.reserved + w.qty, updated_at = now()
    from want w where b.id = w.id and b.on_hand - b.reserved >= w.qty
    returning b.sku_id, b.warehouse_id, b.bin_id, b.lot_id, w.qty),
  mov as (
    insert into inventory.movement (at, type, sku_id, lot_id, warehouse_id, to_bin_id, to_status, qty,
      actor_name, source_type, source_id)
    select now(), 'reserve', sku_id, lot_id, warehouse_id, bin_id, 'available', qty, 'bench', 'order', $3 from upd),
  res as (
    insert into inventory.reservation (order_ref, sku_id, warehouse_id, bin_id, lot_id, qty)
    select $3, sku_id, warehouse_id, bin_id, lot_id, qty from upd)
  select count(*)::int as n from upd`;

export function rawOrderWorker(pool: pg.Pool, world: BenchWorld) {
  const skus = world.ambient;
  return async (c: number, n: number): Promise<void> => {
    const count = 1 + ((c + n) % 3);
    const picked = new Map<string, { id: string; code: string; balance: number; qty: number }>();
    while (picked.size < count) {
      const sku = skus[Math.floor(Math.random() * skus.length)];
      const rows = world.balances.get(sku.id)!;
      picked.set(sku.id, {
        id: sku.id,
        code: sku.code,
        balance: rows[Math.floor(Math.random() * rows.length)],
        qty: 1 + Math.floor(Math.random() * 3),
      });
    }
    // Balance rows in one fixed order, as every writer locks them.
    const lines = [...picked.values()].sort((a, b) => a.balance - b.balance);
    const orderId = newId();
    const number = `RAW-${process.pid}-${c}-${n}`;
    const phone = `139${String(10_000_000 + ((c * 7919 + n) % 90_000_000)).slice(-8)}`;
    const client = await pool.connect();
    try {
      await client.query('begin');
      await client.query(ORDER_SQL, [
        orderId,
        number,
        world.merchantId,
        phone,
        lines.reduce((s, l) => s + l.qty * 1990, 0),
        lines.reduce((s, l) => s + l.qty * 500, 0),
        `${phone}|${number}`,
        null,
      ]);
      await client.query(LINES_SQL, [
        orderId,
        lines.map(() => newId()),
        lines.map((_, i) => i + 1),
        lines.map((l) => l.id),
        lines.map((l) => l.code),
        lines.map((l) => l.qty),
      ]);
      const r = await client.query(RESERVE_SQL, [
        lines.map((l) => l.balance),
        lines.map((l) => l.qty),
        number,
      ]);
      if (r.rows[0].n !== lines.length) throw new Error('raw reservation came up short');
      await client.query('commit');
    } catch (error) {
      await client.query('rollback');
      throw error;
    } finally {
      client.release();
    }
  };
}
