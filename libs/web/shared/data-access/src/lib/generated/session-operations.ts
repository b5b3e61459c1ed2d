/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
export type AcceptInvitationInput = {
  password: string;
  token: string;
};

export type ChangePasswordInput = {
  currentPassword: string;
  newPassword: string;
};

/** What a one-time link lets its holder do: join a workspace, set a new password, or confirm their e-mail address. */
export type LinkPurpose =
  | 'INVITATION'
  | 'PASSWORD_RESET'
  | 'VERIFY_EMAIL';

export type LoginInput = {
  email: string;
  password: string;
  /** Which workspace to enter when the e-mail belongs to several. */
  workspaceId?: string | number | null | undefined;
};

export type MemberStatus =
  | 'ACTIVE'
  | 'DEACTIVATED'
  | 'INVITED';

export type OneTimeLinkInput = {
  /** What the page that opened the link uses it for. */
  purpose: LinkPurpose;
  token: string;
};

export type RequestPasswordResetInput = {
  email: string;
};

export type ResetPasswordInput = {
  password: string;
  token: string;
};

/** What a member does in Accord; a member may hold several. */
export type Role =
  | 'ADMIN'
  | 'EXECUTIVE'
  | 'MARKETING'
  | 'SALES';

export type SignUpInput = {
  email: string;
  name: string;
  password: string;
  workspaceName: string;
};

export type VerifyEmailInput = {
  /** The token of the confirmation link. */
  token: string;
};

export type ViewerMemberFragment = { id: string, email: string, name: string, roles: Array<Role>, approver: boolean, status: MemberStatus };

export type ViewerWorkspaceFragment = { id: string, name: string, timeZone: string, currency: string };

export type SessionFragment = { accessToken: string, expiresAt: string, member: { id: string, email: string, name: string, roles: Array<Role>, approver: boolean, status: MemberStatus }, workspace: { id: string, name: string, timeZone: string, currency: string } };

export type ViewerQueryVariables = Exact<{ [key: string]: never; }>;


export type ViewerQuery = { viewer: { member: { id: string, email: string, name: string, roles: Array<Role>, approver: boolean, status: MemberStatus }, workspace: { id: string, name: string, timeZone: string, currency: string } } };

export type LoginMutationVariables = Exact<{
  input: LoginInput;
}>;


export type LoginMutation = { login: { accessToken: string, expiresAt: string, member: { id: string, email: string, name: string, roles: Array<Role>, approver: boolean, status: MemberStatus }, workspace: { id: string, name: string, timeZone: string, currency: string } } };

export type SignUpMutationVariables = Exact<{
  input: SignUpInput;
}>;


export type SignUpMutation = { signUp: { accessToken: string, expiresAt: string, member: { id: string, email: string, name: string, roles: Array<Role>, approver: boolean, status: MemberStatus }, workspace: { id: string, name: string, timeZone: string, currency: string } } };

export type AcceptInvitationMutationVariables = Exact<{
  input: AcceptInvitationInput;
}>;


export type AcceptInvitationMutation = { acceptInvitation: { accessToken: string, expiresAt: string, member: { id: string, email: string, name: string, roles: Array<Role>, approver: boolean, status: MemberStatus }, workspace: { id: string, name: string, timeZone: string, currency: string } } };

export type ChangePasswordMutationVariables = Exact<{
  input: ChangePasswordInput;
}>;


export type ChangePasswordMutation = { changePassword: { accessToken: string, expiresAt: string, member: { id: string, email: string, name: string, roles: Array<Role>, approver: boolean, status: MemberStatus }, workspace: { id: string, name: string, timeZone: string, currency: string } } };

export type SignOutEverywhereMutationVariables = Exact<{ [key: string]: never; }>;


export type SignOutEverywhereMutation = { signOutEverywhere: boolean };

export type PasswordResetsMailedQueryVariables = Exact<{ [key: string]: never; }>;


export type PasswordResetsMailedQuery = { passwordResetsMailed: boolean };

export type RequestPasswordResetMutationVariables = Exact<{
  input: RequestPasswordResetInput;
}>;


export type RequestPasswordResetMutation = { requestPasswordReset: { mailed: boolean } };

export type ResetPasswordMutationVariables = Exact<{
  input: ResetPasswordInput;
}>;


export type ResetPasswordMutation = { resetPassword: { accessToken: string, expiresAt: string, member: { id: string, email: string, name: string, roles: Array<Role>, approver: boolean, status: MemberStatus }, workspace: { id: string, name: string, timeZone: string, currency: string } } };

export type OneTimeLinkQueryVariables = Exact<{
  input: OneTimeLinkInput;
}>;


export type OneTimeLinkQuery = { oneTimeLink: { purpose: LinkPurpose, workspaceName: string, email: string, name: string, roles: Array<Role>, sentBy: string | null, expiresAt: string } };

export type VerifyEmailMutationVariables = Exact<{
  input: VerifyEmailInput;
}>;


export type VerifyEmailMutation = { verifyEmail: { email: string, workspaceName: string } };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const ViewerMemberFragmentDoc = new TypedDocumentString(`
    fragment ViewerMember on Member {
  id
  email
  name
  roles
  approver
  status
}
    `, {"fragmentName":"ViewerMember"}) as unknown as TypedDocumentString<ViewerMemberFragment, unknown>;
export const ViewerWorkspaceFragmentDoc = new TypedDocumentString(`
    fragment ViewerWorkspace on Workspace {
  id
  name
  timeZone
  currency
}
    `, {"fragmentName":"ViewerWorkspace"}) as unknown as TypedDocumentString<ViewerWorkspaceFragment, unknown>;
