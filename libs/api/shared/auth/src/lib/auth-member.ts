import type { Role } from '@accord/domain/workspace';

/** The signed-in member, re-read from the database on every request. */
export interface AuthMember {
  id: string;
  workspaceId: string;
  email: string;
  name: string;
  roles: Role[];
  approver: boolean;
}

/** What an access token carries: who, in which workspace. Roles are never trusted from the token. */
export interface AccessTokenClaims {
  sub: string;
  wid: string;
  exp: number;
  iat: number;
  /** The member's session epoch when the token was issued (absent: 0); see MemberEntity.sessionEpoch. */
  sep?: number;
}
