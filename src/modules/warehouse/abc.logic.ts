import type { AbcBasis, AbcClass } from './count.tables';

/** Picks of one SKU over the classification period. */
export interface AbcInput {
  skuId: string;
  /** Pick lines (visits to a bin): what travel depends on, so what SKUs are ranked by by default. */
  lines: number;
  /** Units picked (shipped volume): the measure of the `units` basis. */
  units: number;
}

export interface AbcItem extends AbcInput {
  class: AbcClass;
  /** 1 = most picked (by the basis). */
  rank: number;
  /** The basis measure (pick lines or units) of this SKU and every SKU ranked above it. */
  cum: number;
}

export interface AbcShares {
  /** Class A takes the SKUs making up the first `aPct` % of the basis measure (default 80). */
  aPct: number;
  /** Class B the next `bPct` % (default 15); C the rest and every SKU not picked at all. */
  bPct: number;
}

export const DEFAULT_ABC_SHARES: AbcShares = { aPct: 80, bPct: 15 };

/**
 * ABC classes (Pareto) by the `basis`: `lines` (default) ranks SKUs by pick lines — visits to a bin,
 * what travel depends on — `units` by units picked (shipped volume). Ties go to the other measure,
 * then the id, so the result is deterministic. A SKU is A while the measure of the SKUs above it is
 * below `aPct` % of the total — so the SKU that crosses the line is still A — B while below
 * `aPct + bPct` %, else C. A SKU counts as picked when it has pick lines; `stocked` SKUs that were
 * never picked are added as C (ranked last). Pure.
 */
export function classifyAbc(
  picks: readonly AbcInput[],
  stocked: Iterable<string> = [],
  shares: AbcShares = DEFAULT_ABC_SHARES,
  basis: AbcBasis = 'lines',
): AbcItem[] {
  const other: AbcBasis = basis === 'lines' ? 'units' : 'lines';
  const picked = picks
    .filter((p) => p.lines > 0)
    .sort((a, b) => b[basis] - a[basis] || b[other] - a[other] || (a.skuId < b.skuId ? -1 : 1));
  const total = picked.reduce((s, p) => s + p[basis], 0);
  const items: AbcItem[] = [];
  let cum = 0;
  for (const p of picked) {
    const before = total ? (cum * 100) / total : 100;
    cum += p[basis];
    const cls: AbcClass = before < shares.aPct ? 'A' : before < shares.aPct + shares.bPct ? 'B' : 'C';
    items.push({ ...p, class: cls, rank: items.length + 1, cum });
  }
  const seen = new Set(items.map((i) => i.skuId));
  for (const skuId of [...new Set(stocked)].filter((s) => !seen.has(s)).sort())
    items.push({ skuId, lines: 0, units: 0, class: 'C', rank: items.length + 1, cum });
  return items;
}
