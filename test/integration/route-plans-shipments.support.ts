import { expect } from 'vitest';
import type { OutboxDispatcher } from '../../src/platform/events';
import { businessDayOf } from '../../src/platform/time/calendar';
import type { Agent, TestSystem } from '../helpers/system';
import { orderBody, type World, worldOf } from './orders.support';
import {
  binsOf,
  outboundOf,
  packAll,
  pickAll,
  receiveInto,
  type ScanSku,
  skuWithGtin,
  warehouseDispatcher,
} from './warehouse-outbound.support';

/**
 * A delivery day for route planning from warehouse shipments, made through the real order desk and
 * warehouse APIs: Shanghai (WH-SH) orders picked and packed (one cold-chain, one with a delivery
 * window, one to Hangzhou whose point is only its city, one released at the gate), one released but
 * not packed, and one packed in Beijing (WH-BJ).
 */
export interface ShipmentOrder {
  key: string;
  id: string;
  number: string;
  phone: string;
  consignee: string;
  outboundId: string;
}

export interface ShipmentsWorld {
  w: World;
  dispatcher: OutboxDispatcher;
  day: string;
  sh: string;
  bj: string;
  orders: Record<'xuhui' | 'pudong' | 'cold' | 'window' | 'hangzhou' | 'unpacked' | 'beijing', ShipmentOrder>;
}

const SPECS = [
  { key: 'xuhui', name: '周晓梅', address: '上海市徐汇区漕溪北路88号', wh: 'WH-SH' },
  { key: 'pudong', name: '王建国', address: '上海市浦东新区张江路88弄12号601室', wh: 'WH-SH' },
  { key: 'cold', name: '陈冰', address: '上海市长宁区长宁路1018号', wh: 'WH-SH', cold: true },
  { key: 'window', name: '李安', address: '上海市嘉定区安亭镇墨玉南路1000号', wh: 'WH-SH', window: true },
  { key: 'hangzhou', name: '李娜', address: '浙江省杭州市西湖区文三路90号', wh: 'WH-SH' },
  { key: 'unpacked', name: '赵未', address: '上海市杨浦区国定路335号', wh: 'WH-SH', unpacked: true },
  { key: 'beijing', name: '张敏', address: '北京市朝阳区建国路88号', wh: 'WH-BJ' },
] as const;

let phoneSeq = 0;

/** The day: every order is taken through the APIs; only `unpacked` stays released. */
export async function shipmentsWorld(sys: TestSystem): Promise<ShipmentsWorld> {
  const w = await worldOf(sys);
  const [clerk, manager, clerkBj] = await Promise.all([
    sys.login('clerk'),
    sys.login('whmanager'),
    sys.login('clerk.bj'),
  ]);
  const dispatcher = warehouseDispatcher(sys);
  const day = businessDayOf(new Date(), 'Asia/Shanghai');
  const sh = w.warehouses['WH-SH'].id;
  const bj = w.warehouses['WH-BJ'].id;

  // Goods in pick faces: ambient and chilled in Shanghai, ambient in Beijing only.
  const shAmbient = [...(await binsOf(w, 'WH-SH', 'ambient')).values()];
  const shChilled = [...(await binsOf(w, 'WH-SH', 'chilled')).values()];
  const bjAmbient = [...(await binsOf(w, 'WH-BJ', 'ambient')).values()];
  const amb = await skuWithGtin(w);
  const cold = await skuWithGtin(w, 'chilled');
  const north = await skuWithGtin(w);
  const expiry = new Date(Date.now() + 40 * 86_400_000).toISOString().slice(0, 10);
  const lot = `LT${Date.now() % 100_000}`;
  await receiveInto(w, amb, shAmbient[5], 40);
  await receiveInto(w, cold, shChilled[2], 10, { lotCode: lot, expiryDate: expiry });
  await receiveInto(w, north, bjAmbient[4], 10);

  const orders = {} as ShipmentsWorld['orders'];
  for (const spec of SPECS) {
    const phone = `1391256${String(++phoneSeq + 1000).padStart(4, '0')}`;
    const lines: Array<[ScanSku, number]> =
      'cold' in spec ? [[cold, 2]] : spec.wh === 'WH-BJ' ? [[north, 2]] : [[amb, 3]];
    const extra: Record<string, unknown> = {
      consignee: { name: spec.name, phone, address: spec.address },
      ...('cold' in spec ? { serviceType: 'cold_chain' } : {}),
      ...('window' in spec
        ? { deliveryWindow: { from: `${day}T14:00:00+08:00`, to: `${day}T18:00:00+08:00` } }
        : {}),
    };
    const res = await w.admin.post('/api/orders', orderBody(w, 'HOME', lines, extra));
    expect(res.status, res.text).toBe(201);
    expect(res.body.warehouseId, `${spec.key} allocated to ${spec.wh}`).toBe(w.warehouses[spec.wh].id);
    const released = await w.admin.post(`/api/orders/${res.body.id}/release-to-warehouse`, {});
    expect(released.status, released.text).toBe(200);
    const agent = spec.wh === 'WH-BJ' ? clerkBj : clerk;
    const doc = await outboundOf(agent, dispatcher, res.body.number);
    orders[spec.key] = {
      key: spec.key,
      id: res.body.id,
      number: res.body.number,
      phone,
      consignee: spec.name,
      outboundId: doc.id,
    };
  }

  // Shanghai: one wave of every document but `unpacked`, picked and packed.
  const packedSh = Object.values(orders).filter((o) => !['unpacked', 'beijing'].includes(o.key));
  await processWave(clerk, sh, packedSh, [amb, cold], { [cold.id]: lot });
  await processWave(clerkBj, bj, [orders.beijing], [north], {});

  // Pudong's parcels are checked at the gate and released on a gate pass (出门证) today.
  const doc = (await manager.get(`/api/warehouse/outbounds/${orders.pudong.outboundId}`)).body;
  for (const p of doc.packages) {
    const scan = await manager.post('/api/warehouse/gate/scan', { warehouseId: sh, waybillNo: p.waybillNo });
    expect(scan.status, scan.text).toBe(200);
  }
  const pass = await manager.post('/api/warehouse/gate-passes', {
    warehouseId: sh,
    outboundIds: [orders.pudong.outboundId],
    vehiclePlate: '沪A·54321',
    carrier: doc.carrier,
    driverName: '钱师傅',
  });
  expect(pass.status, pass.text).toBe(201);
  return { w, dispatcher, day, sh, bj, orders };
}

async function processWave(
  agent: Agent,
  warehouseId: string,
  docs: ShipmentOrder[],
  skus: ScanSku[],
  lots: Record<string, string>,
) {
  const wave = await agent.post('/api/warehouse/waves', {
    warehouseId,
    outboundIds: docs.map((d) => d.outboundId),
  });
  expect(wave.status, wave.text).toBe(201);
  const released = await agent.post(`/api/warehouse/waves/${wave.body.id}/release`, {});
  expect(released.status, released.text).toBe(200);
  for (const list of released.body.pickLists) await pickAll(agent, list.id, skus, lots);
  for (const d of docs) await packAll(agent, d.outboundId, skus);
}
