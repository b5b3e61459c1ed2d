// What the app needs before anyone is signed in: the session's state and the route guards. The app's first chunk
// imports this entry, not the library's index, because a bundler puts every module an entry can reach into that
// chunk — through the index, Apollo and every page's GraphQL documents would be there.
export * from './lib/auth/auth.store';
export * from './lib/auth/guards';
export * from './lib/auth/redirect-notice';
export * from './lib/auth/restore-session';
export * from './lib/auth/stored-session';
