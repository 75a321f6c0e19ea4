/**
 * A realistic, deterministic delivery day for the Shanghai Jiading DC (WH-SH): about 60 shops and
 * pick-up points across western and central Shanghai, ambient and chilled goods with weights,
 * volumes, case counts and delivery windows, a fleet of 4.2 m box trucks and refrigerated trucks.
 * The same seed always gives the same plan, so the console's "load demo" and the tests share it.
 */
import type { RoutePlanInput } from './route-plan.schemas';

/** WH-SH, 上海市嘉定区安亭镇墨玉南路 888 号. */
export const DEMO_DEPOT = { lat: 31.2956, lon: 121.1603 };

interface Area {
  zh: string;
  en: string;
  district: string;
  lat: number;
  lon: number;
  roads: string[];
  weight: number;
}

const AREAS: Area[] = [
  {
    zh: '安亭',
    en: 'Anting',
    district: '嘉定区',
    lat: 31.292,
    lon: 121.17,
    roads: ['墨玉路', '昌吉路', '博园路'],
    weight: 3,
  },
  {
    zh: '嘉定新城',
    en: 'Jiading New Town',
    district: '嘉定区',
    lat: 31.378,
    lon: 121.255,
    roads: ['塔城路', '城中路', '裕民南路'],
    weight: 4,
  },
  {
    zh: '南翔',
    en: 'Nanxiang',
    district: '嘉定区',
    lat: 31.298,
    lon: 121.318,
    roads: ['沪宜公路', '古猗园路', '德园路'],
    weight: 4,
  },
  {
    zh: '江桥',
    en: 'Jiangqiao',
    district: '嘉定区',
    lat: 31.245,
    lon: 121.33,
    roads: ['华江路', '金沙江西路', '曹安公路'],
    weight: 3,
  },
  {
    zh: '徐泾',
    en: 'Xujing',
    district: '青浦区',
    lat: 31.186,
    lon: 121.27,
    roads: ['诸光路', '崧泽大道', '徐乐路'],
    weight: 3,
  },
  {
    zh: '赵巷',
    en: 'Zhaoxiang',
    district: '青浦区',
    lat: 31.157,
    lon: 121.2,
    roads: ['嘉松中路', '业辉路', '沪青平公路'],
    weight: 2,
  },
  {
    zh: '虹桥',
    en: 'Hongqiao',
    district: '闵行区',
    lat: 31.196,
    lon: 121.33,
    roads: ['申长路', '申滨南路', '七莘路'],
    weight: 4,
  },
  {
    zh: '长风',
    en: 'Changfeng',
    district: '普陀区',
    lat: 31.226,
    lon: 121.393,
    roads: ['大渡河路', '云岭东路', '枣阳路'],
    weight: 4,
  },
  {
    zh: '真如',
    en: 'Zhenru',
    district: '普陀区',
    lat: 31.252,
    lon: 121.405,
    roads: ['铜川路', '曹杨路', '真北路'],
    weight: 4,
  },
  {
    zh: '中山公园',
    en: 'Zhongshan Park',
    district: '长宁区',
    lat: 31.219,
    lon: 121.418,
    roads: ['长宁路', '定西路', '凯旋路'],
    weight: 4,
  },
  {
    zh: '静安寺',
    en: "Jing'an Temple",
    district: '静安区',
    lat: 31.224,
    lon: 121.447,
    roads: ['南京西路', '愚园路', '常德路'],
    weight: 3,
  },
  {
    zh: '大场',
    en: 'Dachang',
    district: '宝山区',
    lat: 31.302,
    lon: 121.412,
    roads: ['场中路', '沪太路', '环镇北路'],
    weight: 3,
  },
  {
    zh: '徐家汇',
    en: 'Xujiahui',
    district: '徐汇区',
    lat: 31.192,
    lon: 121.437,
    roads: ['漕溪北路', '虹桥路', '天钥桥路'],
    weight: 3,
  },
  {
    zh: '莘庄',
    en: 'Xinzhuang',
    district: '闵行区',
    lat: 31.112,
    lon: 121.383,
    roads: ['莘松路', '都市路', '沪闵路'],
    weight: 2,
  },
  {
    zh: '九亭',
    en: 'Jiuting',
    district: '松江区',
    lat: 31.125,
    lon: 121.32,
    roads: ['九亭大街', '涞寅路', '沪亭北路'],
    weight: 2,
  },
];

/** [brand zh, chilled goods?] — fresh chains need a refrigerated truck. */
const SHOPS: Array<[string, boolean]> = [
  ['盒马鲜生', true],
  ['叮咚买菜前置仓', true],
  ['百果园', true],
  ['Ole’ 精品超市', true],
  ['全家便利店', false],
  ['罗森', false],
  ['联华超市', false],
  ['家乐福', false],
  ['孩子王', false],
  ['菜鸟驿站', false],
  ['屈臣氏', false],
  ['优品家居体验店', false],
];

const SURNAMES = [
  '王',
  '李',
  '张',
  '刘',
  '陈',
  '杨',
  '黄',
  '赵',
  '吴',
  '周',
  '徐',
  '孙',
  '马',
  '朱',
  '胡',
  '郭',
];

