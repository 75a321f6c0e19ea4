import { CONSIGNEES } from './order-seed.data';

/**
 * A realistic order file of any size, for load tests and the import benchmark: `n` orders of
 * 1–3 lines each over the given SKU codes, consignees all over China, a few percent with a bad
 * address or phone (so the exception path is exercised too). Deterministic for a seed.
 */
export function sampleOrderCsv(
  n: number,
  options: { merchantCode: string; skuCodes: string[]; seed?: number; channel?: string; badShare?: number },
): string {
  let h = options.seed ?? 20261125;
  const rand = () => {
    h = (h + 0x6d2b79f5) | 0;
    let t = Math.imul(h ^ (h >>> 15), 1 | h);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)];
  const badShare = options.badShare ?? 0.03;
  const channel = options.channel ?? 'tmall';
  const lines = [
    '商家编码,渠道,平台订单号,收货人,联系电话,收货地址,商品编码,数量,单价（元）,付款状态,服务类型,备注',
  ];
  for (let i = 0; i < n; i++) {
    const [name, , address] = pick(CONSIGNEES);
    const phone = `1${3 + Math.floor(rand() * 7)}${String(Math.floor(rand() * 1e9)).padStart(9, '0')}`;
    const bad = rand() < badShare;
    const where = bad && rand() < 0.5 ? address.replace(/^[^市]+市/, '') : address;
    const tel = bad && where === address ? phone.slice(0, 7) : phone;
    const no = `${channel.toUpperCase()}${options.seed ?? 0}-${String(i + 1).padStart(8, '0')}`;
    const count = 1 + Math.floor(rand() * 3);
    for (let k = 0; k < count; k++) {
      const sku = options.skuCodes[(i * 7 + k * 13) % options.skuCodes.length];
      const price = (9.9 + Math.floor(rand() * 2000) / 10).toFixed(2);
      const first = k === 0;
      lines.push(
        [
          options.merchantCode,
          channel,
          no,
          first ? name : '',
          first ? tel : '',
          first ? where : '',
          sku,
          String(1 + Math.floor(rand() * 3)),
          price,
          first ? '已付款' : '',
          first ? '标准' : '',
          '',
        ].join(','),
      );
    }
  }
  return `${lines.join('\n')}\n`;
}
