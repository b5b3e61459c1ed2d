import {
  ApplicationConfig,
  inject,
  provideAppInitializer,
  provideBrowserGlobalErrorListeners,
  provideZonelessChangeDetection,
} from '@angular/core';
import { provideAnimationsAsync } from '@angular/platform-browser/animations/async';
import { provideRouter, withComponentInputBinding } from '@angular/router';

import { AuthStore, restoreSession } from '@accord/web/shared/data-access/session';

import { appRoutes } from './app.routes';

export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    provideZonelessChangeDetection(),
    provideRouter(appRoutes, withComponentInputBinding()),
    // ngx-charts animates with @angular/animations; the engine loads only when a chart first renders, so it stays
    // out of the initial bundle with the charts (the dashboard's lazy route).
    provideAnimationsAsync(),
    // Ask who the stored token belongs to while the first page's chunks load, not after: the route guard then
    // finds the answer on its way (it shares the request). Not awaited, so it does not hold the app's start.
    provideAppInitializer(() => {
      void restoreSession(inject(AuthStore));
    }),
  ],
};
