import { ChangeDetectionStrategy, Component, ViewEncapsulation, input } from '@angular/core';
import { MatCard, MatCardContent } from '@angular/material/card';

/**
 * The centred card the signed-out pages share: product name, one heading, the page's form, and the look of the
 * text the pages put around their forms (`.intro` above, `.notice` and `.aside` below). Its styles are not
 * encapsulated, so that they reach that projected text; every selector starts with the element's own name.
 */
@Component({
  selector: 'accord-auth-layout',
  changeDetection: ChangeDetectionStrategy.OnPush,
  encapsulation: ViewEncapsulation.None,
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
    accord-auth-layout .auth-layout {
      min-height: 100dvh;
      display: flex;
      flex-direction: column;
      align-items: center;
      justify-content: center;
      padding: 24px 16px;
      box-sizing: border-box;
    }
    accord-auth-layout .brand {
      font: var(--mat-sys-headline-small);
      color: var(--mat-sys-primary);
      margin: 0 0 16px;
    }
    accord-auth-layout .auth-card {
      width: min(100%, 440px);
    }
    accord-auth-layout .heading {
      font: var(--mat-sys-title-large);
      margin: 8px 0 24px;
    }
    accord-auth-layout :is(.intro, .notice, .aside) {
      font: var(--mat-sys-body-medium);
    }
    accord-auth-layout .intro {
      margin: 0 0 16px;
    }
    accord-auth-layout .aside {
      margin: 24px 0 0;
    }
  `,
})
export class AuthLayoutComponent {
  readonly heading = input.required<string>();
}
