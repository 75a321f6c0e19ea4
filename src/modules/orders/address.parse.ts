import {
  cityDisplayName,
  type Division,
  type DivisionIndex,
  divisionIndex,
  isPlaceholderCity,
} from './address.divisions';
import { streetsIn } from './address.streets';

/**
 * Chinese address parsing against GB/T 2260 (信息校验 of the consignee address). Finds the province,
 * prefecture and county-level unit at the start of the text, checks they agree, fills in what was
 * left out when only one answer is possible, and says what it did:
 *
 * - `exact`: every level named in full and consistent (municipalities need no prefecture);
 * - `normalised`: consistent, but a suffix was missing (浙江 → 浙江省), a level was left out and is
 *   implied (杭州市 → 浙江省), or the district was found from a town or street office (安亭镇);
 * - `suggested`: something disagrees or is ambiguous (江宁区 is in 南京市, not 苏州市; 朝阳区 exists in
 *   北京 and 长春) — the order needs a person, and `suggestions` holds the fixes to offer;
 * - `failed`: no division found, no district, no street detail, or an address outside the mainland.
 *
 * Pure and synchronous; the division index is built once per process.
 */
export type AddressStatus = 'exact' | 'normalised' | 'suggested' | 'failed';

export const ADDRESS_ISSUES = [
  'address_unparsed',
  'address_incomplete',
  'address_mismatch',
  'address_ambiguous',
  'address_detail_missing',
  'address_outside_mainland',
] as const;
export type AddressIssueCode = (typeof ADDRESS_ISSUES)[number];

export type AddressNote = 'suffix_completed' | 'province_inferred' | 'city_inferred' | 'district_from_street';

export interface AddressParts {
  provinceCode: string;
  provinceName: string;
  cityCode: string;
  /** The prefecture as people write it (北京市 for Beijing's 市辖区). */
  cityName: string;
  districtCode: string;
  districtName: string;
}

export interface AddressSuggestion extends AddressParts {
  detail: string;
  /** The whole address, normalised. */
  text: string;
}

export interface ParsedAddress {
  status: AddressStatus;
  /** Complete and consistent parts (status exact or normalised), otherwise null. */
  parts: AddressParts | null;
  /** What could be established even when incomplete. */
  provinceCode: string | null;
  cityCode: string | null;
  detail: string;
  notes: AddressNote[];
  issue: { code: AddressIssueCode; params: Record<string, string> } | null;
  suggestions: AddressSuggestion[];
  /** The normalised full address when parts are complete. */
  normalised: string | null;
}

export interface AddressInput {
  /** The whole address as one text, or the detail when the region is given in parts. */
  text?: string | null;
  province?: string | null;
  city?: string | null;
  district?: string | null;
  detail?: string | null;
  /** A GB/T 2260 county-level code (6 digits), when the channel sends one. */
  districtCode?: string | null;
}

interface Token {
  text: string;
  start: number;
  end: number;
  candidates: Array<{ division: Division; full: boolean }>;
}

interface State {
  p: Division | null;
  c: Division | null;
  d: Division | null;
  /** Tokens consumed. */
  used: number;
  score: number;
  alias: boolean;
  conflict: { given: Division; district: Division } | null;
}

/** After a short name, these start a road or a place, not the rest of a division name. */
const ROAD_CHAR = /^[路街巷弄道号栋幢楼室村组桥]/;
const ROAD_WORD = /^(公园|广场|大道|大街|大厦|小区|花园|新村|社区)/;
const SEPARATORS = /[\s,，、;；:：|]+/g;
const LEAD_SEPARATOR = /^[-—_/#]+/;
const OUTSIDE = /香港|澳门|澳門|台湾|臺灣/;
const MAX_SUGGESTIONS = 5;

/** Full-width to half-width, no spaces or list punctuation, no country prefix, no postcode. */
export function compactAddress(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\u200b-\u200d\ufeff]/g, '')
    .replace(/(^|\s)\d{6}(?=\s|$)/g, ' ')
    .replace(SEPARATORS, '')
    .replace(/^(中华人民共和国|中国)/, '');
}

