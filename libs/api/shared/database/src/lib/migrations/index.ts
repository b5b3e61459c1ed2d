import { Foundation1795638264783 } from './1795638264783-Foundation';
import { TenantSecurity1795638300000 } from './1795638300000-TenantSecurity';
import { Agreements1795643022805 } from './1795643022805-Agreements';
import { AgreementsSecurity1795643100000 } from './1795643100000-AgreementsSecurity';
import { Leads1795643817830 } from './1795643817830-Leads';
import { LeadsSecurity1795643900000 } from './1795643900000-LeadsSecurity';
import { SignalInbox1795659376578 } from './1795659376578-SignalInbox';
import { Handovers1795690000000 } from './1795690000000-Handovers';
import { Webhooks1795691000000 } from './1795691000000-Webhooks';
import { Pipeline1795692000000 } from './1795692000000-Pipeline';
import { DashboardRollup1795693000000 } from './1795693000000-DashboardRollup';
import { RateLimits1795694500000 } from './1795694500000-RateLimits';
import { Backtest1795695500000 } from './1795695500000-Backtest';
import { Imports1795696000000 } from './1795696000000-Imports';
import { MemberTeamAndManager1795699619925 } from './1795699619925-MemberTeamAndManager';
import { SignedInMember1795700000000 } from './1795700000000-SignedInMember';
import { QueuePage1795700100000 } from './1795700100000-QueuePage';
import { OneRescorePerWorkspace1795700200000 } from './1795700200000-OneRescorePerWorkspace';
import { RecycleSweep1795700250000 } from './1795700250000-RecycleSweep';
import { PendingIngestRequests1795700270000 } from './1795700270000-PendingIngestRequests';
import { DashboardRollupCampaign1795700361000 } from './1795700361000-DashboardRollupCampaign';
import { MemberMonthlyQuota1795700370000 } from './1795700370000-MemberMonthlyQuota';
import { WorkspaceCurrency1795700380000 } from './1795700380000-WorkspaceCurrency';
import { SignalIdPerWorkspace1795700390000 } from './1795700390000-SignalIdPerWorkspace';
import { WorkerRole1795700400000 } from './1795700400000-WorkerRole';
import { OneUnfinishedBacktestRun1795700410000 } from './1795700410000-OneUnfinishedBacktestRun';
import { SessionEpoch1795700420000 } from './1795700420000-SessionEpoch';
import { PasswordResetLinks1795700430000 } from './1795700430000-PasswordResetLinks';
import { ImportMappingPerHeader1795700440000 } from './1795700440000-ImportMappingPerHeader';
import { EmailOutbox1795700450000 } from './1795700450000-EmailOutbox';
import { SignalsLeadIndex1795700460000 } from './1795700460000-SignalsLeadIndex';
import { SignalsKeyedByEventId1795700461000 } from './1795700461000-SignalsKeyedByEventId';
import { EmailVerification1795700480000 } from './1795700480000-EmailVerification';
import { RescoreHeartbeat1795700490000 } from './1795700490000-RescoreHeartbeat';
import { RescoreClaim1795700491000 } from './1795700491000-RescoreClaim';
import { LeadSpellings1795700500000 } from './1795700500000-LeadSpellings';
import { LeadSpellingsCorrected1795700600000 } from './1795700600000-LeadSpellingsCorrected';
import { ImportRefusedRows1795700620000 } from './1795700620000-ImportRefusedRows';
import { ApiKeyImports1795700640000 } from './1795700640000-ApiKeyImports';

/** Every migration, oldest first. Never edit one that has landed: add a new one. */
export const MIGRATIONS = [
  Foundation1795638264783,
  TenantSecurity1795638300000,
  Agreements1795643022805,
  AgreementsSecurity1795643100000,
  Leads1795643817830,
  LeadsSecurity1795643900000,
  SignalInbox1795659376578,
  Handovers1795690000000,
  Webhooks1795691000000,
  Pipeline1795692000000,
  DashboardRollup1795693000000,
  RateLimits1795694500000,
  Backtest1795695500000,
  Imports1795696000000,
  MemberTeamAndManager1795699619925,
  SignedInMember1795700000000,
  QueuePage1795700100000,
  OneRescorePerWorkspace1795700200000,
  RecycleSweep1795700250000,
  PendingIngestRequests1795700270000,
  DashboardRollupCampaign1795700361000,
  MemberMonthlyQuota1795700370000,
  WorkspaceCurrency1795700380000,
  SignalIdPerWorkspace1795700390000,
  WorkerRole1795700400000,
  OneUnfinishedBacktestRun1795700410000,
  SessionEpoch1795700420000,
  PasswordResetLinks1795700430000,
  ImportMappingPerHeader1795700440000,
  EmailOutbox1795700450000,
  SignalsLeadIndex1795700460000,
  SignalsKeyedByEventId1795700461000,
  EmailVerification1795700480000,
  RescoreHeartbeat1795700490000,
  RescoreClaim1795700491000,
  LeadSpellings1795700500000,
  LeadSpellingsCorrected1795700600000,
  ImportRefusedRows1795700620000,
  ApiKeyImports1795700640000,
];
