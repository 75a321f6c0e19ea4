/**
 * Public model of the picker-routing library. Plain serialisable data, integer millimetres (as
 * Wayline stores bins: `inventory.bin.x_mm / y_mm`).
 *
 * The warehouse is a rectangular multi-block layout: parallel aisles running along y at the given x
 * centrelines, and cross aisles running along x at the given y positions (front, optional middle ones,
 * back). Every aisle reaches every cross aisle, and every cross aisle spans all aisles. A picker walks
 * on the centrelines and picks from both sides without lateral travel (narrow-aisle assumption of
 * Ratliff & Rosenthal 1983 and Roodbergen & de Koster 2001).
 */

export interface PointMm {
  xMm: number;
  yMm: number;
}

export interface WarehouseLayout {
  /** Aisle centrelines, strictly ascending. */
  aisleXsMm: number[];
  /** Cross-aisle centrelines, strictly ascending, at least two (front and back); `n` cross aisles make `n - 1` blocks. */
  crossAisleYsMm: number[];
  /** Aisle width, only used for drawing. */
  aisleWidthMm: number;
  /** Start and end of every pick tour (the dispatch area). Snapped to the nearest point of the aisle graph. */
  depot: PointMm;
  /** Optional aisle names (e.g. `A`, `B`), same order as `aisleXsMm`. */
  aisleNames?: string[];
}

/** A location to visit: usually a bin's position; `id` is a pick (line) id. */
export interface PickPoint extends PointMm {
  id: string;
}

export type RouteMethod = 'exact-dp' | 'held-karp' | 'local-search' | 's-shape';

export interface RouteOptions {
  /**
   * `auto` (default): the exact aisle dynamic programme when the layout has at most `maxDpCrossAisles`
   * cross aisles, otherwise shortest-path distances + Held–Karp (≤ `heldKarpMax` stops) or local search.
   * The others force one method (used by tests and the benchmark).
   */
  method?: 'auto' | 'exact-dp' | 'heuristic' | 's-shape';
  /** Seed of the local search's perturbations (deterministic for a seed). */
  seed?: number;
  /** Perturbation rounds of the iterated local search; default 60 + 4 × stops. */
  maxIterations?: number;
  /** Default 5 (four blocks): the DP's state count grows quickly with cross aisles. */
  maxDpCrossAisles?: number;
  heldKarpMax?: number;
}

/** One visit: a distinct location with every pick made there. */
export interface RouteStop {
  pickIds: string[];
  /** Aisle index into `aisleXsMm`. */
  aisle: number;
  /** Position on the aisle centreline. */
  xMm: number;
  yMm: number;
  /** Walking distance from the previous stop (from the depot for the first). */
  legMm: number;
}

export interface PickRoute {
  method: RouteMethod;
  /** True when the tour is proven shortest (exact DP or Held–Karp). */
  optimal: boolean;
  /** Total walk, depot to depot, including the depot's access to the aisle graph. */
  distanceMm: number;
  /** Length of the S-shape walk for the same picks (the baseline; the route is never longer). */
  sShapeDistanceMm: number;
  stops: RouteStop[];
  /** Pick ids in visiting order (each exactly once). */
  sequence: string[];
  /** From the last stop back to the depot. */
  returnLegMm: number;
  /** The walking path from the depot back to it, corners only, for drawing. */
  waypoints: PointMm[];
}

/** One order line of a batch pick list. */
export interface BatchLine extends PointMm {
  lineId: string;
  orderRef: string;
  /** Usually the bin id; lines with the same key (or, without one, the same x/y) are picked at one stop. */
  locationKey?: string;
}

export interface BatchStop extends RouteStop {
  lines: BatchLine[];
}

export interface BatchRoute extends Omit<PickRoute, 'stops'> {
  stops: BatchStop[];
  orderRefs: string[];
}
