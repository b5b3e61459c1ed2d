import { provideHttpClient, withFetch } from '@angular/common/http';
import { EnvironmentProviders, Injector, Provider, inject } from '@angular/core';
import { ApolloLink, InMemoryCache } from '@apollo/client';
import { SetContextLink } from '@apollo/client/link/context';
import { ErrorLink } from '@apollo/client/link/error';
import { Apollo, provideApollo } from 'apollo-angular';
import { HttpLink } from 'apollo-angular/http';

import { AuthService } from '../auth/auth.service';
import { AuthStore } from '../auth/auth.store';
import { isUnauthenticated } from './api-error';
import { GRAPHQL_PATH } from './post-graphql';

/**
 * HttpClient and Apollo, sending the stored token and ending the session when the API refuses it. The signed-in
 * part of the app provides them on its route, so that neither is in the app's first chunk.
 */
export function provideAccordApi(): (Provider | EnvironmentProviders)[] {
  return [
    provideHttpClient(withFetch()),
    provideApollo(() => {
      const store = inject(AuthStore);
      const injector = inject(Injector);
      const auth = inject(AuthService);
      auth.clearOnSessionChange(() => injector.get(Apollo).client.clearStore());

      const withToken = new SetContextLink((context) => {
        const token = store.token();
        return token === null ? {} : { headers: { ...context['headers'], Authorization: `Bearer ${token}` } };
      });
      const endRejectedSession = new ErrorLink(({ error }) => {
        if (isUnauthenticated(error)) void auth.endRejectedSession();
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
