import { loadConfig } from './app-config';
import { PollingJob } from './polling-job';

/** A job whose pass visits the given workspaces, failing in those named. */
class VisitingJob extends PollingJob {
  readonly visited: string[] = [];

  constructor(
    private readonly workspaces: string[],
    private readonly failIn: string[],
  ) {
    super(loadConfig({ SEED_DEMO: 'false', JOBS_POLL_MS: '0' }));
    this.logger.error = () => undefined;
  }

  drain(): Promise<number> {
    return this.forEachWorkspace(this.workspaces, (workspaceId) => {
      if (this.failIn.includes(workspaceId)) return Promise.reject(new Error(`cannot reach ${workspaceId}`));
      this.visited.push(workspaceId);
      return Promise.resolve(2);
    });
  }
}

describe('PollingJob.forEachWorkspace', () => {
  it('adds up the work of every workspace', async () => {
    const job = new VisitingJob(['a', 'b', 'c'], []);
    await expect(job.drain()).resolves.toBe(6);
    expect(job.visited).toEqual(['a', 'b', 'c']);
  });

  it('goes on past a failing workspace, then fails the pass naming the first failure', async () => {
    const job = new VisitingJob(['a', 'b', 'c', 'd'], ['a', 'c']);
    await expect(job.drain()).rejects.toThrow('2 workspace(s) failed, the first (a): cannot reach a');
    expect(job.visited).toEqual(['b', 'd']);
  });

  it('stops between workspaces once the app shuts down', async () => {
    const job = new VisitingJob(['a', 'b'], []);
    await job.beforeApplicationShutdown();
    await expect(job.drain()).resolves.toBe(0);
    expect(job.visited).toEqual([]);
  });
});

/** A job whose passes the test starts and ends by hand. */
class ManualJob extends PollingJob {
  readonly errors: unknown[] = [];

  constructor() {
    super(loadConfig({ SEED_DEMO: 'false', JOBS_POLL_MS: '0' }));
    this.logger.error = (error: unknown) => void this.errors.push(error);
  }

  drain(): Promise<number> {
    return Promise.resolve(0);
  }

  start(pass: () => Promise<unknown>): Promise<boolean> {
    return this.startPass(pass);
  }
}

describe('PollingJob.startPass', () => {
  it('runs one pass at a time in the process, and says which callers started one', async () => {
    const job = new ManualJob();
    let end: () => void = () => undefined;
    const first = job.start(() => new Promise<void>((resolve) => (end = resolve)));
    const second = job.start(() => Promise.resolve());
    end();
    await expect(Promise.all([first, second])).resolves.toEqual([true, false]);
    await expect(job.start(() => Promise.resolve())).resolves.toBe(true);
  });

  it('logs a failing pass instead of rejecting, and frees the job for the next one', async () => {
    const job = new ManualJob();
    await expect(job.start(() => Promise.reject(new Error('database down')))).resolves.toBe(true);
    expect(job.errors).toEqual([new Error('database down')]);
    await job.settled();
    await expect(job.start(() => Promise.resolve())).resolves.toBe(true);
  });

  it('starts nothing once the app shuts down, and shutdown waits for the running pass', async () => {
    const job = new ManualJob();
    let finished = false;
    void job.start(async () => {
      await new Promise((resolve) => setTimeout(resolve, 20));
      finished = true;
    });
    await job.beforeApplicationShutdown();
    expect(finished).toBe(true);
    await expect(job.start(() => Promise.resolve())).resolves.toBe(false);
  });
});
