/** A count's thresholds, copied from its plan (or given) when it is created. */
export interface CountRules {
  /** A line is accurate when |counted − book| ≤ max(toleranceQty, book × tolerancePct %). */
  tolerancePct: number;
  toleranceQty: number;
  /** A variance above this share of the book quantity needs a manager's approval (0 = every variance). */
  approvalPct: number;
  /** …or above this value (|variance| × the SKU's declared unit value, in fen); null = no value rule. */
  approvalValueFen: number | null;
  /** How many times a bin outside the tolerance is counted again before the variance stands. */
  maxRecounts: number;
}

export const DEFAULT_COUNT_RULES: CountRules = {
  tolerancePct: 0,
  toleranceQty: 0,
  approvalPct: 5,
  approvalValueFen: 50_000,
  maxRecounts: 1,
};

/** Is the counted quantity within the tolerance of the book (the inventory-accuracy test)? */
export function withinTolerance(book: number, counted: number, rules: CountRules): boolean {
  const allowed = Math.max(rules.toleranceQty, Math.floor((Math.abs(book) * rules.tolerancePct) / 100));
  return Math.abs(counted - book) <= allowed;
}

/**
 * Does the variance need a manager? When its share of the book (a found item on an empty book is
 * 100 % per unit) is above `approvalPct`, or its value is above `approvalValueFen`. No variance never does.
 */
export function needsApproval(
  book: number,
  counted: number,
  unitValueFen: number | null,
  rules: CountRules,
): boolean {
  const variance = Math.abs(counted - book);
  if (variance === 0) return false;
  if (variance * 100 > rules.approvalPct * Math.max(book, 1)) return true;
  return (
    rules.approvalValueFen !== null &&
    unitValueFen !== null &&
    variance * unitValueFen > rules.approvalValueFen
  );
}

/** Should the bin be counted again (a line outside the tolerance, recounts left)? */
export const needsRecount = (outsideTolerance: boolean, round: number, rules: CountRules) =>
  outsideTolerance && round <= rules.maxRecounts;

/** The rules stored on a count or plan row. */
export const rulesOf = (row: {
  tolerance_pct: number;
  tolerance_qty: number;
  approval_pct: number;
  approval_value_fen: number | null;
  max_recounts: number;
}): CountRules => ({
  tolerancePct: row.tolerance_pct,
  toleranceQty: row.tolerance_qty,
  approvalPct: row.approval_pct,
  approvalValueFen: row.approval_value_fen === null ? null : Number(row.approval_value_fen),
  maxRecounts: row.max_recounts,
});
