/**
 * Work a request starts and does not wait for — e-mail sent after the answer, so that neither what the answer says
 * nor how long it takes depends on a mail server. Its owner awaits `idle()` at shutdown (and tests do, before
 * reading the inbox).
 */
export class AfterAnswer {
  private readonly running = new Set<Promise<void>>();

  /** Runs `work` in the background; it must handle its own errors, since no one is left to answer. */
  start(work: () => Promise<void>): void {
    const running = work().finally(() => this.running.delete(running));
    this.running.add(running);
  }

  /** Resolves once everything started so far has finished (work started meanwhile included). */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.all([...this.running]);
  }
}
