// The baseline of the dashboard page's JavaScript benchmark (tools/bench/scenarios/dashboard-page.ts): the smallest
// Angular application the same toolchain builds with the same choices as apps/web — standalone, zoneless, a
// router — and nothing else.
import { Component, provideZonelessChangeDetection } from '@angular/core';
import { bootstrapApplication } from '@angular/platform-browser';
import { RouterOutlet, provideRouter } from '@angular/router';

@Component({
  selector: 'bare-root',
  imports: [RouterOutlet],
  template: `<h1>Bare Angular</h1>
    <router-outlet />`,
})
class BareApp {}

bootstrapApplication(BareApp, {
  providers: [provideZonelessChangeDetection(), provideRouter([])],
}).catch((error: unknown) => console.error(error));
