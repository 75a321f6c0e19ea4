/**
 * Demo orders: consignees and addresses across China (real streets, made-up people and numbers),
 * and what each demo order should become. Deterministic, so every demo install looks the same.
 */
// biome-ignore format: a table
export const CONSIGNEES: Array<[string, string, string]> = [
  ['李娜', '13816602231', '浙江省杭州市西湖区文三路90号东部软件园3号楼'],
  ['王建国', '13901785566', '上海市浦东新区张江路88弄12号601室'],
  ['张敏', '18610023345', '北京市朝阳区建国路88号SOHO现代城A座1201'],
  ['刘洋', '13723456789', '广东省深圳市南山区科苑南路2700号'],
  ['陈晓燕', '15951876420', '江苏省南京市鼓楼区中山路18号'],
  ['杨帆', '13880901122', '四川省成都市武侯区天府大道中段1268号'],
  ['赵磊', '13995512876', '湖北省武汉市洪山区珞喻路1037号'],
  ['黄丽', '022-27403536', '天津市南开区卫津路94号'],
  ['周杰', '13608301234', '重庆市渝北区金开大道68号'],
  ['吴婷', '13512345670', '广东省广州市天河区花城大道85号'],
  ['徐凯', '15980812345', '福建省厦门市思明区湖滨南路90号'],
  ['孙悦', '13589234567', '山东省青岛市市南区香港中路10号'],
  ['马超', '13991234560', '陕西省西安市雁塔区小寨东路126号'],
  ['朱琳', '13875012345', '湖南省长沙市岳麓区麓山南路932号'],
  ['胡斌', '13838012345', '河南省郑州市金水区花园路39号'],
  ['郭静', '024-23456789', '辽宁省沈阳市和平区三好街66号'],
  ['何明', '13962512345', '江苏省苏州市姑苏区人民路1号'],
  ['高远', '13708712345', '云南省昆明市五华区翠湖南路2号'],
  ['林峰', '13904512345', '黑龙江省哈尔滨市南岗区西大直街92号'],
  ['罗敏', '13566012345', '浙江省宁波市鄞州区天童南路588号'],
  ['梁伟', '13899812345', '新疆维吾尔自治区乌鲁木齐市天山区解放南路1号'],
  ['宋佳', '13977112345', '广西壮族自治区南宁市青秀区民族大道100号'],
  ['郑洁', '13761512345', '上海市徐汇区漕溪北路88号'],
  ['谢磊', '13651012345', '北京市海淀区中关村大街27号'],
];

/** What a demo order should end up as: a lifecycle stage, or the exception it shows. */
export type SeedFate =
  | 'allocated'
  | 'released'
  | 'picking'
  | 'packed'
  | 'shipped'
  | 'in_transit'
  | 'delivered'
  | 'cancelled'
  | 'intercept'
  | 'validated'
  | 'exception';

export interface SeedSpec {
  merchant: 'FRESH' | 'HOME';
  channel: string;
  fate: SeedFate;
  /** Hours before now the order came in. */
  hoursAgo: number;
  /** Consignee index, or an override for exception cases. */
  consignee: number;
  address?: string;
  phone?: string;
  /** Which of the merchant's SKUs (by position in its list for the service) and how many. */
  items: Array<[number, number]>;
  service?: 'standard' | 'express' | 'cold_chain';
  payment?: 'paid' | 'cod' | 'unpaid';
  codOffsetFen?: number;
  unknownSku?: boolean;
  hugeQty?: boolean;
  notes?: string;
}

const f = (
  fate: SeedFate,
  hoursAgo: number,
  consignee: number,
  items: Array<[number, number]>,
  extra: Partial<SeedSpec> = {},
): SeedSpec => ({
  merchant: 'FRESH',
  channel: ['tmall', 'jd', 'douyin', 'miniapp'][consignee % 4],
  fate,
  hoursAgo,
  consignee,
  items,
  service: 'cold_chain',
  ...extra,
});
const h = (
  fate: SeedFate,
  hoursAgo: number,
  consignee: number,
  items: Array<[number, number]>,
  extra: Partial<SeedSpec> = {},
): SeedSpec => ({
  merchant: 'HOME',
  channel: ['tmall', 'jd', 'pdd', 'web'][consignee % 4],
  fate,
  hoursAgo,
  consignee,
  items,
  service: 'standard',
  ...extra,
});

