import { AppError } from '@accord/api/shared/graphql';
import {
  type AmountRefusal,
  type BookingRefusal,
  MAX_LOST_REASON_LENGTH,
  MAX_MEETING_NOTES_LENGTH,
  MAX_MEETING_TITLE_LENGTH,
  MAX_OPPORTUNITY_AMOUNT,
  MEETING_BOOKING_WINDOW_DAYS,
  type MeetingMarkRefusal,
  type MeetingStatus,
  type OpenRefusal,
  type OpportunityMoveRefusal,
  type OpportunityStage,
} from '@accord/domain/pipeline';

// The pipeline's refusals, each mapped once to the error a client sees, with an exhaustive switch.

export function amountError(refusal: AmountRefusal, field = 'amount'): AppError {
  const message = ((): string => {
    switch (refusal) {
      case 'NOT_FINITE':
        return 'must be a finite number';
      case 'NEGATIVE':
        return 'must not be negative';
      case 'TOO_LARGE':
        return `must be at most ${MAX_OPPORTUNITY_AMOUNT.toLocaleString('en-US')}`;
      case 'TOO_PRECISE':
        return 'must be in whole cents';
    }
  })();
  return AppError.badInput(`${field}: ${message}`, [{ field, message }]);
}

export function bookingError(refusal: BookingRefusal): AppError {
  switch (refusal) {
    case 'OUTSIDE_WINDOW':
      return field('scheduledAt', `must be within ${MEETING_BOOKING_WINDOW_DAYS} days of now`);
    case 'TITLE_TOO_LONG':
      return field('title', `must be at most ${MAX_MEETING_TITLE_LENGTH} characters`);
    case 'NOTES_TOO_LONG':
      return field('notes', `must be at most ${MAX_MEETING_NOTES_LENGTH} characters`);
  }
}

export function markError(refusal: MeetingMarkRefusal, current: MeetingStatus): AppError {
  switch (refusal) {
    case 'ALREADY_MARKED':
      return AppError.conflict(`The meeting is already marked ${current}.`, { status: current });
    case 'NOT_A_MARK':
      return field('status', 'must be HELD, NO_SHOW or CANCELLED');
    case 'NOT_STARTED':
      return AppError.badInput('The meeting has not started yet: it can only be cancelled.', [
        { field: 'status', message: 'the meeting has not started yet' },
      ]);
  }
}

export function openError(refusal: OpenRefusal, leadStage: string): AppError {
  switch (refusal) {
    case 'ALREADY_OPEN':
      return AppError.conflict('The lead already has an open opportunity.');
    case 'LEAD_NOT_ACCEPTED':
      return AppError.badInput(
        `Opportunities open on leads sales have accepted (SAL or SQL); this lead is ${leadStage}.`,
        [{ field: 'leadId', message: `the lead is ${leadStage}, not SAL or SQL` }],
      );
  }
}

export function moveError(
  refusal: OpportunityMoveRefusal,
  move: { from: OpportunityStage; to: OpportunityStage; openedOn: string; today: string },
): AppError {
  switch (refusal) {
    case 'ALREADY_CLOSED':
      return AppError.conflict(`The opportunity is already closed ${move.from}.`, { stage: move.from });
    case 'NOT_FORWARD':
      return field('stage', `must come after ${move.from}; opportunities only move forward`);
    case 'CLOSE_DATE_REQUIRED':
      return field('closeDate', `is required to close the opportunity ${move.to}`);
    case 'CLOSE_DATE_ONLY_WHEN_CLOSING':
      return field('closeDate', 'is only given when closing (WON or LOST)');
    case 'CLOSE_DATE_BEFORE_OPENED':
      return field('closeDate', `must not be before the opportunity opened (${move.openedOn})`);
    case 'CLOSE_DATE_IN_FUTURE':
      return field('closeDate', `must not be after today (${move.today})`);
    case 'LOST_REASON_REQUIRED':
      return field('lostReason', 'is required to close the opportunity LOST');
    case 'LOST_REASON_ONLY_WHEN_LOST':
      return field('lostReason', 'is only given when closing LOST');
    case 'LOST_REASON_TOO_LONG':
      return field('lostReason', `must be at most ${MAX_LOST_REASON_LENGTH} characters`);
  }
}

function field(name: string, message: string): AppError {
  return AppError.badInput(`${name}: ${message}`, [{ field: name, message }]);
}
