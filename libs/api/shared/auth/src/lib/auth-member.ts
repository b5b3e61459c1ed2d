import type { Role } from '@accord/domain/workspace';

/** The signed-in member (or the creator of the API key a request presents), re-read on every request. */
export interface AuthMember {
  id: string;
  workspaceId: string;
  email: string;
  name: string;
  roles: Role[];
  approver: boolean;
  /** Set when the request presented this API key rather than the member's token (see ApiKeyMembers). */
  apiKeyId?: string;
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
