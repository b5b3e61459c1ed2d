import {
  ApplicationConfig,
  provideBrowserGlobalErrorListeners,
  provideZonelessChangeDetection,
} from '@angular/core';
import { MAT_DIALOG_DEFAULT_OPTIONS, MatDialogConfig } from '@angular/material/dialog';
import { provideAnimationsAsync } from '@angular/platform-browser/animations/async';
import { provideRouter, withComponentInputBinding } from '@angular/router';

import { provideAccordApi } from '@accord/web/shared/data-access';

import { appRoutes } from './app.routes';

export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    provideZonelessChangeDetection(),
    provideRouter(appRoutes, withComponentInputBinding()),
    // ngx-charts animates with @angular/animations; the engine loads only when a chart first renders, so it stays
    // out of the initial bundle with the charts (the dashboard's lazy route).
    provideAnimationsAsync(),
    // A dialog focuses its first field as soon as it renders. Material's default waits for the opening animation,
    // and on a busy machine that moved the caret to the first field while the person was already typing in the
    // second, so the text landed in the wrong field.
    { provide: MAT_DIALOG_DEFAULT_OPTIONS, useValue: { ...new MatDialogConfig(), delayFocusTrap: false } },
    ...provideAccordApi(),
  ],
};
