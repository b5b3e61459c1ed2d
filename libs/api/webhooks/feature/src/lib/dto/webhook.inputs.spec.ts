import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';

import {
  CreateWebhookEndpointInput,
  UpdateWebhookEndpointInput,
  WebhookDeliveriesArgs,
} from './webhook.inputs';

function problems<T extends object>(type: new () => T, plain: object): string[] {
  return validateSync(plainToInstance(type, plain), { whitelist: true, forbidNonWhitelisted: true }).map(
    (error) => error.property,
  );
}

describe('webhook inputs', () => {
  it('accepts an endpoint with known, distinct events', () => {
    expect(
      problems(CreateWebhookEndpointInput, {
        url: 'https://crm.example.com/hooks',
        events: ['handover.created', 'agreement.published'],
        description: 'CRM',
      }),
    ).toEqual([]);
  });

  it('refuses no events, unknown or repeated events, a long URL and unknown fields', () => {
    expect([
      problems(CreateWebhookEndpointInput, { url: 'https://x.example', events: [] }),
      problems(CreateWebhookEndpointInput, { url: 'https://x.example', events: ['lead.created'] }),
      problems(CreateWebhookEndpointInput, {
        url: 'https://x.example',
        events: ['handover.created', 'handover.created'],
      }),
      problems(CreateWebhookEndpointInput, {
        url: `https://x.example/${'a'.repeat(2000)}`,
        events: ['handover.created'],
      }),
      problems(CreateWebhookEndpointInput, {
        url: 'https://x.example',
        events: ['handover.created'],
        secret: 'mine',
      }),
    ]).toEqual([['events'], ['events'], ['events'], ['url'], ['secret']]);
  });

  it('says in words what is wrong with the events', () => {
    const messages = (events: string[]) =>
      validateSync(plainToInstance(CreateWebhookEndpointInput, { url: 'https://x.example', events })).flatMap(
        (error) => Object.values(error.constraints ?? {}),
      );
    expect(messages([])).toEqual(['must name at least one event']);
    expect(messages(['handover.created', 'handover.created'])).toEqual(['must not name an event twice']);
  });

  it('refuses control characters in a description, tabs and line breaks included: it is one line', () => {
    const described = (description: string) => ({
      url: 'https://x.example',
      events: ['handover.created'],
      description,
    });
    expect([
      problems(CreateWebhookEndpointInput, described('CRM – EU, “prod”')),
      problems(CreateWebhookEndpointInput, described('ring\u0007')),
      problems(CreateWebhookEndpointInput, described('\u001b[2Jcleared')),
      problems(CreateWebhookEndpointInput, described('two\nlines')),
      problems(CreateWebhookEndpointInput, described('del\u007f')),
      problems(UpdateWebhookEndpointInput, { description: 'tab\there' }),
    ]).toEqual([[], ['description'], ['description'], ['description'], ['description'], ['description']]);
  });

  it('lets an update leave every field out', () => {
    expect([
      problems(UpdateWebhookEndpointInput, {}),
      problems(UpdateWebhookEndpointInput, { events: [] }),
    ]).toEqual([[], ['events']]);
  });

  it('bounds a page of deliveries and checks its filters', () => {
    expect([
      problems(WebhookDeliveriesArgs, { first: 100 }),
      problems(WebhookDeliveriesArgs, { first: 101 }),
      problems(WebhookDeliveriesArgs, { first: 10, status: 'LOST', endpointId: 'not-a-uuid' }),
    ]).toEqual([[], ['first'], ['status', 'endpointId']]);
  });
});
