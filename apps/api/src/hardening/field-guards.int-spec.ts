import { INestApplication, Module } from '@nestjs/common';
import { Field, ObjectType, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Test } from '@nestjs/testing';
import type { AddressInfo } from 'node:net';

import { AnyMember, Roles, SharedAuthModule, TokenService } from '@accord/api/shared/auth';
import { GraphqlSetupModule } from '@accord/api/shared/graphql';
import { TestDatabase, createTeam, createTestDatabase, testInfrastructure } from '@accord/api/shared/testing';

import { gql } from './boot.int-fixture';

@ObjectType()
class Probe {
  @Field()
  open!: string;
}

/** An operation open to every member, whose one field resolver only admins may use. */
@AnyMember()
@Resolver(() => Probe)
class ProbeResolver {
  @Query(() => Probe)
  probe(): Probe {
    return { open: 'for everyone' };
  }

  @Roles('ADMIN')
  @ResolveField(() => String)
  adminOnly(): string {
    return 'for admins';
  }
}

@Module({ providers: [ProbeResolver] })
class ProbeModule {}

// The real GraphQL setup and access guard: a field resolver's own @Roles holds, not only the operation's.
describe('guards on field resolvers', () => {
  let database: TestDatabase;
  let app: INestApplication;
  let baseUrl: string;
  let tokens: { admin: string; sales: string };

  beforeAll(async () => {
    database = await createTestDatabase();
    const moduleRef = await Test.createTestingModule({
      imports: [
        ...testInfrastructure(database, { poolSize: 2, statementTimeoutMs: 10_000 }),
        GraphqlSetupModule.forRoot({ production: false }),
        SharedAuthModule,
        ProbeModule,
      ],
    }).compile();
    app = moduleRef.createNestApplication({ logger: false });
    await app.listen(0, '127.0.0.1');
    baseUrl = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
    const team = await createTeam(app, {
      admin: { name: 'Ada', roles: ['ADMIN'] },
      sales: { name: 'Sal', roles: ['SALES'] },
    });
    const issuer = app.get(TokenService);
    tokens = {
      admin: (await issuer.issue(team.admin)).accessToken,
      sales: (await issuer.issue(team.sales)).accessToken,
    };
  });

  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  it('refuses a field resolver to a member without its role, and answers the rest', async () => {
    const result = await gql(baseUrl, '{ probe { open adminOnly } }', { token: tokens.sales });
    expect([
      result.body.data,
      result.body.errors?.map((error) => [error.extensions?.code, error.message]),
    ]).toEqual([null, [['FORBIDDEN', 'This needs one of the roles: ADMIN.']]]);
    const open = await gql(baseUrl, '{ probe { open } }', { token: tokens.sales });
    expect(open.body).toEqual({ data: { probe: { open: 'for everyone' } } });
  });

  it('answers the field resolver to a member with the role', async () => {
    const result = await gql(baseUrl, '{ probe { open adminOnly } }', { token: tokens.admin });
    expect(result.body).toEqual({ data: { probe: { open: 'for everyone', adminOnly: 'for admins' } } });
  });
});
