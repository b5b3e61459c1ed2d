import { CdkCopyToClipboard } from '@angular/cdk/clipboard';
import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';

import { ApiKeyExample, apiKeyExamples } from '@accord/web/api-keys/data-access';
import { CLOCK } from '@accord/web/shared/data-access';

let nextId = 0;

/**
 * How a machine sends leads and signals with a key (and imports a file, with a key allowed to): a curl command per
 * endpoint on this origin, each with a copy button and a line on what it answers. Given the secret just created, the commands send it; else a placeholder.
 */
@Component({
  selector: 'accord-api-key-usage',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [CdkCopyToClipboard, MatButton],
  template: `
    <p class="lead-in">
      Send the key as <code>Authorization: Bearer &lt;key&gt;</code> (or <code>X-Api-Key: &lt;key&gt;</code>)
      with a JSON body. Send a lead before its signals: a signal for a lead Accord does not know yet is
      unmatched.
    </p>
    @for (example of examples(); track example.id) {
      <section class="example" [attr.aria-labelledby]="id + '-' + example.id">
        <h3 [id]="id + '-' + example.id">{{ example.title }}</h3>
        <!-- Focusable, so that a keyboard can scroll a long command sideways. -->
        <pre tabindex="0"><code>{{ example.command }}</code></pre>
        <div class="copy">
          <button
            mat-button
            type="button"
            [cdkCopyToClipboard]="example.command"
            (cdkCopyToClipboardCopied)="copied.set($event ? example.id : null)"
          >
            Copy {{ example.id }} command
          </button>
          <span role="status" class="status">{{ copied() === example.id ? 'Command copied.' : '' }}</span>
        </div>
        <p class="answer">{{ example.answer }}</p>
      </section>
    }
  `,
  styles: `
    :host {
      display: block;
    }
    .lead-in,
    .answer {
      color: var(--mat-sys-on-surface-variant);
      margin: 0 0 8px;
    }
    h3 {
      font: var(--mat-sys-title-small);
      margin: 16px 0 8px;
    }
    pre {
      overflow-x: auto;
      margin: 0;
      padding: 12px 16px;
      border-radius: 8px;
      background: var(--mat-sys-surface-container);
      font-size: 13px;
    }
    .copy {
      display: flex;
      align-items: center;
      gap: 8px;
      margin: 4px 0;
    }
    .status {
      font: var(--mat-sys-body-small);
    }
  `,
})
export class ApiKeyUsageComponent {
  /** The secret of the key just created, while it is on screen. */
  readonly secret = input<string | null>(null);
  /** Whether to show a CSV upload too: for a key allowed to import, or on the page, for any such key. */
  readonly imports = input(false);

  // The page and the new key's dialog may both show the examples: each instance's heading ids are its own.
  protected readonly id = `api-key-usage-${nextId++}`;
  protected readonly copied = signal<ApiKeyExample['id'] | null>(null);
  private readonly origin = inject(DOCUMENT).location.origin;
  // Taken once, so that the command does not change under a reader's cursor.
  private readonly now = inject(CLOCK)();
  protected readonly examples = computed(() =>
    apiKeyExamples({ origin: this.origin, secret: this.secret(), now: this.now, imports: this.imports() }),
  );
}
