/**
 * The world the order benchmark runs in, on top of a demo install: an API token (how integrations
 * call Wayline), SKUs of one merchant created through the API — ambient ones stocked in three of the
 * warehouses each, chilled ones in lots (one too close to expiry for the SKU's minimum remaining
 * shelf life, two FEFO candidates), and one hot SKU with little stock — received through the ledger.
 */
import { sql } from 'kysely';
import { type ReceiveInput, receiveMany } from '../../src/modules/inventory';
import { systemActor } from '../../src/platform/auth/principal';
import { type Db, inTransaction } from '../../src/platform/db';

export interface BenchSku {
  id: string;
  code: string;
}

export interface BenchWorld {
  base: string;
  token: string;
  merchantId: string;
  merchantCode: string;
  ambient: BenchSku[];
  chilled: BenchSku[];
  hot: BenchSku;
  hotStock: number;
  /** Available balance rows of each ambient SKU (the raw-SQL ceiling reserves on these). */
  balances: Map<string, number[]>;
  warehouses: number;
}

async function json(res: Response, what: string) {
  const text = await res.text();
  if (!res.ok) throw new Error(`${what}: ${res.status} ${text.slice(0, 500)}`);
  return JSON.parse(text);
}

const addDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

export async function setupWorld(
  db: Db,
  base: string,
  options: { ambient: number; chilled: number; hotStock: number },
): Promise<BenchWorld> {
  const login = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: 'Wayline2026' }),
  });
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const { csrfToken } = await json(login, 'login');
  const session = { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken };
  const { token } = await json(
    await fetch(`${base}/api/org/tokens`, {
      method: 'POST',
      headers: session,
      body: JSON.stringify({ name: 'order bench', permissions: ['orders.order.write', 'orders.order.read'] }),
    }),
    'token',
  );
  const merchants = (await json(await fetch(`${base}/api/org/merchants`, { headers: session }), 'merchants'))
    .items as Array<{ id: string; code: string }>;
  const merchant = merchants.find((m) => m.code === 'FRESH') ?? merchants[0];

  const run = process.pid.toString(36).toUpperCase();
  const createSku = async (code: string, storageClass: 'ambient' | 'chilled') => {
    const cold = storageClass === 'chilled';
    const body = {
      merchantId: merchant.id,
      code,
      nameZh: cold ? `压测冷藏商品 ${code}` : `压测商品 ${code}`,
      unit: 'each',
      weightG: 300 + (code.length % 7) * 150,
      lengthMm: 200,
      widthMm: 150,
      heightMm: 100,
      storageClass,
      shelfLifeDays: cold ? 90 : null,
      minRemainingShelfLifeDays: cold ? 10 : null,
    };
    const sku = await json(
      await fetch(`${base}/api/catalog/skus`, {
        method: 'POST',
        headers: session,
        body: JSON.stringify(body),
      }),
      `sku ${code}`,
    );
    return { id: sku.id as string, code };
  };
  const ambient: BenchSku[] = [];
  for (let i = 0; i < options.ambient; i++)
    ambient.push(await createSku(`OB${run}-A${String(i).padStart(4, '0')}`, 'ambient'));
  const chilled: BenchSku[] = [];
  for (let i = 0; i < options.chilled; i++)
    chilled.push(await createSku(`OB${run}-C${String(i).padStart(4, '0')}`, 'chilled'));
  const hot = await createSku(`OB${run}-HOT`, 'ambient');

  // One storage bin per warehouse and class (never the dispatch point).
  const { rows: bins } = await sql<{ warehouse_id: string; storage_class: string; id: string }>`
    select distinct on (b.warehouse_id, z.storage_class) b.warehouse_id, z.storage_class, b.id
      from inventory.bin b join inventory.zone z on z.id = b.zone_id
      join inventory.warehouse w on w.id = b.warehouse_id
     where b.kind <> 'dispatch' and b.active and w.active and z.storage_class in ('ambient', 'chilled')
     order by b.warehouse_id, z.storage_class, b.code`.execute(db);
  const warehouseIds = [...new Set(bins.map((b) => b.warehouse_id))].sort();
  const binOf = (w: number, cls: string) =>
    bins.find((b) => b.warehouse_id === warehouseIds[w % warehouseIds.length] && b.storage_class === cls)!.id;
  const receipts: ReceiveInput[] = [];
  ambient.forEach((s, i) => {
    for (let k = 0; k < 3; k++)
      receipts.push({ skuId: s.id, binId: binOf(i + k, 'ambient'), qty: 1_000_000 });
  });
  chilled.forEach((s, i) => {
    for (let k = 0; k < 2; k++) {
      const binId = binOf(i + k * 2, 'chilled');
      // Too close to expiry for a 10-day minimum: must never be reserved.
      receipts.push({ skuId: s.id, binId, qty: 500, lotCode: `N${i}-${k}`, expiryDate: addDays(4) });
      receipts.push({ skuId: s.id, binId, qty: 50_000, lotCode: `E${i}-${k}`, expiryDate: addDays(30) });
      receipts.push({ skuId: s.id, binId, qty: 50_000, lotCode: `L${i}-${k}`, expiryDate: addDays(75) });
    }
  });
  const half = Math.floor(options.hotStock / 2);
  receipts.push({ skuId: hot.id, binId: binOf(1, 'ambient'), qty: half });
  receipts.push({ skuId: hot.id, binId: binOf(3, 'ambient'), qty: options.hotStock - half });
  await inTransaction(db, (trx) =>
    receiveMany(trx, receipts, { actor: systemActor('bench'), now: new Date() }),
  );

  const { rows } = await sql<{ id: number; sku_id: string }>`
    select id, sku_id from inventory.balance
     where status = 'available' and on_hand >= 1000000 order by id`.execute(db);
  const balances = new Map<string, number[]>();
  for (const r of rows) balances.set(r.sku_id, [...(balances.get(r.sku_id) ?? []), Number(r.id)]);
  return {
    base,
    token,
    merchantId: merchant.id,
    merchantCode: merchant.code,
    ambient,
    chilled,
    hot,
    hotStock: options.hotStock,
    balances,
    warehouses: warehouseIds.length,
  };
}