function scanTokens(s: string, idx: DivisionIndex): Token[] {
  const tokens: Token[] = [];
  let pos = 0;
  while (tokens.length < 5 && pos < s.length) {
    if (tokens.length && LEAD_SEPARATOR.test(s.slice(pos, pos + 1))) {
      pos++;
      continue;
    }
    let found: Token | null = null;
    for (let len = Math.min(idx.maxNameLength, s.length - pos); len >= 2; len--) {
      const key = s.slice(pos, pos + len);
      const entries = idx.byName.get(key);
      if (!entries) continue;
      const rest = s.slice(pos + len);
      if (!entries.some((e) => e.full) && (ROAD_CHAR.test(rest) || ROAD_WORD.test(rest))) continue;
      found = { text: key, start: pos, end: pos + len, candidates: entries };
      break;
    }
    if (!found) break;
    tokens.push(found);
    pos = found.end;
  }
  return tokens;
}

/** One more token on a state, or null when it cannot follow what is already there. */
function extend(s: State, e: { division: Division; full: boolean }, idx: DivisionIndex): State | null {
  const x = e.division;
  const next: State = {
    ...s,
    used: s.used + 1,
    score: s.score + (e.full ? 12 : 10),
    alias: s.alias || !e.full,
  };
  if (x.level === 'province') {
    if (s.c || s.d) return null;
    if (s.p) return s.p.code === x.code ? { ...next, score: s.score + 1 } : null;
    return { ...next, p: x };
  }
  if (x.level === 'city') {
    if (s.d) return null;
    if (s.c) return s.c.code === x.code ? { ...next, score: s.score + 1 } : null;
    if (s.p && s.p.code !== x.provinceCode) return null;
    return { ...next, c: x };
  }
  if (s.d) return s.d.code === x.code ? { ...next, score: s.score + 1 } : null;
  if (s.c) {
    if (x.cityCode === s.c.code) return { ...next, d: x };
    // A district of another prefecture of the same province: the text disagrees with itself.
    if (x.provinceCode === s.c.provinceCode && !s.conflict)
      return {
        ...next,
        c: idx.byCode.get(x.cityCode!) ?? null,
        d: x,
        score: next.score - 8,
        conflict: { given: s.c, district: x },
      };
    return null;
  }
  if (s.p && s.p.code !== x.provinceCode) return null;
  return { ...next, d: x };
}

const finalScore = (s: State) => s.score + (s.d ? 6 : 0) + (s.c || s.d ? 2 : 0);

/** Every way to read the leading tokens as divisions, best first (a small beam search). */
function readings(tokens: Token[], idx: DivisionIndex): State[] {
  const empty: State = { p: null, c: null, d: null, used: 0, score: 0, alias: false, conflict: null };
  let frontier: State[] = [empty];
  const finals: State[] = [];
  for (const token of tokens) {
    const next: State[] = [];
    for (const s of frontier) {
      for (const e of token.candidates) {
        const grown = extend(s, e, idx);
        if (grown) next.push(grown);
      }
    }
    if (!next.length) break;
    next.sort((a, b) => b.score - a.score);
    frontier = next.slice(0, 40);
    finals.push(...frontier);
  }
  return finals.sort((a, b) => finalScore(b) - finalScore(a) || b.used - a.used);
}

function partsOf(p: Division, c: Division, d: Division): AddressParts {
  return {
    provinceCode: p.code,
    provinceName: p.name,
    cityCode: c.code,
    cityName: cityDisplayName(d, c) ?? c.name,
    districtCode: d.code,
    districtName: d.name,
  };
}

/** Province, prefecture and district of a county-level unit. */
export function partsOfDistrict(code: string): AddressParts | null {
  const idx = divisionIndex();
  const d = idx.byCode.get(code);
  if (d?.level !== 'district') return null;
  return partsOf(idx.byCode.get(d.provinceCode)!, idx.byCode.get(d.cityCode!)!, d);
}

