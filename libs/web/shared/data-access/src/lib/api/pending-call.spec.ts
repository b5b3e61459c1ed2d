import { PendingCall } from './pending-call';

describe('PendingCall', () => {
  it('is pending only while the call runs and clears an earlier error', async () => {
    const call = new PendingCall();
    call.error.set('earlier failure');
    let pendingDuring = false;
    const result = await call.run(() => {
      pendingDuring = call.pending();
      return Promise.resolve({ ok: true as const, value: 42 });
    });
    expect([pendingDuring, call.pending(), call.error(), result]).toEqual([
      true,
      false,
      null,
      { ok: true, value: 42 },
    ]);
  });

  it("keeps the API's message of a failed call", async () => {
    const call = new PendingCall();
    await call.run(() =>
      Promise.resolve({
        ok: false as const,
        error: { code: 'CONFLICT' as const, message: 'Already a member.', fields: [] },
      }),
    );
    expect([call.pending(), call.error()]).toEqual([false, 'Already a member.']);
  });
});
