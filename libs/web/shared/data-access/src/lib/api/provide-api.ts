import { provideHttpClient, withFetch } from '@angular/common/http';
import { EnvironmentProviders, Injector, Provider, inject } from '@angular/core';
import { ApolloLink, InMemoryCache } from '@apollo/client';
import { SetContextLink } from '@apollo/client/link/context';
import { ErrorLink } from '@apollo/client/link/error';
import { provideApollo } from 'apollo-angular';
import { HttpLink } from 'apollo-angular/http';

import { AuthService } from '../auth/auth.service';
import { AuthStore } from '../auth/auth.store';
import { isUnauthenticated } from './api-error';

/** The API's GraphQL endpoint; the API serves the web app, so it is on the same origin. */
export const GRAPHQL_PATH = '/graphql';

/** HttpClient and Apollo, sending the stored token and ending the session when the API refuses it. */
export function provideAccordApi(): (Provider | EnvironmentProviders)[] {
  return [
    provideHttpClient(withFetch()),
    provideApollo(() => {
      const store = inject(AuthStore);
      const injector = inject(Injector);

      const withToken = new SetContextLink((context) => {
        const token = store.token();
        return token === null ? {} : { headers: { ...context['headers'], Authorization: `Bearer ${token}` } };
      });
      // AuthService needs Apollo, so it is looked up when an error happens rather than while Apollo is built.
      const endRejectedSession = new ErrorLink(({ error }) => {
        if (isUnauthenticated(error)) void injector.get(AuthService).endRejectedSession();
      });

      return {
        link: ApolloLink.from([
          endRejectedSession,
          withToken,
          inject(HttpLink).create({ uri: GRAPHQL_PATH }),
        ]),
        cache: new InMemoryCache(),
      };
    }),
  ];
}
