import {
  GraphQLInputType,
  GraphQLSchema,
  buildSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
} from 'graphql';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { ROLES, type Role } from '@accord/domain/workspace';

import { type Rule, accessRules } from '../access-rules';
import { BootedApp, GqlError, bootApp, gql, teamWithTokens } from './boot.int-fixture';

/** A value of the type that passes GraphQL's own validation, so that the request reaches the guards. */
function sample(type: GraphQLInputType): unknown {
  if (isNonNullType(type)) return sample(type.ofType);
  if (isListType(type)) return [];
  if (isEnumType(type)) return type.getValues()[0].value;
  if (isInputObjectType(type)) {
    const value: Record<string, unknown> = {};
    for (const field of Object.values(type.getFields()))
      if (isNonNullType(field.type)) value[field.name] = sample(field.type);
    return value;
  }
  if (isScalarType(type)) {
    const samples: Record<string, unknown> = {
      ID: randomUUID(),
      String: 'x',
      Int: 1,
      Float: 1,
      Boolean: false,
      DateTime: new Date().toISOString(),
      JSON: {},
      JSONObject: {},
    };
    if (type.name in samples) return samples[type.name];
  }
  throw new Error(`no sample value for ${String(type)}`);
}

/** The operation with its required arguments as variables and `__typename` selected from an object result. */
function request(schema: GraphQLSchema, key: string): { query: string; variables: Record<string, unknown> } {
  const [kind, name] = key.split(' ') as ['Query' | 'Mutation', string];
  const root = kind === 'Query' ? schema.getQueryType() : schema.getMutationType();
  const field = root?.getFields()[name];
  if (!field) throw new Error(`${key} is not in the schema`);
  const required = field.args.filter((arg) => isNonNullType(arg.type));
  const variables = Object.fromEntries(required.map((arg) => [arg.name, sample(arg.type)]));
  const declared = required.map((arg) => `$${arg.name}: ${String(arg.type)}`).join(', ');
  const passed = required.map((arg) => `${arg.name}: $${arg.name}`).join(', ');
  const selection =
    isScalarType(getNamedType(field.type)) || isEnumType(getNamedType(field.type)) ? '' : ' { __typename }';
  const query = `${kind === 'Query' ? 'query' : 'mutation'}${declared ? `(${declared})` : ''} { ${name}${passed ? `(${passed})` : ''}${selection} }`;
  return { query, variables };
}

function allows(rule: Rule, role: Role): boolean {
  return rule === 'PUBLIC' || rule === 'ANY_MEMBER' || rule.includes(role);
}

/**
 * Operations open to every member at the guard whose service refuses some by more than a role: approvers of
 * either side, marketing and admins may send a proposal back (docs/agreement.md). These members approve nothing.
 */
const REFUSED_BY_THE_SERVICE: Readonly<Record<string, Role[]>> = {
  'Mutation sendBackAgreementVersion': ['SALES', 'EXECUTIVE'],
};

/**
 * Operations that end a member's sessions, whose tokens every later operation needs: sent last. `resetPassword`
 * ends the sessions of the member whose link it redeems; it is public, so the table below does not send it today,
 * but it stays listed should public operations ever be sent too.
 */
const ENDS_SESSIONS: readonly string[] = ['Mutation signOutEverywhere', 'Mutation resetPassword'];

// Every operation the schema has, sent over HTTP by a member of each role: refused as FORBIDDEN exactly for the
// roles its rule leaves out — the guards, not only the decorators the unit test reads, as a client meets them.
describe('the role × operation table over HTTP', () => {
  let booted: BootedApp;

  beforeAll(async () => {
    booted = await bootApp({ RATE_LIMIT_MEMBER: '100000' });
  });

  afterAll(async () => {
    await booted.stop();
  });

  it('refuses each operation to exactly the roles its rule leaves out', async () => {
    const schema = buildSchema(readFileSync(join(__dirname, '../../schema.gql'), 'utf8'));
    const members = await teamWithTokens(booted, {
      ADMIN: { name: 'Ada', roles: ['ADMIN'] },
      MARKETING: { name: 'Mia', roles: ['MARKETING'] },
      SALES: { name: 'Sam', roles: ['SALES'] },
      EXECUTIVE: { name: 'Eve', roles: ['EXECUTIVE'] },
    });
    const rules = Object.entries(accessRules())
      .filter(([, rule]) => rule !== 'PUBLIC')
      .sort(([a], [b]) => Number(ENDS_SESSIONS.includes(a)) - Number(ENDS_SESSIONS.includes(b)));
    const expected: Record<string, Role[]> = {};
    const refused: Record<string, Role[]> = {};
    for (const [key, rule] of rules) {
      const { query, variables } = request(schema, key);
      expected[key] = REFUSED_BY_THE_SERVICE[key] ?? ROLES.filter((role) => !allows(rule, role));
      refused[key] = [];
      for (const role of ROLES) {
        const answer = await gql<{ errors?: GqlError[] }>(booted.baseUrl, query, {
          token: members[role].token,
          variables,
        });
        if (answer.body.errors?.some((error) => error.extensions?.code === 'FORBIDDEN'))
          refused[key].push(role);
      }
    }
    expect(rules.length).toBeGreaterThan(50);
    expect(refused).toEqual(expected);
  });
});
