import { EnvironmentProviders, Injector, Provider, inject } from '@angular/core';
import { ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { SetContextLink } from '@apollo/client/link/context';
import { ErrorLink } from '@apollo/client/link/error';
import { Apollo, provideApollo } from 'apollo-angular';

import { AuthService } from '../auth/auth.service';
import { AuthStore } from '../auth/auth.store';
import { isUnauthenticated } from './api-error';
import { GRAPHQL_PATH } from './post-graphql';

/**
 * Apollo, sending the stored token and ending the session when the API refuses it. The signed-in part of the app
 * provides it on its route, so that it is not in the app's first chunk.
 */
export function provideAccordApi(): (Provider | EnvironmentProviders)[] {
  return [
    provideApollo(() => {
      const store = inject(AuthStore);
      const injector = inject(Injector);
      const auth = inject(AuthService);
      auth.clearOnSessionChange(() => injector.get(Apollo).client.clearStore());

      const withToken = new SetContextLink((context) => {
        const token = store.token();
        const headers = context['headers'] as Record<string, string> | undefined;
        return token === null ? {} : { headers: { ...headers, Authorization: `Bearer ${token}` } };
      });
      const endRejectedSession = new ErrorLink(({ error }) => {
        if (isUnauthenticated(error)) void auth.endRejectedSession();
      });

      return {
        link: ApolloLink.from([
          endRejectedSession,
          withToken,
          // Apollo's own link (fetch) rather than apollo-angular's (HttpClient): nothing else uses HttpClient, and
          // Angular's HTTP module, reachable from the app's first chunk through platform-browser, would land there.
          new HttpLink({ uri: GRAPHQL_PATH }),
        ]),
        cache: new InMemoryCache(),
      };
    }),
  ];
}
