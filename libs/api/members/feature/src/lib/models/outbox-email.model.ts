import { ArgsType, Field, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Max, Min } from 'class-validator';

import { MAIL_KINDS, MAIL_STATUSES, type MailKind, type MailStatus } from '@accord/api/shared/mail-outbox';

export const EmailKindEnum = Object.fromEntries(MAIL_KINDS.map((kind) => [kind, kind])) as Record<
  MailKind,
  MailKind
>;
registerEnumType(EmailKindEnum, {
  name: 'EmailKind',
  description:
    'What Accord e-mailed about: a proposal to sign, or handovers that expired (to the sales managers).',
});

export const EmailStatusEnum = Object.fromEntries(MAIL_STATUSES.map((status) => [status, status])) as Record<
  MailStatus,
  MailStatus
>;
registerEnumType(EmailStatusEnum, {
  name: 'EmailStatus',
  description:
    'PENDING: waiting for its (next) attempt. SENT: the mail server took it. LOGGED: written to the log, as no ' +
    'SMTP server is configured. FAILED: given up, the last answer in lastError.',
});

@ObjectType({
  description:
    'An e-mail Accord sent on its own, through the outbox: committed with the change it reports, then sent and ' +
    'retried. Invitations and password resets are sent at once instead, and are not listed.',
})
export class OutboxEmail {
  @Field(() => ID)
  id!: string;

  @Field(() => EmailKindEnum)
  kind!: MailKind;

  @Field({ description: 'The recipient.' })
  to!: string;

  @Field()
  subject!: string;

  @Field(() => EmailStatusEnum)
  status!: MailStatus;

  @Field(() => Int, { description: 'Attempts made so far.' })
  attempts!: number;

  @Field(() => String, { nullable: true, description: "The mail server's last answer to a failed attempt." })
  lastError!: string | null;

  @Field(() => GraphQLISODateTime)
  createdAt!: Date;

  @Field(() => GraphQLISODateTime, {
    nullable: true,
    description: 'When a PENDING e-mail is tried next; null once it is sent, logged or failed.',
  })
  nextAttemptAt!: Date | null;

  @Field(() => GraphQLISODateTime, { nullable: true })
  sentAt!: Date | null;
}

@ArgsType()
export class OutboxEmailsArgs {
  @Field(() => Int, { defaultValue: 50 })
  @Min(1)
  @Max(200)
  first!: number;
}
