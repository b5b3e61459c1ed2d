export * from './lib/model';
export * from './lib/wilson';
export * from './lib/calendar';
export * from './lib/tallies';
export * from './lib/point-in-time';
export * from './lib/accumulator';
export * from './lib/result';
export * from './lib/inputs';
