import {
  type BatchLine,
  type BinPosition,
  layoutFromBins,
  type PointMm,
  type RouteMethod,
  routeBatch,
  type WarehouseLayout,
} from '../../solvers/pickpath';

/** A bin of the zone, for the layout (aisles are inferred from the bins' positions and codes). */
export interface LayoutBin extends PointMm {
  code: string;
}

/** One pick task before sequencing: a bin, a SKU and a lot, merged over the wave's orders. */
export interface TaskDraft extends PointMm {
  key: string;
  binId: string;
  binCode: string;
  skuCode: string;
}

export interface SequencedPlan {
  layout: WarehouseLayout;
  /** Task keys in walking order, with the walk from the previous stop (0 for more tasks at one stop). */
  order: Array<{ key: string; seq: number; legMm: number }>;
  distanceMm: number;
  sShapeDistanceMm: number;
  method: RouteMethod;
  optimal: boolean;
  waypoints: PointMm[];
}

/** `A-03-2-05` → `A`: the aisle of a bin code (letters and digits before the first dash). */
export const aisleOfCode = (code: string): string | undefined => /^([A-Za-z0-9]+)-/.exec(code)?.[1];

/**
 * The zone's layout from its real bin coordinates. Bins are grouped into aisles by their code's
 * aisle label when every bin has one and the labels sit at distinct positions; otherwise by x.
 */
export function zoneLayout(bins: readonly LayoutBin[], depot: PointMm): WarehouseLayout {
  const positions: BinPosition[] = bins.map((b) => ({ xMm: b.xMm, yMm: b.yMm, aisle: aisleOfCode(b.code) }));
  try {
    return layoutFromBins(positions, { depot });
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    return layoutFromBins(
      positions.map(({ xMm, yMm }) => ({ xMm, yMm })),
      { depot },
    );
  }
}

/**
 * Sequence a pick list along the shortest walk the pick-path solver finds (exact aisle dynamic
 * programme on layouts with up to five cross aisles), with the S-shape walk of the same picks as
 * the baseline. Tasks at one bin are one stop, in SKU code order.
 */
export function sequenceTasks(
  layoutBins: readonly LayoutBin[],
  depot: PointMm,
  tasks: readonly TaskDraft[],
): SequencedPlan {
  const all = [...layoutBins, ...tasks.map((t) => ({ xMm: t.xMm, yMm: t.yMm, code: t.binCode }))];
  const layout = zoneLayout(all, depot);
  const lines: BatchLine[] = tasks.map((t) => ({
    lineId: t.key,
    orderRef: '-',
    xMm: t.xMm,
    yMm: t.yMm,
    locationKey: t.binId,
  }));
  const route = routeBatch(layout, lines, { seed: 1 });
  const byKey = new Map(tasks.map((t) => [t.key, t]));
  const order: SequencedPlan['order'] = [];
  for (const stop of route.stops) {
    const here = stop.lines
      .map((l) => byKey.get(l.lineId)!)
      .sort((a, b) => a.skuCode.localeCompare(b.skuCode) || a.key.localeCompare(b.key));
    for (const [i, t] of here.entries())
      order.push({ key: t.key, seq: order.length + 1, legMm: i === 0 ? Math.round(stop.legMm) : 0 });
  }
  return {
    layout,
    order,
    distanceMm: Math.round(route.distanceMm),
    sShapeDistanceMm: Math.round(route.sShapeDistanceMm),
    method: route.method,
    optimal: route.optimal,
    waypoints: route.waypoints.map((p) => ({ xMm: Math.round(p.xMm), yMm: Math.round(p.yMm) })),
  };
}