// biome-ignore format: a table
export const SEED_SPECS: SeedSpec[] = [
  // 鲜丰生鲜: fresh food, cold chain.
  f('delivered', 70, 0, [[0, 2], [3, 1]]), f('delivered', 66, 1, [[1, 1]]), f('in_transit', 50, 2, [[2, 2], [5, 1]]),
  f('in_transit', 46, 3, [[4, 1]]), f('shipped', 30, 4, [[6, 3]]), f('shipped', 26, 22, [[7, 1], [8, 1]]),
  f('intercept', 28, 5, [[9, 1]], { notes: '客户改约，申请拦截' }), f('packed', 8, 6, [[10, 2]]), f('picking', 6, 7, [[11, 1], [0, 1]]),
  f('released', 5, 8, [[12, 2]]), f('released', 4, 9, [[13, 1]], { payment: 'cod' }), f('allocated', 3, 10, [[14, 1], [1, 2]]),
  f('allocated', 2, 11, [[2, 1]], { service: 'cold_chain', payment: 'cod' }), f('allocated', 1, 23, [[3, 2]]),
  f('cancelled', 20, 12, [[4, 1]], { notes: '客户取消' }), f('allocated', 1, 20, [[5, 1]]),
  f('exception', 9, 13, [[0, 1]], { address: '江苏省苏州市江宁区双龙大道1222号' }),
  f('exception', 7, 14, [[1, 1]], { address: '朝阳区建国路88号' }),
  f('exception', 6, 15, [[2, 1]], { service: 'standard' }),
  f('exception', 5, 16, [[3, 1]], { payment: 'cod', codOffsetFen: -500 }),
  f('exception', 12, 17, [[4, 1]], { payment: 'unpaid' }),
  f('exception', 3, 18, [[5, 1]], { phone: '1381234' }),
  f('exception', 10, 19, [[6, 1]], { hugeQty: true }),
  f('exception', 2, 10, [[14, 1], [1, 2]]),
  f('exception', 4, 21, [[7, 1]], { phone: '13899900001' }),
  f('exception', 30, 2, [[8, 1]], { address: '请放在门口，谢谢' }),
  // 优品家居: home goods and small appliances.
  h('delivered', 72, 3, [[0, 1]]), h('delivered', 60, 4, [[1, 2]]), h('delivered', 55, 5, [[2, 1], [3, 1]], { service: 'express' }),
  h('in_transit', 40, 6, [[4, 1]]), h('in_transit', 36, 7, [[5, 1]], { service: 'express' }), h('shipped', 24, 8, [[6, 1]]),
  h('shipped', 22, 9, [[7, 2]], { payment: 'cod' }), h('packed', 9, 10, [[8, 1]]), h('picking', 7, 11, [[9, 1], [0, 1]]),
  h('released', 6, 12, [[10, 1]]), h('released', 5, 13, [[11, 2]]), h('allocated', 4, 14, [[12, 1]], { service: 'express' }),
  h('allocated', 3, 15, [[13, 1], [14, 1]]), h('allocated', 2, 16, [[0, 2]]), h('allocated', 2, 17, [[1, 1]]),
  h('allocated', 1, 18, [[2, 1]]), h('allocated', 1, 19, [[3, 1]], { payment: 'cod' }), h('validated', 1, 21, [[4, 1]]),
  h('cancelled', 18, 20, [[5, 1]], { notes: '拍错型号' }), h('cancelled', 16, 22, [[6, 1]]),
  h('exception', 11, 23, [[0, 1]], { address: '四川省成都市高新区天府大道北段1700号' }),
  h('exception', 8, 1, [[1, 1]], { address: '香港特别行政区中环皇后大道中1号' }),
  h('exception', 6, 2, [[2, 1]], { unknownSku: true }),
  h('exception', 5, 4, [[3, 1]], { address: '浙江省杭州市西湖区' }),
  h('exception', 14, 6, [[4, 1]], { address: '上海市南京西路1266号恒隆广场' }),
  h('exception', 3, 8, [[5, 1]], { phone: '13899900001' }),
  h('exception', 26, 10, [[6, 1]], { hugeQty: true }),
  h('exception', 2, 12, [[7, 1]], { payment: 'unpaid' }),
  h('exception', 1, 14, [[8, 1]], { phone: '021-1234' }),
  h('allocated', 1, 0, [[9, 1], [10, 1], [11, 1]]),
];

/** A blocked consignee (repeatedly refused COD parcels), so the blocklist has an example. */
export const BLOCKED_PHONE = ['13899900001', '多次拒收货到付款包裹'] as const;
