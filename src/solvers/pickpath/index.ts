/** Public API of the picker-routing library (pure: no I/O, no clock, no global randomness). */
export {
  type BinPosition,
  type GeneratedLayout,
  type GeneratedLayoutSpec,
  generateLayout,
  generatePickList,
  type LayoutFromBinsOptions,
  layoutFromBins,
} from './layout';
export * from './model';
export { exactTourLength, routeBatch, routePicks } from './route';
