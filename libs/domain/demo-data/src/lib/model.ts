import type { AgreementDocument, Grade, MatrixOutcome, Temperature } from '@accord/domain/agreement';
import type { HandoverStatus } from '@accord/domain/handover';
import type { LifecycleStage, SignalSummary } from '@accord/domain/leads';
import type { MeetingStatus, OpportunityStage } from '@accord/domain/pipeline';

/** A published version of the workspace's agreement, in force from effectiveAt until the next one's. */
export interface SeedVersion {
  id: string;
  number: number;
  effectiveAt: Date;
  document: AgreementDocument;
}

/** An active sales member: gets handovers by the agreement's routing and works them. */
export interface SeedRep {
  id: string;
  /** A sales manager (admin, or sales approver) may decide anyone's handover. */
  manager: boolean;
}

export interface WorkspacePlan {
  workspaceId: string;
  seed: number;
  leads: number;
  /** The first lead is created on or after `start`, the last before `now`. */
  start: Date;
  now: Date;
  /** Oldest first; every time in [start, now] has one in force. */
  versions: readonly SeedVersion[];
  reps: readonly SeedRep[];
  /** Every active member, for routing (default: the reps). */
  activeMemberIds?: readonly string[];
  /** Where the routing turns stand before the first lead (default: none taken yet). */
  cursors?: Readonly<Record<string, number>>;
  /** The index of the first lead: appending to a seeded workspace continues after its leads. */
  firstIndex?: number;
  /** The member who creates (imports) the leads, or null. */
  creatorId: string | null;
  /** The workspace's IANA time zone, for close dates. */
  timeZone: string;
}

export interface LeadRow {
  id: string;
  email: string;
  firstName: string;
  lastName: string;
  title: string | null;
  seniority: string | null;
  department: string | null;
  budgetAuthority: boolean | null;
  companyName: string | null;
  companyDomain: string | null;
  employeeCount: number | null;
  annualRevenue: number | null;
  industry: string | null;
  country: string | null;
  technologies: string[];
  source: string | null;
  campaign: string | null;
  ownerId: string | null;
  stage: LifecycleStage;
  stageChangedAt: Date;
  recycleUntil: Date | null;
  signalSummary: SignalSummary;
  signalCount: number;
  lastSignalAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface SignalRow {
  externalId: string;
  type: string;
  occurredAt: Date;
  source: string;
}

export interface TransitionRow {
  fromStage: LifecycleStage | null;
  toStage: LifecycleStage;
  versionId: string | null;
  actorId: string | null;
  reason: string;
  at: Date;
}

export interface HandoverEventRow {
  kind: 'CREATED' | 'EXPIRED' | 'ACCEPTED' | 'REJECTED';
  actorId: string | null;
  detail: string;
  at: Date;
}

export interface HandoverRow {
  id: string;
  /** Index into the lead's transitions: its move into MQL. */
  transition: number;
  versionId: string;
  ownerId: string | null;
  status: HandoverStatus;
  grade: Grade;
  temperature: Temperature;
  temperatureRank: number;
  outcome: MatrixOutcome;
  fitScore: number;
  intentScore: number;
  explanation: string;
  handedOverAt: Date;
  dueAt: Date;
  expiredAt: Date | null;
  decidedAt: Date | null;
  decidedBy: string | null;
  withinSla: boolean | null;
  reasonKey: string | null;
  reasonLabel: string | null;
  note: string | null;
  events: HandoverEventRow[];
}

export interface QualificationRow {
  itemKey: string;
  met: boolean;
  note: string | null;
  versionId: string;
  answeredBy: string;
  answeredAt: Date;
}

export interface MeetingRow {
  id: string;
  ownerId: string;
  scheduledAt: Date;
  title: string;
  status: MeetingStatus;
  qualified: boolean;
  bookedById: string;
  bookedAt: Date;
  markedById: string | null;
  markedAt: Date | null;
}

export interface OpportunityTransitionRow {
  fromStage: OpportunityStage | null;
  toStage: OpportunityStage;
  amount: number;
  actorId: string;
  versionId: string;
  at: Date;
}

export interface OpportunityRow {
  id: string;
  name: string;
  ownerId: string;
  stage: OpportunityStage;
  amount: number;
  currency: string;
  closeDate: string | null;
  lostReason: string | null;
  revision: number;
  openedById: string;
  openedAt: Date;
  closedAt: Date | null;
  updatedAt: Date;
  transitions: OpportunityTransitionRow[];
}

export interface EvaluationRow {
  versionId: string;
  fitScore: number;
  grade: Grade;
  intentScore: number;
  temperature: Temperature;
  outcome: MatrixOutcome;
  evaluatedAt: Date;
}

/** Everything one lead brings to a workspace, every fact dated and consistent with the others. */
export interface LeadHistory {
  lead: LeadRow;
  signals: SignalRow[];
  /** Oldest first: the order of their ids. */
  transitions: TransitionRow[];
  handovers: HandoverRow[];
  qualifications: QualificationRow[];
  meetings: MeetingRow[];
  opportunities: OpportunityRow[];
  /** Under the version in force at `now`, as the product stores it. */
  evaluation: EvaluationRow | null;
}
