export * from './lib/lead';
export { type FitContribution, type FitScore } from './lib/fit';
export { type IntentContribution, type IntentScore, type SignalCount } from './lib/intent';
export * from './lib/evaluation';
export * from './lib/explanation';
export * from './lib/prepared';
