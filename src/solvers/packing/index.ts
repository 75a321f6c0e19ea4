/** Public API of the cartonisation library (pure: no I/O, no clock, no global randomness). */
export { CHINA_EXPRESS_CARTON_SET, CHINA_POSTAL_CARTONS, INSULATED_BOXES } from './cartons';
export { checkPacking, type PackingReport } from './check';
export { CATALOGUE, generateOrder, generateOrders } from './generate';
export * from './model';
export { packOrder, packSmallestSingleBox } from './pack';
