export * from './lib/handover-queue.store';
export * from './lib/handover-wording';
export * from './lib/lead-handovers.store';
export * from './lib/rejection-feedback';
export * from './lib/rejection-feedback.store';
export * from './lib/sales-members.store';
export * from './lib/queue-link';