export const SessionFragmentDoc = new TypedDocumentString(`
    fragment Session on AuthPayload {
  accessToken
  expiresAt
  member {
    ...ViewerMember
  }
  workspace {
    ...ViewerWorkspace
  }
}
    fragment ViewerMember on Member {
  id
  email
  name
  roles
  approver
  status
}
fragment ViewerWorkspace on Workspace {
  id
  name
  timeZone
  currency
}`, {"fragmentName":"Session"}) as unknown as TypedDocumentString<SessionFragment, unknown>;
export const ViewerDocument = new TypedDocumentString(`
    query Viewer {
  viewer {
    member {
      ...ViewerMember
    }
    workspace {
      ...ViewerWorkspace
    }
  }
}
    fragment ViewerMember on Member {
  id
  email
  name
  roles
  approver
  status
}
fragment ViewerWorkspace on Workspace {
  id
  name
  timeZone
  currency
}`) as unknown as TypedDocumentString<ViewerQuery, ViewerQueryVariables>;
export const LoginDocument = new TypedDocumentString(`
    mutation Login($input: LoginInput!) {
  login(input: $input) {
    ...Session
  }
}
    fragment ViewerMember on Member {
  id
  email
  name
  roles
  approver
  status
}
fragment ViewerWorkspace on Workspace {
  id
  name
  timeZone
  currency
}
fragment Session on AuthPayload {
  accessToken
  expiresAt
  member {
    ...ViewerMember
  }
  workspace {
    ...ViewerWorkspace
  }
}`) as unknown as TypedDocumentString<LoginMutation, LoginMutationVariables>;
export const SignUpDocument = new TypedDocumentString(`
    mutation SignUp($input: SignUpInput!) {
  signUp(input: $input) {
    ...Session
  }
}
    fragment ViewerMember on Member {
  id
  email
  name
  roles
  approver
  status
}
fragment ViewerWorkspace on Workspace {
  id
  name
  timeZone
  currency
}
fragment Session on AuthPayload {
  accessToken
  expiresAt
  member {
    ...ViewerMember
  }
  workspace {
    ...ViewerWorkspace
  }
}`) as unknown as TypedDocumentString<SignUpMutation, SignUpMutationVariables>;
export const AcceptInvitationDocument = new TypedDocumentString(`
    mutation AcceptInvitation($input: AcceptInvitationInput!) {
  acceptInvitation(input: $input) {
    ...Session
  }
}
    fragment ViewerMember on Member {
  id
  email
  name
  roles
  approver
  status
}
fragment ViewerWorkspace on Workspace {
  id
  name
  timeZone
  currency
}
fragment Session on AuthPayload {
  accessToken
  expiresAt
  member {
    ...ViewerMember
  }
  workspace {
    ...ViewerWorkspace
  }
}`) as unknown as TypedDocumentString<AcceptInvitationMutation, AcceptInvitationMutationVariables>;
export const ChangePasswordDocument = new TypedDocumentString(`
    mutation ChangePassword($input: ChangePasswordInput!) {
  changePassword(input: $input) {
    ...Session
  }
}
    fragment ViewerMember on Member {
  id
  email
  name
  roles
  approver
  status
}
fragment ViewerWorkspace on Workspace {
  id
  name
  timeZone
  currency
}
fragment Session on AuthPayload {
  accessToken
  expiresAt
  member {
    ...ViewerMember
  }
  workspace {
    ...ViewerWorkspace
  }
}`) as unknown as TypedDocumentString<ChangePasswordMutation, ChangePasswordMutationVariables>;
export const SignOutEverywhereDocument = new TypedDocumentString(`
    mutation SignOutEverywhere {
  signOutEverywhere
}
    `) as unknown as TypedDocumentString<SignOutEverywhereMutation, SignOutEverywhereMutationVariables>;
export const PasswordResetsMailedDocument = new TypedDocumentString(`
    query PasswordResetsMailed {
  passwordResetsMailed
}
    `) as unknown as TypedDocumentString<PasswordResetsMailedQuery, PasswordResetsMailedQueryVariables>;
export const RequestPasswordResetDocument = new TypedDocumentString(`
    mutation RequestPasswordReset($input: RequestPasswordResetInput!) {
  requestPasswordReset(input: $input) {
    mailed
  }
}
    `) as unknown as TypedDocumentString<RequestPasswordResetMutation, RequestPasswordResetMutationVariables>;
export const ResetPasswordDocument = new TypedDocumentString(`
    mutation ResetPassword($input: ResetPasswordInput!) {
  resetPassword(input: $input) {
    ...Session
  }
}
    fragment ViewerMember on Member {
  id
  email
  name
  roles
  approver
  status
}
fragment ViewerWorkspace on Workspace {
  id
  name
  timeZone
  currency
}
fragment Session on AuthPayload {
  accessToken
  expiresAt
  member {
    ...ViewerMember
  }
  workspace {
    ...ViewerWorkspace
  }
}`) as unknown as TypedDocumentString<ResetPasswordMutation, ResetPasswordMutationVariables>;
export const OneTimeLinkDocument = new TypedDocumentString(`
    query OneTimeLink($input: OneTimeLinkInput!) {
  oneTimeLink(input: $input) {
    purpose
    workspaceName
    email
    name
    roles
    sentBy
    expiresAt
  }
}
    `) as unknown as TypedDocumentString<OneTimeLinkQuery, OneTimeLinkQueryVariables>;
export const VerifyEmailDocument = new TypedDocumentString(`
    mutation VerifyEmail($input: VerifyEmailInput!) {
  verifyEmail(input: $input) {
    email
    workspaceName
  }
}
    `) as unknown as TypedDocumentString<VerifyEmailMutation, VerifyEmailMutationVariables>;