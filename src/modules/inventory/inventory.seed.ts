import { systemActor } from '../../platform/auth/principal';
import { type Trx, tablesOf } from '../../platform/db';
import { createWarehouse, type LocationTables, type WarehouseInput } from './location.service';

const zones = (prefix: string): WarehouseInput['zones'] => [
  {
    code: `${prefix}-A`,
    nameZh: '常温区',
    nameEn: 'Ambient',
    storageClass: 'ambient',
    tempMinDc: 50,
    tempMaxDc: 300,
  },
  {
    code: `${prefix}-C`,
    nameZh: '冷藏区',
    nameEn: 'Chilled',
    storageClass: 'chilled',
    tempMinDc: 0,
    tempMaxDc: 40,
  },
  {
    code: `${prefix}-F`,
    nameZh: '冷冻区',
    nameEn: 'Frozen',
    storageClass: 'frozen',
    tempMinDc: -250,
    tempMaxDc: -180,
  },
  {
    code: `${prefix}-G`,
    nameZh: '易碎品区',
    nameEn: 'Fragile',
    storageClass: 'fragile',
    tempMinDc: 50,
    tempMaxDc: 300,
  },
];

const DEMO_WAREHOUSES: Array<Omit<WarehouseInput, 'branchId'> & { branch: string }> = [
  {
    code: 'WH-SH',
    nameZh: '上海嘉定仓',
    nameEn: 'Shanghai Jiading DC',
    city: '上海',
    address: '上海市嘉定区安亭镇墨玉南路 888 号',
    latitude: 31.2956,
    longitude: 121.1603,
    branch: 'HQ-SH',
    zones: [
      ...zones('SH'),
      {
        code: 'SH-H',
        nameZh: '危险品区',
        nameEn: 'Hazardous',
        storageClass: 'hazardous',
        tempMinDc: 50,
        tempMaxDc: 250,
      },
    ],
  },
  {
    code: 'WH-BJ',
    nameZh: '北京顺义仓',
    nameEn: 'Beijing Shunyi DC',
    city: '北京',
    address: '北京市顺义区空港工业区 B 区裕华路 28 号',
    latitude: 40.1302,
    longitude: 116.6546,
    branch: 'BR-BJ',
    zones: zones('BJ'),
  },
  {
    code: 'WH-GZ',
    nameZh: '广州白云仓',
    nameEn: 'Guangzhou Baiyun DC',
    city: '广州',
    address: '广东省广州市白云区太和镇广从五路 66 号',
    latitude: 23.3397,
    longitude: 113.3541,
    branch: 'BR-GZ',
    zones: zones('GZ'),
  },
];

/** Three warehouses in three cities with ambient, chilled and frozen zones. Idempotent. */
export async function seedDemoWarehouses(trx: Trx, branchIdByCode: Record<string, string>, now: Date) {
  const existing = await tablesOf<LocationTables>(trx)
    .selectFrom('inventory.warehouse')
    .select('code')
    .execute();
  for (const { branch, ...w } of DEMO_WAREHOUSES) {
    if (existing.some((e) => e.code === w.code)) continue;
    await createWarehouse(
      trx,
      systemActor('demo-seed'),
      { ...w, branchId: branchIdByCode[branch] ?? null },
      now,
    );
  }
}
