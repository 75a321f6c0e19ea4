/**
 * Independent checker of a packing result against its input: every unit packed once or reported,
 * geometry (inside, no overlap, support, allowed orientation), weights, the fragile, cold and
 * hazardous rules, and the reported figures. It shares no code with the packer beyond the rule
 * constants and the dimensional-weight formula.
 */
import type { Orientation, PackInput, PackItem, PackResult, PlacedItem } from './model';
import { billableG, dimWeightG, resolveRules, validItem } from './rules';

export interface PackingReport {
  ok: boolean;
  errors: string[];
}

function turned(it: { lengthMm: number; widthMm: number; heightMm: number }, o: Orientation): number[] {
  const { lengthMm: l, widthMm: w, heightMm: h } = it;
  switch (o) {
    case 'LWH':
      return [l, w, h];
    case 'WLH':
      return [w, l, h];
    case 'LHW':
      return [l, h, w];
    case 'HLW':
      return [h, l, w];
    case 'WHL':
      return [w, h, l];
    case 'HWL':
      return [h, w, l];
  }
}

const overlap = (a0: number, a1: number, b0: number, b1: number) =>
  Math.max(0, Math.min(a1, b1) - Math.max(a0, b0));

export function checkPacking(input: PackInput, result: PackResult): PackingReport {
  const rules = resolveRules(input.rules);
  const errors: string[] = [];
  const items = new Map<string, PackItem>();
  for (const it of input.items) items.set(it.sku, it);
  const types = new Map(input.cartonTypes.map((c) => [c.id, c]));
  const seen = new Map<string, number>();
  let billable = 0;

  result.cartons.forEach((c, ci) => {
    const where = `carton ${ci + 1} (${c.cartonTypeId})`;
    const type = types.get(c.cartonTypeId);
    if (!type) {
      errors.push(`${where}: unknown carton type`);
      return;
    }
    const inner = [type.innerLengthMm, type.innerWidthMm, type.innerHeightMm].sort((a, b) => a - b);
    const laid = [c.innerXMm, c.innerYMm, c.innerZMm].sort((a, b) => a - b);
    if (inner.some((v, i) => v !== laid[i]))
      errors.push(`${where}: stands with extents that are not the carton's`);
    const boxes: { p: PlacedItem; weightG: number; fragile: boolean; what: string }[] = [];
    let goodsVolume = 0;
    let hazardous = false;
    let sensitive = false;
    for (const p of c.items) {
      const it = items.get(p.sku);
      const what = `${p.sku}#${p.unit}`;
      if (!it) {
        errors.push(`${where}: unknown SKU ${p.sku}`);
        continue;
      }
      const key = `${p.sku}#${p.unit}`;
      seen.set(key, (seen.get(key) ?? 0) + 1);
      if (p.unit < 1 || p.unit > it.qty) errors.push(`${where}: ${what} is beyond the ordered quantity`);
      const dims = turned(it, p.orientation);
      if (dims[0] !== p.dxMm || dims[1] !== p.dyMm || dims[2] !== p.dzMm)
        errors.push(`${where}: ${what} extents do not match orientation ${p.orientation}`);
      if (it.orientation === 'upright' && p.orientation !== 'LWH' && p.orientation !== 'WLH')
        errors.push(`${where}: ${what} must stay upright`);
      const t = it.temperature ?? 'ambient';
      if (t !== c.temperature) errors.push(`${where}: ${what} is ${t} in a ${c.temperature} carton`);
      if (it.hazardous) hazardous = true;
      else if (it.food || t !== 'ambient') sensitive = true;
      goodsVolume += it.lengthMm * it.widthMm * it.heightMm;
      boxes.push({ p, weightG: it.weightG, fragile: !!it.fragile, what });
    }
    if (hazardous && sensitive) errors.push(`${where}: hazardous goods packed with food or cold goods`);
    if (c.temperature !== 'ambient') {
      if (!type.insulated) errors.push(`${where}: ${c.temperature} goods in a carton that is not insulated`);
      const spec = rules.coolant[c.temperature];
      if (c.coolant.length !== spec.count)
        errors.push(`${where}: ${c.coolant.length} coolant packs, ${spec.count} required`);
      for (const p of c.coolant) {
        const dims = turned(
          { lengthMm: spec.lengthMm, widthMm: spec.widthMm, heightMm: spec.heightMm },
          p.orientation,
        );
        if (dims[0] !== p.dxMm || dims[1] !== p.dyMm || dims[2] !== p.dzMm)
          errors.push(`${where}: coolant extents do not match its orientation`);
        boxes.push({ p, weightG: spec.weightG, fragile: false, what: 'coolant' });
      }
    } else if (c.coolant.length) errors.push(`${where}: coolant in an ambient carton`);

    for (const b of boxes) {
      const { p } = b;
      if (
        p.xMm < 0 ||
        p.yMm < 0 ||
        p.zMm < 0 ||
        p.xMm + p.dxMm > c.innerXMm ||
        p.yMm + p.dyMm > c.innerYMm ||
        p.zMm + p.dzMm > c.innerZMm
      )
        errors.push(`${where}: ${b.what} sticks out of the carton`);
    }
    for (let i = 0; i < boxes.length; i++) {
      const a = boxes[i].p;
      let support = 0;
      for (let j = 0; j < boxes.length; j++) {
        if (i === j) continue;
        const o = boxes[j].p;
        const fx = overlap(a.xMm, a.xMm + a.dxMm, o.xMm, o.xMm + o.dxMm);
        const fy = overlap(a.yMm, a.yMm + a.dyMm, o.yMm, o.yMm + o.dyMm);
        if (!fx || !fy) continue;
        if (j > i && overlap(a.zMm, a.zMm + a.dzMm, o.zMm, o.zMm + o.dzMm) > 0)
          errors.push(`${where}: ${boxes[i].what} overlaps ${boxes[j].what}`);
        if (o.zMm + o.dzMm === a.zMm) support += fx * fy;
        if (boxes[j].fragile && o.zMm + o.dzMm <= a.zMm && boxes[i].weightG > rules.fragileMaxTopWeightG)
          errors.push(
            `${where}: ${boxes[i].what} (${boxes[i].weightG} g) rests above fragile ${boxes[j].what}`,
          );
      }
      if (a.zMm > 0 && support < rules.minSupportRatio * a.dxMm * a.dyMm - 1e-6)
        errors.push(`${where}: ${boxes[i].what} is not supported`);
    }

    const gross = type.tareWeightG + boxes.reduce((s, b) => s + b.weightG, 0);
    if (gross !== c.grossWeightG)
      errors.push(`${where}: gross weight ${c.grossWeightG} g, expected ${gross} g`);
    if (gross > type.maxWeightG)
      errors.push(`${where}: ${gross} g exceeds the limit of ${type.maxWeightG} g`);
    const dim = dimWeightG(type, rules);
    if (dim !== c.dimWeightG)
      errors.push(`${where}: dimensional weight ${c.dimWeightG} g, expected ${dim} g`);
    const bill = billableG(gross, dim, rules);
    if (bill !== c.billableWeightG)
      errors.push(`${where}: billable ${c.billableWeightG} g, expected ${bill} g`);
    const fill = (100 * goodsVolume) / (type.innerLengthMm * type.innerWidthMm * type.innerHeightMm);
    if (Math.abs(fill - c.fillPct) > 1e-6) errors.push(`${where}: fill ${c.fillPct} %, expected ${fill} %`);
    if (c.costFen !== type.costFen) errors.push(`${where}: cost ${c.costFen}, expected ${type.costFen}`);
    if (!c.items.length) errors.push(`${where}: empty carton`);
    billable += bill;
  });

  for (const [key, n] of seen) if (n > 1) errors.push(`${key} is packed ${n} times`);
  const unpackedQty = new Map<string, number>();
  for (const u of result.unpacked) unpackedQty.set(u.sku, (unpackedQty.get(u.sku) ?? 0) + u.qty);
  const ordered = new Map<string, number>();
  for (const it of input.items)
    ordered.set(it.sku, (ordered.get(it.sku) ?? 0) + (validItem(it) ? it.qty : 0));
  for (const it of input.items) {
    if (!validItem(it)) {
      if (it.qty > 0 && !result.unpacked.some((u) => u.sku === it.sku && u.reason === 'invalid_item'))
        errors.push(`${it.sku} is invalid but not reported`);
      continue;
    }
    let packed = 0;
    for (let k = 1; k <= it.qty; k++) if (seen.has(`${it.sku}#${k}`)) packed++;
    const reported = unpackedQty.get(it.sku) ?? 0;
    if (packed + reported !== ordered.get(it.sku))
      errors.push(`${it.sku}: ${packed} packed + ${reported} reported ≠ ${ordered.get(it.sku)} ordered`);
  }
  if (billable !== result.billableWeightG)
    errors.push(`total billable ${result.billableWeightG} g, expected ${billable} g`);
  return { ok: errors.length === 0, errors };
}
