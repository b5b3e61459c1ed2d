import { render, screen } from '@testing-library/angular';

import { IssueIndex } from '../shared/document-issues';
import { ConditionEditorComponent } from './condition-editor.component';

describe('ConditionEditorComponent', () => {
  it('labels a range by its bounds and says what an empty bound means as a hint', async () => {
    await render(ConditionEditorComponent, {
      inputs: {
        field: 'employeeCount',
        condition: { kind: 'RANGE', min: 200, max: null },
        path: 'fit.criteria[0].condition',
        issues: new IssueIndex([]),
      },
    });

    const bounds = ['Employee count from', 'Employee count below'].map((label) => {
      const input = screen.getByLabelText<HTMLInputElement>(label);
      const hint = document.getElementById(input.getAttribute('aria-describedby') ?? '');
      return [label, input.value, hint?.textContent?.trim()];
    });

    expect(bounds).toEqual([
      ['Employee count from', '200', 'Empty: no minimum'],
      ['Employee count below', '', 'Empty: no maximum'],
    ]);
  });
});