/** "浙江省杭州市西湖区" + detail; a municipality is named once (北京市朝阳区 …). */
export function formatAddress(parts: AddressParts, detail: string): string {
  const city = parts.cityName === parts.provinceName ? '' : parts.cityName;
  const district = parts.districtName === city ? '' : parts.districtName;
  return `${parts.provinceName}${city}${district}${detail}`;
}

const suggestionOf = (parts: AddressParts, detail: string): AddressSuggestion => ({
  ...parts,
  detail,
  text: formatAddress(parts, detail),
});

const cleanDetail = (text: string) => text.replace(LEAD_SEPARATOR, '').trim();
/** A street address needs at least two characters of something (not only punctuation). */
const hasDetail = (detail: string) => detail.length >= 2 && /[\p{L}\p{N}]/u.test(detail);

function result(partial: Partial<ParsedAddress> & Pick<ParsedAddress, 'status' | 'detail'>): ParsedAddress {
  return {
    parts: null,
    provinceCode: null,
    cityCode: null,
    notes: [],
    issue: null,
    suggestions: [],
    normalised: null,
    ...partial,
  };
}

/** Parse an address given as one text or as region parts plus detail. */
export function parseAddress(input: string | AddressInput): ParsedAddress {
  const given: AddressInput = typeof input === 'string' ? { text: input } : input;
  const idx = divisionIndex();
  const hasParts = !!(given.province || given.city || given.district);
  if (given.districtCode && idx.byCode.get(given.districtCode)?.level === 'district') {
    const parts = partsOfDistrict(given.districtCode)!;
    const detail = compactAddress(given.detail ?? given.text ?? '');
    return finish(idx, {
      parts,
      detail,
      notes: [],
      provinceCode: parts.provinceCode,
      cityCode: parts.cityCode,
    });
  }
  const region = hasParts
    ? compactAddress([given.province, given.city, given.district].filter(Boolean).join(' '))
    : compactAddress(`${given.text ?? ''}${given.detail ? ` ${given.detail}` : ''}`);
  const extraDetail = hasParts ? compactAddress(`${given.text ?? ''}${given.detail ?? ''}`) : '';
  const tokens = scanTokens(region, idx);
  const all = readings(tokens, idx);
  const rest = (s: State | undefined) => {
    const end = s?.used ? tokens[s.used - 1].end : 0;
    const leftover = cleanDetail(region.slice(end));
    return hasParts
      ? { detail: cleanDetail(extraDetail), unrecognised: leftover }
      : { detail: leftover, unrecognised: '' };
  };
  if (!all.length) {
    const { detail } = rest(undefined);
    const code = OUTSIDE.test(region) ? 'address_outside_mainland' : 'address_unparsed';
    return result({ status: 'failed', detail, issue: { code, params: {} } });
  }
  const bestScore = finalScore(all[0]);
  const top = dedupe(all.filter((s) => finalScore(s) === bestScore));
  const best = top[0];
  const { detail, unrecognised } = rest(best);
  if (top.length > 1) {
    const token = tokens[best.used - 1]?.text ?? '';
    const suggestions = top
      .map((s) => complete(idx, s))
      .filter((x): x is NonNullable<typeof x> => !!x?.d)
      .slice(0, MAX_SUGGESTIONS)
      .map((x) => suggestionOf(partsOf(x.p, x.c!, x.d!), detail));
    return result({
      status: 'suggested',
      detail,
      issue: { code: 'address_ambiguous', params: { name: token } },
      suggestions,
    });
  }
  const filled = complete(idx, best)!;
  const notes: AddressNote[] = [];
  if (best.alias) notes.push('suffix_completed');
  if (!best.p) notes.push('province_inferred');
  // A county-level unit named like its prefecture (东莞市, 济源市) names the prefecture too.
  if (!best.c && filled.c && !isPlaceholderCity(filled.c) && filled.c.name !== filled.d?.name)
    notes.push('city_inferred');
  if (best.conflict) {
    const { given: city, district } = best.conflict;
    const parts = partsOf(filled.p, filled.c!, filled.d!);
    return result({
      status: 'suggested',
      detail,
      provinceCode: filled.p.code,
      notes,
      issue: {
        code: 'address_mismatch',
        params: { district: district.name, given: city.name, actual: parts.cityName },
      },
      suggestions: [suggestionOf(parts, detail)],
    });
  }
  let { c, d } = filled;
  if (!d) {
    const found = districtFromStreets(idx, filled.p, c, detail);
    if (found.kind === 'one') {
      d = found.district;
      c = idx.byCode.get(d.cityCode!)!;
      notes.push('district_from_street');
    } else {
      const params: Record<string, string> = { missing: 'district' };
      if (unrecognised) params.unrecognised = unrecognised;
      return result({
        status: found.kind === 'guess' ? 'suggested' : 'failed',
        detail,
        provinceCode: filled.p.code,
        cityCode: c?.code ?? null,
        notes,
        issue: { code: 'address_incomplete', params },
        suggestions:
          found.kind === 'guess'
            ? found.districts.map((x) => suggestionOf(partsOfDistrict(x.code)!, detail))
            : [],
      });
    }
  }
  return finish(idx, {
    parts: partsOf(filled.p, c!, d),
    detail,
    notes,
    provinceCode: filled.p.code,
    cityCode: c!.code,
  });
}

