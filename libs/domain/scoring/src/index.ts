export * from './lib/lead';
export { criterionMatches, matcherFor } from './lib/criterion-match';
export { type FitContribution, type FitScore } from './lib/fit';
export { type IntentContribution, type IntentScore, type SignalCount } from './lib/intent';
export * from './lib/evaluation';
export * from './lib/explanation';
export * from './lib/prepared';
