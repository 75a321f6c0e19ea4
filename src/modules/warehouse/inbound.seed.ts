import { systemActor } from '../../platform/auth/principal';
import type { Trx } from '../../platform/db';
import { addDays, businessDayOf } from '../../platform/time/calendar';
import { binsByIds, type StorageClass } from '../inventory';
import { createAsn } from './asn.service';
import { confirmPutaway } from './putaway.service';
import { type InspectionInput, inspectLine } from './receipt.inspection';
import {
  arriveReceipt,
  cancelReceipt,
  createAdHocReceipt,
  createReceiptFromAsn,
  recordDocuments,
} from './receipt.service';
import { signOffReceipt } from './receipt.signoff';
import { returnRejectedGoods } from './vendor-return.service';
import type { WhContext } from './warehouse.access';
import type { WarehouseSku } from './warehouse.deps';
import { whDb } from './warehouse.tables';

const SEED_ACTOR = 'demo-seed';

export interface InboundSeedInput {
  merchants: Array<{ id: string; code: string }>;
  skus: WarehouseSku[];
  warehouseIdByCode: Record<string, string>;
  now: Date;
}

/**
 * Demo inbound work in every state, made through the same services the API uses (so the ledger,
 * tasks and history agree): an open ASN; a receipt at the dock; one being inspected; one signed off
 * and half put away with rejected goods waiting for the vendor; one completed whose rejects went
 * back; one turned away. Idempotent: does nothing once demo ASNs exist; skips what the demo data
 * lacks (merchants, SKUs of a class, warehouses).
 */
