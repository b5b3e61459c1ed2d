import { Injectable } from '@nestjs/common';

import type { AuthMember } from '@accord/api/shared/auth';
import type { AgreementDocument } from '@accord/domain/agreement';

import { AgreementsService } from './agreements.service';

/** v2 of the demo agreement: what marketing wants to change after a quarter with v1. */
function proposedChanges(v1: AgreementDocument): AgreementDocument {
  const document = structuredClone(v1);
  document.fit.grades.A = 80;
  document.fit.criteria.push({
    key: 'industry-fintech',
    label: 'Financial services',
    field: 'industry',
    condition: { kind: 'ANY_OF', values: ['Financial Services', 'Fintech'] },
    points: 10,
  });
  const pricing = document.intent.signals.find((signal) => signal.type === 'PRICING_PAGE_VISIT');
  if (pricing) pricing.weight = 20;
  document.rejectionReasons.push({
    key: 'duplicate',
    label: 'Duplicate of an open lead',
    consequence: 'DISQUALIFY',
    recycleAfterDays: null,
  });
  const sqls = document.kpis.find((kpi) => kpi.key === 'sqls');
  if (sqls) sqls.target = { value: 18, period: 'MONTH' };
  return document;
}

/**
 * Gives the demo workspace an agreement history through the real lifecycle: v1 drafted by marketing, signed by
 * both sides and in force; v2 proposed and waiting for signatures.
 */
@Injectable()
export class AgreementDemoSeeder {
  constructor(private readonly agreements: AgreementsService) {}

  async seed(marketing: AuthMember, sales: AuthMember): Promise<void> {
    const v1 = await this.agreements.createDraft(marketing, {
      comment: 'Our first written definition of a lead.',
    });
    await this.agreements.propose(marketing, {
      versionId: v1.id,
      revision: v1.revision,
      comment: 'Agreed in the Q3 kick-off.',
    });
    await this.agreements.sign(marketing, {
      versionId: v1.id,
      revision: v1.revision,
      side: 'MARKETING',
      comment: null,
    });
    await this.agreements.sign(sales, {
      versionId: v1.id,
      revision: v1.revision,
      side: 'SALES',
      comment: 'Sales is in.',
    });

    const draft = await this.agreements.createDraft(marketing, { comment: 'Tighten grade A, add fintech.' });
    const v2 = await this.agreements.save(marketing, {
      versionId: draft.id,
      baseRevision: draft.revision,
      document: proposedChanges(draft.document),
      comment: 'A-grade leads from v1 converted half as often as expected below 80.',
    });
    await this.agreements.propose(marketing, {
      versionId: v2.id,
      revision: v2.revision,
      comment: 'Please review before the pipeline meeting.',
    });
  }
}
