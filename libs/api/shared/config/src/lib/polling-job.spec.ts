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