/** Windows dispatchers meet every day: morning replenishment, late morning, afternoon, all day, split. */
const WINDOWS: Array<Array<{ from: string; to: string }>> = [
  [{ from: '07:00', to: '10:00' }],
  [{ from: '08:00', to: '11:30' }],
  [{ from: '09:00', to: '12:00' }],
  [{ from: '13:00', to: '17:00' }],
  [{ from: '08:00', to: '18:00' }],
  [
    { from: '08:00', to: '10:00' },
    { from: '14:00', to: '16:00' },
  ],
];

/**
 * The demo fleet of the Shanghai DC: 4.2 m box trucks and 4.2 m refrigerated trucks. Also the
 * default fleet of plans made from a warehouse's shipments until the warehouse saves its own.
 */
export const DEMO_FLEET: RoutePlanInput['vehicles'] = [
  {
    id: 'box-4.2m',
    name: '4.2 米厢式货车',
    count: 6,
    capacityWeightG: 2_000_000,
    capacityVolumeCm3: 16_000_000,
    capacityItems: 180,
    fixedCostFen: 25_000,
    costPerKmFen: 250,
    costPerHourFen: 4_000,
    shiftStart: '07:00',
    shiftEnd: '19:00',
  },
  {
    id: 'reefer-4.2m',
    name: '4.2 米冷藏车',
    count: 3,
    capacityWeightG: 1_500_000,
    capacityVolumeCm3: 12_000_000,
    capacityItems: 150,
    fixedCostFen: 35_000,
    costPerKmFen: 320,
    costPerHourFen: 4_500,
    skills: ['refrigerated'],
    shiftStart: '06:00',
    shiftEnd: '18:00',
  },
];

/** mulberry32: a small deterministic generator (the demo needs no cryptographic quality). */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface DemoOptions {
  stops?: number;
  seed?: number;
  date?: string;
  warehouseId?: string;
  timeLimitSeconds?: number;
  /** Add one pallet order heavier than any truck (shows an unassigned stop with its reason). */
  oversizeOrder?: boolean;
}

const round6 = (v: number) => Math.round(v * 1e6) / 1e6;

export function shanghaiDemoPlan(options: DemoOptions = {}): RoutePlanInput {
  const rnd = prng(options.seed ?? 20261125);
  const count = options.stops ?? 60;
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)];
  const totalWeight = AREAS.reduce((s, a) => s + a.weight, 0);
  const area = () => {
    let r = rnd() * totalWeight;
    for (const a of AREAS) {
      r -= a.weight;
      if (r < 0) return a;
    }
    return AREAS[AREAS.length - 1];
  };
  const stops: RoutePlanInput['stops'] = [];
  const names = new Set<string>();
  for (let i = 1; i <= count; i++) {
    const a = area();
    const [brand, chilled] = pick(SHOPS);
    let name = `${brand}（${a.zh}${pick(a.roads).replace(/路|公路|大道|大街/, '')}店）`;
    if (names.has(name)) name = `${brand}（${a.zh}${i}号店）`;
    names.add(name);
    // Fresh chains take fewer, denser cases; general merchandise is bulkier.
    const weightKg = chilled ? int(30, 260) : int(40, 380);
    const densityKgM3 = chilled ? 320 : 180;
    const items = Math.max(1, Math.round(weightKg / (chilled ? 12 : 16)));
    const windows = pick(WINDOWS);
    stops.push({
      id: `SH-${String(i).padStart(3, '0')}`,
      name,
      address: `上海市${a.district}${pick(a.roads)}${int(8, 2200)}号`,
      contact: `${pick(SURNAMES)}${rnd() < 0.5 ? '先生' : '女士'} 13${int(0, 9)}${String(int(0, 99_999_999)).padStart(8, '0')}`,
      lat: round6(a.lat + (rnd() - 0.5) * 0.03),
      lon: round6(a.lon + (rnd() - 0.5) * 0.035),
      weightG: weightKg * 1000,
      volumeCm3: Math.round((weightKg / densityKgM3) * 1000) * 1000,
      items,
      serviceMin: Math.min(30, 8 + Math.round(items / 2)),
      windows,
      ...(chilled ? { skills: ['refrigerated'] } : {}),
    });
  }
  if (options.oversizeOrder ?? true) {
    stops.push({
      id: `SH-${String(count + 1).padStart(3, '0')}`,
      name: '居然之家（真北店）整托家具',
      address: '上海市普陀区真北路 1108 号',
      contact: '郑先生 13916880021',
      lat: 31.2441,
      lon: 121.3962,
      weightG: 3_200_000,
      volumeCm3: 14_000_000,
      items: 12,
      serviceMin: 40,
      windows: [{ from: '09:00', to: '16:00' }],
    });
  }
  return {
    name: '上海嘉定仓 当日配送',
    date: options.date ?? '2026-11-25',
    ...(options.warehouseId ? { warehouseId: options.warehouseId } : {}),
    coordinates: 'geo',
    depot: { ...DEMO_DEPOT, name: '上海嘉定仓 WH-SH', address: '上海市嘉定区安亭镇墨玉南路 888 号' },
    stops,
    vehicles: structuredClone(DEMO_FLEET),
    speedKmh: 30,
    circuityFactor: 1.3,
    timeLimitSeconds: options.timeLimitSeconds ?? 20,
    seed: 1,
  };
}
