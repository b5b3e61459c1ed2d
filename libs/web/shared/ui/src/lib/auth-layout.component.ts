import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatCard, MatCardContent } from '@angular/material/card';

/** The centred card the signed-out pages share: product name, one heading, the page's form. */
@Component({
  selector: 'accord-auth-layout',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatCard, MatCardContent],
  template: `
    <main class="auth-layout">
      <p class="brand">Accord</p>
      <mat-card appearance="outlined" class="auth-card">
        <mat-card-content>
          <h1 class="heading">{{ heading() }}</h1>
          <ng-content />
        </mat-card-content>
      </mat-card>
    </main>
  `,
  styles: `
    .auth-layout {
      min-height: 100dvh;
      display: flex;
      flex-direction: column;
      align-items: center;
      justify-content: center;
      padding: 24px 16px;
      box-sizing: border-box;
    }
    .brand {
      font: var(--mat-sys-headline-small);
      color: var(--mat-sys-primary);
      margin: 0 0 16px;
    }
    .auth-card {
      width: min(100%, 440px);
    }
    .heading {
      font: var(--mat-sys-title-large);
      margin: 8px 0 24px;
    }
  `,
})
export class AuthLayoutComponent {
  readonly heading = input.required<string>();
}
