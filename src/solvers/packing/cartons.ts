/**
 * A carton set like the ones Chinese express and e-commerce warehouses stock: the twelve standard
 * postal carton sizes (邮政纸箱 1–12 号, dimensions as commonly published, used here as inner
 * dimensions) in three-ply corrugated board, and four insulated boxes (EPS foam box inside a carton,
 * 泡沫保温箱) for chilled and frozen goods. Tare weights are estimated from the board area (≈ 450 g/m²
 * with 15 % for flaps); costs are typical purchase prices in fen. Real warehouses replace this with
 * their own list.
 */
import type { CartonType } from './model';

const postal: [number, number, number, number, number, number, number][] = [
  // no, L, W, H (inner mm), tare g, max gross g, cost fen
  [1, 530, 290, 370, 473, 25_000, 350],
  [2, 530, 230, 290, 354, 25_000, 260],
  [3, 430, 210, 270, 272, 25_000, 200],
  [4, 350, 190, 230, 197, 15_000, 140],
  [5, 290, 170, 190, 141, 15_000, 100],
  [6, 260, 150, 180, 117, 15_000, 80],
  [7, 230, 130, 160, 91, 10_000, 65],
  [8, 210, 110, 140, 70, 10_000, 50],
  [9, 195, 105, 135, 63, 10_000, 45],
  [10, 175, 95, 115, 49, 5000, 38],
  [11, 145, 85, 105, 38, 5000, 30],
  [12, 130, 80, 90, 30, 5000, 25],
];

export const CHINA_POSTAL_CARTONS: CartonType[] = postal.map(([no, l, w, h, tare, max, cost]) => ({
  id: `P${no}`,
  name: `${no}号纸箱`,
  innerLengthMm: l,
  innerWidthMm: w,
  innerHeightMm: h,
  maxWeightG: max,
  tareWeightG: tare,
  costFen: cost,
}));

const insulated: [string, string, number, number, number, number, number, number][] = [
  // id, name, L, W, H (inner mm), tare g, max gross g, cost fen; walls 30 mm (EPS + board)
  ['I-S', '小号保温箱', 250, 170, 150, 350, 8000, 450],
  ['I-M', '中号保温箱', 330, 230, 200, 550, 12_000, 650],
  ['I-L', '大号保温箱', 420, 290, 250, 850, 20_000, 900],
  ['I-XL', '特大号保温箱', 500, 360, 300, 1200, 25_000, 1200],
];

export const INSULATED_BOXES: CartonType[] = insulated.map(([id, name, l, w, h, tare, max, cost]) => ({
  id,
  name,
  innerLengthMm: l,
  innerWidthMm: w,
  innerHeightMm: h,
  outerLengthMm: l + 60,
  outerWidthMm: w + 60,
  outerHeightMm: h + 60,
  maxWeightG: max,
  tareWeightG: tare,
  costFen: cost,
  insulated: true,
}));

/** The postal cartons and the insulated boxes together. */
export const CHINA_EXPRESS_CARTON_SET: CartonType[] = [...CHINA_POSTAL_CARTONS, ...INSULATED_BOXES];
