export * from './lib/accept-invitation.page';