function finish(
  _idx: DivisionIndex,
  r: { parts: AddressParts; detail: string; notes: AddressNote[]; provinceCode: string; cityCode: string },
): ParsedAddress {
  const detail = cleanDetail(r.detail);
  if (!hasDetail(detail))
    return result({
      status: 'failed',
      detail,
      provinceCode: r.provinceCode,
      cityCode: r.cityCode,
      notes: r.notes,
      issue: { code: 'address_detail_missing', params: {} },
      suggestions: [],
    });
  return result({
    status: r.notes.length ? 'normalised' : 'exact',
    parts: r.parts,
    provinceCode: r.provinceCode,
    cityCode: r.cityCode,
    detail,
    notes: r.notes,
    normalised: formatAddress(r.parts, detail),
  });
}

/** Readings that name the same place count once. */
function dedupe(states: State[]): State[] {
  const seen = new Set<string>();
  const idx = divisionIndex();
  return states.filter((s) => {
    const x = complete(idx, s);
    const key = `${x?.p.code}|${x?.c?.code}|${x?.d?.code}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The levels implied by the most specific one read (district → prefecture → province). */
function complete(
  idx: DivisionIndex,
  s: State,
): { p: Division; c: Division | null; d: Division | null } | null {
  const d = s.d;
  let c = s.c ?? (d ? (idx.byCode.get(d.cityCode!) ?? null) : null);
  const p = s.p ?? (c ? idx.byCode.get(c.provinceCode) : d ? idx.byCode.get(d.provinceCode) : null);
  if (!p) return null;
  if (!c) {
    // A municipality with a single prefecture placeholder (北京, 上海, 天津; not 重庆's two).
    const cities = idx.citiesOf.get(p.code) ?? [];
    if (cities.length === 1 && isPlaceholderCity(cities[0])) c = cities[0];
  }
  return { p, c, d };
}

type StreetFind =
  | { kind: 'one'; district: Division }
  | { kind: 'guess'; districts: Division[] }
  | { kind: 'none' };

function districtFromStreets(
  idx: DivisionIndex,
  p: Division,
  c: Division | null,
  detail: string,
): StreetFind {
  if (!detail) return { kind: 'none' };
  const matches = streetsIn(detail, p.code, c?.code ?? null);
  if (!matches.length) return { kind: 'none' };
  const areas = [...new Set(matches.map((m) => m.street.areaCode))]
    .map((code) => idx.byCode.get(code))
    .filter((x): x is Division => !!x);
  if (areas.length === 1 && matches[0].full) return { kind: 'one', district: areas[0] };
  return { kind: 'guess', districts: areas.slice(0, MAX_SUGGESTIONS) };
}
