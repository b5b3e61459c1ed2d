import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';

import { ApiKeysRepository } from './api-keys.repository';
import { LeadSpellingsRepository } from './lead-spellings.repository';
import { LEAD_ENTITIES } from './leads-entities';
import { LeadsRepository } from './leads.repository';
import { ScoringLockPatience, ScoringStateRepository } from './scoring-state.repository';

@Module({
  imports: [TypeOrmModule.forFeature(LEAD_ENTITIES)],
  providers: [
    LeadsRepository,
    ScoringStateRepository,
    ApiKeysRepository,
    LeadSpellingsRepository,
    ScoringLockPatience,
  ],
  exports: [
    LeadsRepository,
    ScoringStateRepository,
    ApiKeysRepository,
    LeadSpellingsRepository,
    ScoringLockPatience,
  ],
})
export class LeadsDataAccessModule {}
