import type { AgreementDocument } from '@accord/domain/agreement';

import { starter } from '../../testing/fixtures';
import {
  dateInputValue,
  dateText,
  emptyCondition,
  instantOfDate,
  listEdits,
  unusedKey,
  withField,
} from './editing';
import { switchRouting } from './routing-section.component';

describe('withField', () => {
  it('keeps the condition when the new field takes the same kind, else starts an empty one', () => {
    const industry = starter().fit.criteria[4];

    expect(withField(industry, 'country').condition).toEqual(industry.condition);
    expect(withField(industry, 'employeeCount').condition).toEqual({ kind: 'RANGE', min: null, max: null });
    expect(withField(industry, 'title').condition).toEqual({ kind: 'CONTAINS_ANY', keywords: [] });
    expect(withField(industry, 'budgetAuthority').condition).toEqual(emptyCondition('IS'));
  });
});

describe('unusedKey', () => {
  it('numbers past the keys already taken', () => {
    expect(unusedKey('kpi', [{ key: 'kpi-3' }, { key: 'x' }, { key: 'kpi-4' }])).toBe('kpi-5');
    expect(unusedKey('kpi', [])).toBe('kpi-1');
  });
});

describe('switchRouting', () => {
  it('keeps the team when switching to territories and back', () => {
    const territories = switchRouting({ mode: 'ROUND_ROBIN', memberIds: ['a', 'b'] }, 'TERRITORY');

    expect(territories).toEqual({
      mode: 'TERRITORY',
      territories: [{ key: 'territory-1', label: '', countries: [], memberIds: ['a', 'b'] }],
      fallbackMemberIds: ['a', 'b'],
    });
    expect(
      switchRouting(
        {
          mode: 'TERRITORY',
          territories: [{ key: 'emea', label: 'EMEA', countries: ['DE'], memberIds: ['c'] }],
          fallbackMemberIds: ['a', 'c'],
        },
        'ROUND_ROBIN',
      ),
    ).toEqual({ mode: 'ROUND_ROBIN', memberIds: ['c', 'a'] });
  });
});

describe('date inputs', () => {
  it('turn a day into its local midnight and back', () => {
    const instant = instantOfDate('2026-04-01');

    expect(instant).not.toBeNull();
    expect(dateInputValue(instant)).toBe('2026-04-01');
    expect([instantOfDate(''), dateInputValue(null)]).toEqual([null, '']);
  });

  it('write the chosen day as the rest of the app writes dates', () => {
    expect(dateText(instantOfDate('2026-11-27')!)).toBe('27 Nov 2026');
  });
});

describe('listEdits', () => {
  /** A draft store's edit: each edit works on a copy, as AgreementDraftStore's does. */
  function store(document: AgreementDocument) {
    const state = { document, edits: 0 };
    return {
      state,
      edit(recipe: (draft: AgreementDocument) => void) {
        const next = structuredClone(state.document);
        recipe(next);
        state.document = next;
        state.edits++;
      },
    };
  }

  it("changes an item's fields, removes one and appends one, each as one edit of the document", () => {
    const draft = store(starter());
    const reasons = listEdits(draft, (document) => document.rejectionReasons);
    const before = draft.state.document.rejectionReasons;

    reasons.change(0, { label: 'Wrong person' });
    expect(draft.state.document.rejectionReasons[0]).toEqual({ ...before[0], label: 'Wrong person' });

    reasons.remove(1);
    expect(draft.state.document.rejectionReasons.map((reason) => reason.key)).toEqual(
      [before[0], ...before.slice(2)].map((reason) => reason.key),
    );

    reasons.add((items) => ({
      key: unusedKey('reason', items),
      label: '',
      consequence: 'DISQUALIFY',
      recycleAfterDays: null,
    }));
    expect(draft.state.document.rejectionReasons.at(-1)?.key).toBe(`reason-${before.length}`);
    expect(draft.state.edits).toBe(3);
  });

  it('edits nothing when the list is not there (territories under round-robin)', () => {
    const draft = store(starter());
    const territories = listEdits(draft, (document) =>
      document.handover.routing.mode === 'TERRITORY' ? document.handover.routing.territories : [],
    );
    const routing = draft.state.document.handover.routing;

    territories.add(() => ({ key: 't', label: 'T', countries: [], memberIds: [] }));

    expect(routing.mode).toBe('ROUND_ROBIN');
    expect(draft.state.document.handover.routing).toEqual(routing);
  });
});
