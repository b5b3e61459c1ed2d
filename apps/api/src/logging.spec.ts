import { loggedUrl } from '@accord/api/shared/observability';

describe('the URL a request log keeps', () => {
  it("leaves out a one-time link's token wherever it stands, and keeps the rest", () => {
    expect([
      loggedUrl('/reset-password?token=abc-DEF_123'),
      loggedUrl('/accept-invitation?from=mail&token=abc&x=1'),
      loggedUrl('/api/v1/imports/leads?dryRun=true&fileName=crm.csv'),
      loggedUrl('/graphql'),
    ]).toEqual([
      '/reset-password?token=[redacted]',
      '/accept-invitation?from=mail&token=[redacted]&x=1',
      '/api/v1/imports/leads?dryRun=true&fileName=crm.csv',
      '/graphql',
    ]);
  });
});