export async function seedDemoInbound(trx: Trx, input: InboundSeedInput): Promise<number> {
  const done = await whDb(trx)
    .selectFrom('warehouse.asn')
    .select('id')
    .where('created_by_name', '=', SEED_ACTOR)
    .limit(1)
    .executeTakeFirst();
  if (done) return 0;
  const sh = input.warehouseIdByCode['WH-SH'];
  const bj = input.warehouseIdByCode['WH-BJ'];
  const fresh = input.merchants.find((m) => m.code === 'FRESH')?.id;
  const home = input.merchants.find((m) => m.code === 'HOME')?.id;
  if (!sh || !fresh || !home) return 0;
  const ctx: WhContext = { actor: systemActor(SEED_ACTOR), now: input.now, principal: null };
  const today = businessDayOf(input.now);
  const pick = (merchantId: string, cls: StorageClass, n: number) =>
    input.skus
      .filter((s) => s.merchantId === merchantId && s.storageClass === cls && s.active)
      .sort((a, b) => (a.code < b.code ? -1 : 1))
      .slice(0, n);
  const lotOf = (sku: WarehouseSku, tag: string) =>
    sku.lotTracked
      ? { lotCode: `L${today.replaceAll('-', '')}${tag}`, productionDate: addDays(today, -1) }
      : { lotCode: null, productionDate: null };
  const tempFor = (sku: WarehouseSku) =>
    sku.storageClass === 'chilled' ? 25 : sku.storageClass === 'frozen' ? -200 : null;
  const inspectAll = async (id: string, rejects: (i: number) => InspectionInput['rejections']) => {
    const lines = await whDb(trx)
      .selectFrom('warehouse.receipt_line')
      .select(['id', 'sku_id', 'expected_qty', 'lot_code', 'production_date'])
      .where('receipt_id', '=', id)
      .orderBy('line_no')
      .execute();
    for (const [i, l] of lines.entries()) {
      const sku = input.skus.find((s) => s.id === l.sku_id)!;
      const rejections = rejects(i) ?? [];
      const rejected = rejections.reduce((s, r) => s + r.qty, 0);
      await inspectLine(
        trx,
        id,
        l.id,
        {
          receivedQty: Number(l.expected_qty),
          acceptedQty: Number(l.expected_qty) - rejected,
          rejections,
          ...(l.lot_code ? {} : lotOf(sku, String.fromCharCode(65 + i))),
          arrivalTempDc: tempFor(sku),
          photos: rejected ? [`inspections/demo/${id.slice(0, 8)}-${i + 1}.jpg`] : [],
        },
        ctx,
      );
    }
    return lines;
  };
  const complete = { documents: [{ kind: 'delivery_note' as const, ref: 'SD-DEMO' }], complete: true };
  let made = 0;

  // 1. Announced fresh goods, expected tomorrow.
  const freshCold = [...pick(fresh, 'chilled', 2), ...pick(fresh, 'frozen', 1)];
  if (freshCold.length) {
    await createAsn(
      trx,
      {
        merchantId: fresh,
        warehouseId: sh,
        supplierName: '崇明生态农场',
        carrier: '顺丰冷运',
        expectedDate: addDays(today, 1),
        lines: freshCold.map((s, i) => ({ skuId: s.id, qty: 60 + 20 * i, ...lotOf(s, 'N') })),
      },
      ctx,
    );
    made++;
  }

  // 2. Home goods at the dock, documents not checked yet.
  const homeAmbient = pick(home, 'ambient', 4);
  if (homeAmbient.length >= 2) {
    const asn = await createAsn(
      trx,
      {
        merchantId: home,
        warehouseId: sh,
        supplierName: '宁波家居制造有限公司',
        carrier: '德邦物流',
        expectedDate: today,
        lines: homeAmbient.slice(0, 2).map((s, i) => ({ skuId: s.id, qty: 24 * (i + 1) })),
      },
      ctx,
    );
    await createReceiptFromAsn(
      trx,
      asn,
      { arrived: true, vehiclePlate: '浙B·3K712', dock: 'D2', deliveryNoteNo: 'NB20261122-07' },
      ctx,
    );
    made++;
  }

  // 3. Fresh goods being inspected: one line done (two damaged), one to go.
  const chilled = pick(fresh, 'chilled', 3).slice(1);
  if (chilled.length >= 2) {
    const id = await createAdHocReceipt(
      trx,
      {
        warehouseId: sh,
        merchantId: fresh,
        supplierName: '光明乳业配送中心',
        arrived: true,
        vehiclePlate: '沪D·5Q219',
        dock: 'D1',
        deliveryNoteNo: 'GM-88213',
        lines: chilled.map((s) => ({ skuId: s.id, expectedQty: 48 })),
      },
      ctx,
    );
    await recordDocuments(trx, id, complete, ctx);
    const [first] = await whDb(trx)
      .selectFrom('warehouse.receipt_line')
      .select(['id'])
      .where('receipt_id', '=', id)
      .orderBy('line_no')
      .execute();
    await inspectLine(
      trx,
      id,
      first.id,
      {
        receivedQty: 48,
        acceptedQty: 46,
        rejections: [{ qty: 2, reason: 'damaged', note: '外箱压损，包装渗漏' }],
        ...lotOf(chilled[0], 'C'),
        arrivalTempDc: tempFor(chilled[0]),
        photos: [`inspections/demo/${id.slice(0, 8)}-1.jpg`],
      },
      ctx,
    );
    made++;
  }

  // 4. Signed off and half put away; three damaged units wait for the vendor.
  const mixed = [...homeAmbient.slice(2, 4), ...pick(home, 'fragile', 1)];
  if (mixed.length >= 2) {
    const asn = await createAsn(
      trx,
      {
        merchantId: home,
        warehouseId: sh,
        supplierName: '佛山陶瓷用品厂',
        carrier: '安能物流',
        expectedDate: addDays(today, -1),
        lines: mixed.map((s, i) => ({ skuId: s.id, qty: 12 * (i + 1) })),
      },
      ctx,
    );
    const id = await createReceiptFromAsn(
      trx,
      asn,
      { arrived: true, vehiclePlate: '粤E·8M305', dock: 'D3', deliveryNoteNo: 'FS-55102' },
      ctx,
    );
    await recordDocuments(trx, id, complete, ctx);
    await inspectAll(id, (i) => (i === 0 ? [{ qty: 3, reason: 'damaged', note: '运输破损' }] : []));
    await signOffReceipt(trx, id, ctx);
    const task = await whDb(trx)
      .selectFrom('warehouse.putaway_task')
      .selectAll()
      .where('receipt_id', '=', id)
      .where('suggested_bin_id', 'is not', null)
      .orderBy('created_at')
      .executeTakeFirst();
    if (task) {
      const bin = (await binsByIds(trx, [task.suggested_bin_id!])).get(task.suggested_bin_id!)!;
      const sku = input.skus.find((s) => s.id === task.sku_id)!;
      await confirmPutaway(
        trx,
        task.id,
        { binBarcode: bin.barcode, skuBarcode: sku.barcodes[0] ?? sku.code },
        ctx,
      );
    }
    made++;
  }

  // 5. Beijing: frozen goods, five arrived thawed and went back to the vendor.
  const frozen = pick(fresh, 'frozen', 2);
  if (bj && frozen.length) {
    const id = await createAdHocReceipt(
      trx,
      {
        warehouseId: bj,
        merchantId: fresh,
        supplierName: '大连海鲜冷链',
        arrived: true,
        vehiclePlate: '辽B·L7720',
        dock: 'C1',
        deliveryNoteNo: 'DL-20761',
        lines: frozen.map((s) => ({ skuId: s.id, expectedQty: 30 })),
      },
      ctx,
    );
    await recordDocuments(trx, id, complete, ctx);
    await inspectAll(id, (i) =>
      i === 0 ? [{ qty: 5, reason: 'temperature', note: '车厢温度 -8 ℃，部分解冻' }] : [],
    );
    await signOffReceipt(trx, id, ctx);
    const tasks = await whDb(trx)
      .selectFrom('warehouse.putaway_task')
      .selectAll()
      .where('receipt_id', '=', id)
      .orderBy('created_at')
      .execute();
    if (tasks.every((t) => t.suggested_bin_id)) {
      for (const task of tasks) {
        const bin = (await binsByIds(trx, [task.suggested_bin_id!])).get(task.suggested_bin_id!)!;
        const sku = input.skus.find((s) => s.id === task.sku_id)!;
        await confirmPutaway(
          trx,
          task.id,
          { binBarcode: bin.barcode, skuBarcode: sku.barcodes[0] ?? sku.code },
          ctx,
        );
      }
    }
    await returnRejectedGoods(trx, id, { carrier: '大连海鲜冷链', note: '温度不合格退回' }, ctx);
    made++;
  }

  // 6. Sent to the wrong warehouse and turned away at the gate.
  if (homeAmbient.length) {
    const id = await createAdHocReceipt(
      trx,
      {
        warehouseId: sh,
        merchantId: home,
        supplierName: '义乌小商品供应链',
        lines: [{ skuId: homeAmbient[0].id, expectedQty: 100 }],
      },
      ctx,
    );
    await arriveReceipt(trx, id, { vehiclePlate: '浙G·12A09' }, ctx);
    await cancelReceipt(trx, id, '送错仓库，应送广州白云仓', ctx);
    made++;
  }
  return made;
}
