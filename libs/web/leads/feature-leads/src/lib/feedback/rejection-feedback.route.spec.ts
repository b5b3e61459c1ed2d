import { TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { Router, provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { ApolloTestingModule } from 'apollo-angular/testing';

import { sessionFor } from '@accord/web/handovers/data-access/testing';
import { AuthStore, SESSION_STORAGE } from '@accord/web/shared/data-access';

import { leadsRoutes } from '../leads.routes';

async function open(roles: ('ADMIN' | 'MARKETING' | 'SALES')[]): Promise<string> {
  TestBed.configureTestingModule({
    imports: [ApolloTestingModule],
    providers: [
      provideRouter([{ path: 'leads', children: leadsRoutes }]),
      { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
      { provide: SESSION_STORAGE, useValue: sessionStorage },
    ],
  });
  TestBed.inject(AuthStore).start(sessionFor('m1', 'Member', roles, false));
  await RouterTestingHarness.create('/leads/rejection-feedback');
  return TestBed.inject(Router).url;
}

describe('rejection feedback route', () => {
  it('opens for marketing', async () => {
    expect(await open(['MARKETING'])).toBe('/leads/rejection-feedback');
  });

  it('sends sales back to the leads', async () => {
    expect(await open(['SALES'])).toBe('/leads');
  });
});
