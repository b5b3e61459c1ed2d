import { TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { fireEvent, render, screen } from '@testing-library/angular';

import { leadFormFrom } from '@accord/web/leads/data-access';
import { leadFields } from '@accord/web/leads/data-access/testing';
import { CLOCK } from '@accord/web/shared/data-access';

import { BookMeetingFormComponent } from '../detail/pipeline/meetings/book-meeting-form.component';
import { LeadFormComponent } from './lead-form.component';
import { UnsavedEdits } from './unsaved-edits';

const ANIMATIONS_OFF = { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } };

describe('UnsavedEdits', () => {
  it("counts the lead form's fields while they differ from the lead as read, and asks before leaving", async () => {
    const value = leadFormFrom(leadFields());
    const view = await render(LeadFormComponent, {
      inputs: { value, submitLabel: 'Save changes' },
      providers: [ANIMATIONS_OFF, UnsavedEdits],
    });
    const edits = TestBed.inject(UnsavedEdits);
    expect(edits.any()).toBe(false);

    fireEvent.input(screen.getByLabelText(/^Job title/), { target: { value: 'Chief of Staff' } });
    expect(edits.any()).toBe(true);
    const asked: string[] = [];
    expect(edits.mayLeave((message) => (asked.push(message), false))).toBe(false);
    expect(edits.mayLeave(() => true)).toBe(true);
    expect(asked).toEqual(['You have unsaved changes on this lead. Leave and lose them?']);

    // Saved: the lead is read again with the new title, and nothing is unsaved.
    view.fixture.componentRef.setInput('value', { ...value, title: 'Chief of Staff' });
    view.fixture.detectChanges();
    expect(edits.mayLeave(() => false)).toBe(true);
  });

  it('counts a meeting being booked until it is booked', async () => {
    const view = await render(BookMeetingFormComponent, {
      providers: [ANIMATIONS_OFF, UnsavedEdits, { provide: CLOCK, useValue: () => new Date() }],
    });
    const edits = TestBed.inject(UnsavedEdits);
    expect(edits.any()).toBe(false);

    fireEvent.input(screen.getByLabelText('Title (optional)'), { target: { value: 'Demo' } });
    expect(edits.any()).toBe(true);
    view.fixture.componentInstance.reset();
    expect(edits.any()).toBe(false);
  });

  it('forgets a section once it is gone', async () => {
    const view = await render(BookMeetingFormComponent, {
      providers: [ANIMATIONS_OFF, UnsavedEdits, { provide: CLOCK, useValue: () => new Date() }],
    });
    const edits = TestBed.inject(UnsavedEdits);
    fireEvent.input(screen.getByLabelText('Title (optional)'), { target: { value: 'Demo' } });
    view.fixture.destroy();
    expect(edits.any()).toBe(false);
  });
});
