import { Routes } from '@angular/router';

import { provideAccordApi } from '@accord/web/shared/data-access';

import { ShellComponent } from './shell.component';

/**
 * The signed-in part of the app: the shell around the feature pages, and the API client (Apollo) they share,
 * provided here rather than at the root so that it loads with the first signed-in page, not with the app.
 */
export function withShell(pages: Routes): Routes {
  return [{ path: '', component: ShellComponent, providers: provideAccordApi(), children: pages }];
}
