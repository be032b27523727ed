/** The survey statistics engine: weighting and design-based estimates from sums per cell. See docs/surveys.md. */
export * from './errors';
export * from './data';
export * from './weighting';
export * from './estimate';
export { qnorm, pnorm, twoSidedP } from './normal';
