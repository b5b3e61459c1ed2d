import { WorkspaceShareTimeout, WorkspaceShares } from './workspace-shares';

/** A piece of work that runs until the test ends it. */
function gate(): { promise: Promise<void>; open: () => void } {
  let open = () => undefined as void;
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('WorkspaceShares', () => {
  it("runs a workspace's work up to its limit, queues the rest in order, and never holds up another workspace", async () => {
    const shares = new WorkspaceShares(2, 10_000);
    const gates = [gate(), gate(), gate(), gate()];
    const started: number[] = [];
    const noisy = gates.map((each, index) =>
      shares.run('noisy', async () => {
        started.push(index);
        await each.promise;
      }),
    );
    await tick();
    expect(started).toEqual([0, 1]);
    expect(shares.load('noisy')).toEqual({ running: 2, waiting: 2 });

    expect(await shares.run('quiet', () => Promise.resolve('at once'))).toBe('at once');

    gates[1].open();
    await tick();
    expect(started).toEqual([0, 1, 2]);
    gates[0].open();
    gates[2].open();
    gates[3].open();
    await Promise.all(noisy);
    expect(started).toEqual([0, 1, 2, 3]);
    expect(shares.load('noisy')).toEqual({ running: 0, waiting: 0 });
  });

  it('lets work opened inside the same workspace’s work run without a second share', async () => {
    const shares = new WorkspaceShares(1, 50);

    const result = await shares.run('ws', () => shares.run('ws', () => Promise.resolve('nested')));

    expect(result).toBe('nested');
  });

  it('gives up waiting after the wait limit with too_many_connections, which the API answers 503', async () => {
    const shares = new WorkspaceShares(1, 20);
    const held = gate();
    const holding = shares.run('ws', () => held.promise);

    const waited = await shares.run('ws', () => Promise.resolve()).catch((error: unknown) => error);

    expect(waited).toBeInstanceOf(WorkspaceShareTimeout);
    expect((waited as WorkspaceShareTimeout).code).toBe('53300');
    expect(shares.load('ws')).toEqual({ running: 1, waiting: 0 });
    held.open();
    await holding;
    expect(shares.load('ws')).toEqual({ running: 0, waiting: 0 });
  });
});
