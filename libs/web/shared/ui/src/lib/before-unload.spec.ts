import { askBeforeUnload } from './before-unload';

/** What a beforeunload listener touches of its event: enough to see whether the browser is told to ask. */
function unloadEvent() {
  const event = { preventDefault: jest.fn(), returnValue: undefined as unknown };
  return { event, asked: () => event.preventDefault.mock.calls.length > 0 && event.returnValue === true };
}

describe('askBeforeUnload', () => {
  it('has the browser ask only while edits are unsaved', () => {
    const unsaved = unloadEvent();
    askBeforeUnload(unsaved.event as unknown as BeforeUnloadEvent, true);
    const saved = unloadEvent();
    askBeforeUnload(saved.event as unknown as BeforeUnloadEvent, false);

    expect([unsaved.asked(), saved.asked()]).toEqual([true, false]);
  });
});
