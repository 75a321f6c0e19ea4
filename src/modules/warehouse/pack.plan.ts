import {
  type CartonType,
  CHINA_EXPRESS_CARTON_SET,
  DEFAULT_RULES,
  type PackItem,
  packOrder,
  type Temperature,
} from '../../solvers/packing';

/** Carton type of goods shipped in their own packaging (too big or heavy for any carton). */
export const OWN_PACKAGING = 'OWN';

/** The carton set the packing stations stock (the solver's Chinese express set). */
export const CARTON_TYPES: readonly CartonType[] = CHINA_EXPRESS_CARTON_SET;

export const cartonById = (id: string): CartonType | undefined => CARTON_TYPES.find((c) => c.id === id);

/** Outside dimensions of a carton (given, or inner plus the walls). */
export function outerOf(c: CartonType): { lengthMm: number; widthMm: number; heightMm: number } {
  const wall = 2 * DEFAULT_RULES.wallMm;
  return {
    lengthMm: c.outerLengthMm ?? c.innerLengthMm + wall,
    widthMm: c.outerWidthMm ?? c.innerWidthMm + wall,
    heightMm: c.outerHeightMm ?? c.innerHeightMm + wall,
  };
}

/** What packing needs to know about a SKU (catalog facts). */
export interface PackSku {
  id: string;
  code: string;
  lengthMm: number;
  widthMm: number;
  heightMm: number;
  weightG: number;
  storageClass: string;
  hazardClass?: string | null;
}

/**
 * The solver's items for an order: dimensions and weight from the catalog; chilled and frozen goods
 * travel cold (insulated box with coolant) and count as food; the `fragile` storage class is fragile
 * (nothing heavy on top, kept upright); the `hazardous` class or a UN hazard class is hazardous
 * (never with food).
 */
export function packItemsOf(
  lines: ReadonlyArray<{ skuId: string; qty: number }>,
  skus: ReadonlyMap<string, PackSku>,
): PackItem[] {
  const bySku = new Map<string, number>();
  for (const l of lines) if (l.qty > 0) bySku.set(l.skuId, (bySku.get(l.skuId) ?? 0) + l.qty);
  return [...bySku].map(([skuId, qty]) => {
    const s = skus.get(skuId);
    if (!s) throw new RangeError(`unknown SKU ${skuId}`);
    const cold: Temperature | null =
      s.storageClass === 'chilled' || s.storageClass === 'frozen' ? s.storageClass : null;
    return {
      sku: skuId,
      lengthMm: s.lengthMm,
      widthMm: s.widthMm,
      heightMm: s.heightMm,
      weightG: s.weightG,
      qty,
      temperature: cold ?? 'ambient',
      food: !!cold,
      fragile: s.storageClass === 'fragile',
      hazardous: s.storageClass === 'hazardous' || !!s.hazardClass,
      orientation: s.storageClass === 'fragile' ? 'upright' : 'any',
    };
  });
}

export interface PlannedPackage {
  cartonTypeId: string;
  temperature: Temperature;
  items: Array<{ skuId: string; qty: number }>;
  coolantPacks: number;
  lengthMm: number;
  widthMm: number;
  heightMm: number;
  grossWeightG: number;
  fillPct: number;
}

const countItems = (units: ReadonlyArray<{ sku: string }>) => {
  const m = new Map<string, number>();
  for (const u of units) m.set(u.sku, (m.get(u.sku) ?? 0) + 1);
  return [...m].map(([skuId, qty]) => ({ skuId, qty }));
};

/**
 * Cartonisation of an order (装箱方案): the solver picks cartons by 3-D fit, weight limit, fragile
 * and cold rules and the least billable (dimensional) weight. Goods no carton takes ship one unit per
 * parcel in their own packaging.
 */
export function proposePackages(
  items: readonly PackItem[],
  cartonTypes: readonly CartonType[] = CARTON_TYPES,
): PlannedPackage[] {
  const result = packOrder({ items: [...items], cartonTypes: [...cartonTypes] });
  const out: PlannedPackage[] = result.cartons.map((c) => {
    const type = cartonTypes.find((t) => t.id === c.cartonTypeId)!;
    return {
      cartonTypeId: c.cartonTypeId,
      temperature: c.temperature,
      items: countItems(c.items),
      coolantPacks: c.coolant.length,
      ...outerOf(type),
      grossWeightG: Math.round(c.grossWeightG),
      fillPct: Math.round(c.fillPct),
    };
  });
  for (const u of result.unpacked) {
    const item = items.find((i) => i.sku === u.sku)!;
    for (let k = 0; k < u.qty; k++)
      out.push({
        cartonTypeId: OWN_PACKAGING,
        temperature: item.temperature ?? 'ambient',
        items: [{ skuId: u.sku, qty: 1 }],
        coolantPacks: 0,
        lengthMm: item.lengthMm,
        widthMm: item.widthMm,
        heightMm: item.heightMm,
        grossWeightG: item.weightG,
        fillPct: 100,
      });
  }
  return out;
}

/**
 * The package's contents in another carton type (the packer's choice): it must take them all in
 * one carton under the same rules; null when it does not.
 */
export function refitPackage(items: readonly PackItem[], cartonTypeId: string): PlannedPackage | null {
  const type = cartonById(cartonTypeId);
  if (!type) return null;
  const [only, ...more] = proposePackages(items, [type]);
  return only && !more.length && only.cartonTypeId === cartonTypeId ? only : null;
}
