import type { AbcClass } from './count.tables';

/** Picks of one SKU over the classification period. */
export interface AbcInput {
  skuId: string;
  /** Pick lines (visits to a bin): what travel depends on, so what SKUs are ranked by. */
  lines: number;
  units: number;
}

export interface AbcItem extends AbcInput {
  class: AbcClass;
  /** 1 = most picked. */
  rank: number;
  /** Pick lines of this SKU and every SKU ranked above it. */
  cumLines: number;
}

export interface AbcShares {
  /** Class A takes the SKUs making up the first `aPct` % of pick lines (default 80). */
  aPct: number;
  /** Class B the next `bPct` % (default 15); C the rest and every SKU not picked at all. */
  bPct: number;
}

export const DEFAULT_ABC_SHARES: AbcShares = { aPct: 80, bPct: 15 };

/**
 * ABC classes by pick lines (Pareto): SKUs ranked by pick lines (then units, then id, so the result
 * is deterministic); a SKU is A while the lines of the SKUs above it are below `aPct` % of all
 * lines — so the SKU that crosses the line is still A — B while below `aPct + bPct` %, else C.
 * `stocked` SKUs that were never picked are added as C (ranked last). Pure.
 */
export function classifyAbc(
  picks: readonly AbcInput[],
  stocked: Iterable<string> = [],
  shares: AbcShares = DEFAULT_ABC_SHARES,
): AbcItem[] {
  const picked = picks
    .filter((p) => p.lines > 0)
    .sort((a, b) => b.lines - a.lines || b.units - a.units || (a.skuId < b.skuId ? -1 : 1));
  const total = picked.reduce((s, p) => s + p.lines, 0);
  const items: AbcItem[] = [];
  let cum = 0;
  for (const p of picked) {
    const before = total ? (cum * 100) / total : 100;
    cum += p.lines;
    const cls: AbcClass = before < shares.aPct ? 'A' : before < shares.aPct + shares.bPct ? 'B' : 'C';
    items.push({ ...p, class: cls, rank: items.length + 1, cumLines: cum });
  }
  const seen = new Set(items.map((i) => i.skuId));
  for (const skuId of [...new Set(stocked)].filter((s) => !seen.has(s)).sort())
    items.push({ skuId, lines: 0, units: 0, class: 'C', rank: items.length + 1, cumLines: cum });
  return items;
}
