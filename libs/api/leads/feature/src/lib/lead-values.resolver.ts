import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';

import { AuthMember, CurrentMember, Roles } from '@accord/api/shared/auth';

import { LeadValuesService } from './lead-values.service';
import {
  CorrectLeadValueInput,
  CorrectedLeadValue,
  LeadValueField,
  LeadValueFieldEnum,
  LeadValues,
} from './models/lead-value.model';

@Resolver(() => LeadValues)
export class LeadValuesResolver {
  constructor(private readonly service: LeadValuesService) {}

  @Roles('ADMIN', 'MARKETING', 'SALES')
  @Query(() => LeadValues, {
    description: "A lead field's values as the workspace spells them, with how many leads hold each.",
  })
  leadValues(
    @CurrentMember() actor: AuthMember,
    @Args('field', { type: () => LeadValueFieldEnum }) field: LeadValueField,
  ): Promise<LeadValues> {
    return this.service.list(actor, field);
  }

  /** Sources, campaigns and industries are marketing's to keep, as the leads' other fields are. */
  @Roles('ADMIN', 'MARKETING')
  @Mutation(() => CorrectedLeadValue, {
    description:
      'Changes the case of how the workspace spells a value, in it and in every lead holding it. Scores do not change.',
  })
  correctLeadValue(
    @CurrentMember() actor: AuthMember,
    @Args('input') input: CorrectLeadValueInput,
  ): Promise<CorrectedLeadValue> {
    return this.service.correct(actor, input);
  }
}
