import { sentence } from '@accord/web/shared/data-access';

import { leadFields } from '../testing/leads';
import { ownerLabel, toLeadRow } from './lead-row';
import { leadName, signedPoints, typeLabel, wholeScore } from './lead-wording';

const SELF = '00000000-0000-4000-8000-0000000000a2';
const SAM = '00000000-0000-4000-8000-0000000000a3';

describe('toLeadRow', () => {
  it('words the scores, stage, owner and version for the table', () => {
    expect(toLeadRow(leadFields({ ownerId: SAM }), [{ id: SAM, name: 'Sam Sales' }], SELF)).toEqual({
      id: '00000000-0000-4000-8000-000000000001',
      name: 'Ada Lovelace',
      email: 'ada@acme.test',
      company: 'Acme',
      // 81.6 read as the grade's threshold reads it: rounded down.
      fit: '81 · A',
      intent: '44 · Hot',
      stage: 'MQL',
      owner: 'Sam Sales',
      version: 'v1',
    });
  });

  it('says so when a lead is not scored and has no name or company', () => {
    const lead = leadFields({
      firstName: null,
      lastName: null,
      companyName: null,
      companyDomain: null,
      evaluation: null,
      stage: 'NURTURE',
    });

    expect(toLeadRow(lead, [], SELF)).toMatchObject({
      name: 'ada@acme.test',
      company: '—',
      fit: 'Not scored',
      intent: 'Not scored',
      stage: 'Nurture',
      owner: 'Unassigned',
      version: '—',
    });
  });
});

describe('ownerLabel', () => {
  it('names the signed-in member as themselves, and others only when they are known', () => {
    expect([
      ownerLabel(SELF, [], SELF),
      ownerLabel(SELF, [{ id: SELF, name: 'Mia Marketing' }], SELF),
      ownerLabel(SAM, [], SELF),
      ownerLabel(null, [], SELF),
    ]).toEqual(['You', 'Mia Marketing (you)', 'Another member', 'Unassigned']);
  });
});

describe('wording', () => {
  it('signs points with a real minus and rounds them', () => {
    expect([signedPoints(20), signedPoints(-30.4), signedPoints(-0.2), signedPoints(0)]).toEqual([
      '+20',
      '\u221230',
      '\u22120',
      '+0',
    ]);
  });

  it('turns a signal type into words', () => {
    expect(typeLabel('PRICING_PAGE_VISIT')).toBe('Pricing page visit');
  });

  it('names a lead by first and last name, else by e-mail', () => {
    expect([
      leadName({ firstName: 'Ada', lastName: null, email: 'a@x.test' }),
      leadName({ firstName: ' ', lastName: null, email: 'a@x.test' }),
    ]).toEqual(['Ada', 'a@x.test']);
  });

  it("makes the API's field problems read as sentences", () => {
    expect([sentence('must be an e-mail address'), sentence('Already done.')]).toEqual([
      'Must be an e-mail address.',
      'Already done.',
    ]);
  });
});

describe('wholeScore', () => {
  it('rounds down, so a score just under a whole threshold never reads as at it', () => {
    expect([59.99, 60, 81.6, 99.99999999999999, 0].map(wholeScore)).toEqual(['59', '60', '81', '99', '0']);
  });
});
