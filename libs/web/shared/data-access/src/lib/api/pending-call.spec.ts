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

  it('sends no second call while one is under way, and the second never settles: a double click is one submit', async () => {
    const call = new PendingCall();
    let sent = 0;
    let answer = (_value: { ok: true; value: number }) => undefined as void;
    const first = call.run(() => {
      sent++;
      return new Promise<{ ok: true; value: number }>((resolve) => (answer = resolve));
    });
    let secondSettled = false;
    void call
      .run(() => {
        sent++;
        return Promise.resolve({ ok: true as const, value: 2 });
      })
      .then(() => (secondSettled = true));

    answer({ ok: true, value: 1 });
    expect(await first).toEqual({ ok: true, value: 1 });
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect([sent, secondSettled, call.pending()]).toEqual([1, false, false]);
    // Once the first has answered, the next submit is sent.
    expect(await call.run(() => Promise.resolve({ ok: true as const, value: 3 }))).toEqual({
      ok: true,
      value: 3,
    });
  });
});
