import { Apollo } from 'apollo-angular';
import { firstValueFrom } from 'rxjs';

import { required } from '../api/attempt';
import { ColleaguesDocument, type ColleaguesQuery, type Role } from '../generated/graphql';

/** A member as every other member sees them (the `colleagues` query): name, roles, team and status. */
export type Colleague = ColleaguesQuery['colleagues'][number];

/** The workspace's members by name; any role may read them (to name owners and to choose whom to give work to). */
export async function fetchColleagues(apollo: Apollo): Promise<Colleague[]> {
  const answer: { data?: ColleaguesQuery } = await firstValueFrom(
    apollo.query({ query: ColleaguesDocument, fetchPolicy: 'network-only' }),
  );
  return required(answer.data?.colleagues);
}

/** The active colleagues holding `role` (all active ones without it), as id and name, in the list's order. */
export function activeColleagues(
  colleagues: readonly Colleague[],
  role?: Role,
): { id: string; name: string }[] {
  return colleagues
    .filter((colleague) => colleague.status === 'ACTIVE' && (!role || colleague.roles.includes(role)))
    .map(({ id, name }) => ({ id, name }));
}
