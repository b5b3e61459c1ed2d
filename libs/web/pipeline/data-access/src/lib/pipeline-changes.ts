import { Injectable, signal } from '@angular/core';

/**
 * Counts the pipeline changes made in this tab, so views that summarise them (the lead timeline) read again
 * after a meeting or opportunity changes, without the sections knowing about each other.
 */
@Injectable({ providedIn: 'root' })
export class PipelineChanges {
  readonly count = signal(0);

  changed(): void {
    this.count.update((count) => count + 1);
  }
}
