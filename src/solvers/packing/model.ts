/**
 * Public model of the cartonisation library. Plain serialisable data; lengths in mm, weights in g,
 * money in fen. A carton's x axis is its inner length, y its inner width, z its inner height (up).
 */

export type Temperature = 'ambient' | 'chilled' | 'frozen';

export interface PackItem {
  sku: string;
  lengthMm: number;
  widthMm: number;
  heightMm: number;
  /** Weight of one unit. */
  weightG: number;
  qty: number;
  fragile?: boolean;
  /** Default `ambient`. Chilled and frozen goods go only into insulated cartons, with coolant. */
  temperature?: Temperature;
  hazardous?: boolean;
  /** Food (and every chilled or frozen item) never shares a carton with hazardous goods. */
  food?: boolean;
  /** `upright`: the item's height stays vertical (it may still turn about it); default `any`. */
  orientation?: 'any' | 'upright';
}

export interface CartonType {
  id: string;
  name?: string;
  innerLengthMm: number;
  innerWidthMm: number;
  innerHeightMm: number;
  /** Outside dimensions, used for the dimensional weight; default inner + 2 × `rules.wallMm`. */
  outerLengthMm?: number;
  outerWidthMm?: number;
  outerHeightMm?: number;
  /** Gross weight limit: contents, coolant and the carton itself. */
  maxWeightG: number;
  tareWeightG: number;
  costFen: number;
  /** Insulated (e.g. an EPS box in a carton): required for chilled and frozen goods. */
  insulated?: boolean;
}

/** Coolant packed into every carton of a cold temperature class (an ice or dry-ice pack). */
export interface CoolantSpec {
  lengthMm: number;
  widthMm: number;
  heightMm: number;
  weightG: number;
  /** Packs per carton. */
  count: number;
}

export interface PackingRules {
  /** Dimensional weight (kg) = outer volume (cm³) / divisor; 6000 is common for express in China. */
  dimDivisorCm3PerKg: number;
  /** Billable weights are rounded up to this step (g); 1 = exact. */
  billingStepG: number;
  /** Nothing heavier than this (per unit) may rest anywhere above a fragile item. */
  fragileMaxTopWeightG: number;
  /** Share of an item's base that must rest on the floor or on items below (0–1). */
  minSupportRatio: number;
  /**
   * Objective surcharge per carton, in grams of billable weight (e.g. a per-parcel first-weight fee
   * expressed as weight): 0 is the pure least-billable-weight objective; the default, 1000 g, is the
   * usual 1 kg first-weight (首重) of Chinese express tariffs, so an order is split only when that
   * saves more than a parcel's first weight.
   */
  cartonPenaltyG: number;
  /** Wall thickness used when a carton type gives no outer dimensions. */
  wallMm: number;
  coolant: { chilled: CoolantSpec; frozen: CoolantSpec };
}

export const DEFAULT_RULES: PackingRules = {
  dimDivisorCm3PerKg: 6000,
  billingStepG: 1,
  fragileMaxTopWeightG: 500,
  minSupportRatio: 0.7,
  cartonPenaltyG: 1000,
  wallMm: 5,
  coolant: {
    chilled: { lengthMm: 180, widthMm: 130, heightMm: 25, weightG: 400, count: 1 },
    frozen: { lengthMm: 180, widthMm: 130, heightMm: 25, weightG: 400, count: 2 },
  },
};

export interface PackInput {
  items: PackItem[];
  cartonTypes: CartonType[];
  rules?: Partial<PackingRules>;
}

/** Which item dimension lies along the carton's x, y and z: e.g. `WLH` = width along x, length along y. */
export type Orientation = 'LWH' | 'WLH' | 'LHW' | 'HLW' | 'WHL' | 'HWL';

export interface PlacedItem {
  sku: string;
  /** 1-based unit number within the SKU's quantity. */
  unit: number;
  xMm: number;
  yMm: number;
  zMm: number;
  /** Extent along the carton's x, y and z after rotation. */
  dxMm: number;
  dyMm: number;
  dzMm: number;
  orientation: Orientation;
}

export interface PackedCarton {
  cartonTypeId: string;
  /** The carton's inner extents along x, y and z (up) as packed: it may stand on any face. */
  innerXMm: number;
  innerYMm: number;
  innerZMm: number;
  temperature: Temperature;
  items: PlacedItem[];
  /** Coolant packs, placed like items (sku `coolant`). */
  coolant: PlacedItem[];
  /** Goods volume / inner volume × 100 (coolant excluded). */
  fillPct: number;
  grossWeightG: number;
  dimWeightG: number;
  billableWeightG: number;
  costFen: number;
}

export type UnpackedReason = 'invalid_item' | 'too_large' | 'too_heavy' | 'no_insulated_carton' | 'no_carton';

export interface UnpackedItem {
  sku: string;
  qty: number;
  reason: UnpackedReason;
}

export interface PackResult {
  cartons: PackedCarton[];
  unpacked: UnpackedItem[];
  billableWeightG: number;
  grossWeightG: number;
  costFen: number;
  /** Mean of the cartons' `fillPct` (0 with no carton). */
  meanFillPct: number;
}

export interface PackOptions {
  /** Rounds of the improvement phase (merge, move out, downsize); default 3. */
  improveRounds?: number;
}
