import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { fireEvent, render, screen } from '@testing-library/angular';

import { MemberListComponent } from './member-list.component';

const SALES = [
  { id: 'sam-id', name: 'Sam Sales' },
  { id: 'rex-id', name: 'Rex Rep' },
];

async function renderList() {
  const idsChange = jest.fn();
  await render(MemberListComponent, {
    inputs: {
      label: 'Sales team',
      ids: ['sam-id'],
      candidates: SALES,
      people: new Map([['sam-id', 'Sam Sales']]),
    },
    on: { idsChange },
    providers: [{ provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } }],
  });
  const type = (text: string) => {
    const input = screen.getByRole('textbox', { name: 'Type a name to add to Sales team' });
    fireEvent.input(input, { target: { value: text } });
    fireEvent.keyDown(input, { key: 'Enter', keyCode: 13 });
  };
  return { idsChange, type };
}

describe('MemberListComponent', () => {
  it('adds a member typed by name, in any case, as their id', async () => {
    const { idsChange, type } = await renderList();

    type('rex rep');

    expect(idsChange).toHaveBeenLastCalledWith(['sam-id', 'rex-id']);
  });

  it('names its text box apart from the picker beside it', async () => {
    await renderList();

    expect(screen.getByRole('textbox', { name: 'Type a name to add to Sales team' })).toBeTruthy();
    expect(screen.getByRole('combobox', { name: 'Add to sales team' })).toBeTruthy();
  });

  it('leaves out a name no sales member has, and says to choose from the list', async () => {
    const { idsChange, type } = await renderList();

    type('Sam');

    expect(idsChange).not.toHaveBeenCalled();
    expect(
      await screen.findByText('No sales member here is called “Sam”: choose one under Add to sales team.'),
    ).toBeTruthy();
  });
});
