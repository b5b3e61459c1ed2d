import type { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { buildSchema } from 'graphql';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import 'reflect-metadata';

import { AccessGuard, AnyMember, AuthMember, Roles } from '@accord/api/shared/auth';
import { AppError } from '@accord/api/shared/graphql';

import { accessRules } from './access-rules';

describe('access rules', () => {
  const rules = accessRules();

  it('covers every operation of the schema', () => {
    const schema = buildSchema(readFileSync(join(__dirname, '../schema.gql'), 'utf8'));
    const operations = [
      ...Object.keys(schema.getQueryType()?.getFields() ?? {}).map((name) => `Query ${name}`),
      ...Object.keys(schema.getMutationType()?.getFields() ?? {}).map((name) => `Mutation ${name}`),
    ];
    expect(Object.keys(rules).sort()).toEqual(operations.sort());
  });

  it('gives every operation a rule: public, any member, or named roles (the guard refuses the others)', () => {
    expect(Object.entries(rules).filter(([, rule]) => Array.isArray(rule) && rule.length === 0)).toEqual([]);
  });

  it('matches the role × operation table (change it here, on purpose, with the decorator)', () => {
    expect(rules).toMatchInlineSnapshot(`
      {
        "Mutation acceptHandover": [
          "ADMIN",
          "SALES",
        ],
        "Mutation acceptInvitation": "PUBLIC",
        "Mutation answerQualification": [
          "ADMIN",
          "SALES",
        ],
        "Mutation bookMeeting": [
          "ADMIN",
          "SALES",
        ],
        "Mutation changePassword": "ANY_MEMBER",
        "Mutation correctLeadValue": [
          "ADMIN",
          "MARKETING",
        ],
        "Mutation createAgreementDraft": [
          "ADMIN",
          "MARKETING",
        ],
        "Mutation createApiKey": [
          "ADMIN",
        ],
        "Mutation createLead": [
          "ADMIN",
          "MARKETING",
          "SALES",
        ],
        "Mutation createPasswordResetLink": [
          "ADMIN",
        ],
        "Mutation createWebhookEndpoint": [
          "ADMIN",
        ],
        "Mutation deactivateMember": [
          "ADMIN",
        ],
        "Mutation deleteWebhookEndpoint": [
          "ADMIN",
        ],
        "Mutation inviteMember": [
          "ADMIN",
        ],
        "Mutation login": "PUBLIC",
        "Mutation markMeeting": [
          "ADMIN",
          "SALES",
        ],
        "Mutation moveOpportunity": [
          "ADMIN",
          "SALES",
        ],
        "Mutation openOpportunity": [
          "ADMIN",
          "SALES",
        ],
        "Mutation proposeAgreementVersion": [
          "ADMIN",
          "MARKETING",
        ],
        "Mutation reactivateMember": [
          "ADMIN",
        ],
        "Mutation reassignHandover": [
          "ADMIN",
          "SALES",
        ],
        "Mutation recordSignal": [
          "ADMIN",
          "MARKETING",
          "SALES",
        ],
        "Mutation redeliverWebhook": [
          "ADMIN",
        ],
        "Mutation rejectHandover": [
          "ADMIN",
          "SALES",
        ],
        "Mutation requestPasswordReset": "PUBLIC",
        "Mutation resetPassword": "PUBLIC",
        "Mutation revokeApiKey": [
          "ADMIN",
        ],
        "Mutation rotateWebhookSecret": [
          "ADMIN",
        ],
        "Mutation saveAgreementDraft": [
          "ADMIN",
          "MARKETING",
        ],
        "Mutation saveImportMapping": [
          "ADMIN",
          "MARKETING",
        ],
        "Mutation sendBackAgreementVersion": "ANY_MEMBER",
        "Mutation sendEmailVerification": "ANY_MEMBER",
        "Mutation signAgreementVersion": "ANY_MEMBER",
        "Mutation signOutEverywhere": "ANY_MEMBER",
        "Mutation signUp": "PUBLIC",
        "Mutation startBacktest": [
          "ADMIN",
          "MARKETING",
          "SALES",
        ],
        "Mutation updateLead": [
          "ADMIN",
          "MARKETING",
        ],
        "Mutation updateMember": [
          "ADMIN",
        ],
        "Mutation updateOpportunityAmount": [
          "ADMIN",
          "SALES",
        ],
        "Mutation updateWebhookEndpoint": [
          "ADMIN",
        ],
        "Mutation updateWorkspace": [
          "ADMIN",
        ],
        "Mutation verifyEmail": "PUBLIC",
        "Query agreementDiff": "ANY_MEMBER",
        "Query agreementEvents": "ANY_MEMBER",
        "Query agreementInForce": "ANY_MEMBER",
        "Query agreementVersion": "ANY_MEMBER",
        "Query agreementVersions": "ANY_MEMBER",
        "Query apiKeys": [
          "ADMIN",
        ],
        "Query backtestRun": "ANY_MEMBER",
        "Query colleagues": "ANY_MEMBER",
        "Query dashboard": "ANY_MEMBER",
        "Query dashboardRows": "ANY_MEMBER",
        "Query definitionQuality": "ANY_MEMBER",
        "Query handover": [
          "ADMIN",
          "SALES",
        ],
        "Query handoverQueue": [
          "ADMIN",
          "SALES",
        ],
        "Query importFields": [
          "ADMIN",
          "MARKETING",
        ],
        "Query importMappings": [
          "ADMIN",
          "MARKETING",
        ],
        "Query importReport": [
          "ADMIN",
          "MARKETING",
        ],
        "Query importRun": [
          "ADMIN",
          "MARKETING",
        ],
        "Query imports": [
          "ADMIN",
          "MARKETING",
        ],
        "Query latestBacktest": "ANY_MEMBER",
        "Query lead": [
          "ADMIN",
          "MARKETING",
          "SALES",
        ],
        "Query leadHandovers": [
          "ADMIN",
          "MARKETING",
          "SALES",
        ],
        "Query leadQualification": [
          "ADMIN",
          "MARKETING",
          "SALES",
        ],
        "Query leadTimeline": [
          "ADMIN",
          "MARKETING",
          "SALES",
        ],
        "Query leadValues": [
          "ADMIN",
          "MARKETING",
          "SALES",
        ],
        "Query leads": [
          "ADMIN",
          "MARKETING",
          "SALES",
        ],
        "Query meetings": [
          "ADMIN",
          "MARKETING",
          "SALES",
        ],
        "Query memberOpenHandovers": [
          "ADMIN",
        ],
        "Query members": [
          "ADMIN",
        ],
        "Query oneTimeLink": "PUBLIC",
        "Query opportunities": [
          "ADMIN",
          "MARKETING",
          "SALES",
        ],
        "Query outboxEmails": [
          "ADMIN",
        ],
        "Query passwordResetsMailed": "PUBLIC",
        "Query rejectionFeedback": [
          "ADMIN",
          "MARKETING",
          "SALES",
        ],
        "Query scoringStatus": "ANY_MEMBER",
        "Query viewer": "ANY_MEMBER",
        "Query webhookDeliveries": [
          "ADMIN",
        ],
        "Query webhookEndpoints": [
          "ADMIN",
        ],
      }
    `);
  });
});

describe('AccessGuard', () => {
  class Operations {
    unruled(): string {
      return 'unruled';
    }

    @Roles('ADMIN')
    adminOnly(): string {
      return 'admin only';
    }

    @AnyMember()
    anyone(): string {
      return 'anyone';
    }
  }

  const marketing = { id: 'm', roles: ['MARKETING'] } as unknown as AuthMember;
  const guard = new AccessGuard(new Reflector());
  // The token check itself (passport-jwt) is not under test here: it lets the member through.
  jest
    .spyOn(Object.getPrototypeOf(AccessGuard.prototype) as AccessGuard, 'canActivate')
    .mockResolvedValue(true);

  function run(operation: keyof Operations): Promise<unknown> {
    const context = {
      getType: () => 'http',
      getHandler: () => Operations.prototype[operation],
      getClass: () => Operations,
      switchToHttp: () => ({ getRequest: () => ({ user: marketing }) }),
    } as unknown as ExecutionContext;
    return guard
      .canActivate(context)
      .catch((error: unknown) => (error instanceof AppError ? error.code : error));
  }

  it('refuses an operation that has no rule, and applies the rules of the others', async () => {
    expect(await run('unruled')).toBe('FORBIDDEN');
    expect(await run('adminOnly')).toBe('FORBIDDEN');
    expect(await run('anyone')).toBe(true);
  });
});
