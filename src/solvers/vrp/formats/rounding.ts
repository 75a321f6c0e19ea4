/** Distance conventions of the public benchmark sets. */
export type Rounding = 'exact' | 'nint' | 'trunc1';

export const roundingFn = (rounding: Rounding): ((d: number) => number) => {
  switch (rounding) {
    case 'nint':
      return (d) => Math.floor(d + 0.5);
    case 'trunc1':
      return (d) => Math.floor(10 * d) / 10;
    default:
      return (d) => d;
  }
};
