import { describe, expect, it } from 'vitest';
import { parseAddress } from './address.parse';
import { consigneeLocation } from './consignee-geo.query';

describe('a consignee’s point for route planning', () => {
  const of = (address: string) => {
    const parsed = parseAddress({ text: address });
    return consigneeLocation(parsed.provinceCode, parsed.cityCode, parsed.parts?.districtCode ?? null);
  };

  it('is the district’s centre where the table has it', () => {
    expect(of('上海市徐汇区漕溪北路88号')).toEqual({ lat: 31.19, lon: 121.44, precision: 'district' });
    expect(of('北京市朝阳区建国路88号')).toEqual({ lat: 39.92, lon: 116.49, precision: 'district' });
    expect(of('广东省深圳市南山区科苑南路2700号')).toMatchObject({ precision: 'district', lat: 22.53 });
  });

  it('falls back to the city seat, then the provincial capital', () => {
    // Hangzhou is Zhejiang's capital city (3301): city precision at the capital's point.
    expect(of('浙江省杭州市西湖区文三路90号')).toEqual({ lat: 30.27, lon: 120.16, precision: 'city' });
    // Ningbo is a listed large city.
    expect(of('浙江省宁波市鄞州区天童南路588号')).toEqual({ lat: 29.87, lon: 121.55, precision: 'city' });
    // Any other city of a province: only the province's capital.
    expect(consigneeLocation('33', '3304', '330402')).toEqual({
      lat: 30.27,
      lon: 120.16,
      precision: 'province',
    });
    expect(consigneeLocation(null, null, null)).toBeNull();
  });

  it('places every district of the table inside China’s box, near its city', () => {
    for (const code of ['310114', '310151', '110119', '440115', '320583']) {
      const p = consigneeLocation(code.slice(0, 2), code.slice(0, 4), code)!;
      expect(p.precision).toBe('district');
      expect(p.lat).toBeGreaterThan(18);
      expect(p.lat).toBeLessThan(54);
      expect(p.lon).toBeGreaterThan(73);
      expect(p.lon).toBeLessThan(135);
    }
  });
});
