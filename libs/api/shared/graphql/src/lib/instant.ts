import { ValidateBy } from 'class-validator';

const EARLIEST = new Date('1900-01-01T00:00:00Z');
const LATEST = new Date(Date.UTC(10000, 0, 1));

/**
 * A real instant within what a person means and PostgreSQL's timestamptz holds: GraphQL's DateTime takes any
 * string (`yesterday` becomes an invalid date) and any year JavaScript can count, 10,000 BC included, which the
 * database refuses as an internal error.
 */
export const IsInstant = () =>
  ValidateBy({
    name: 'isInstant',
    validator: {
      // An invalid date compares false with everything.
      validate: (value: unknown) => value instanceof Date && value >= EARLIEST && value < LATEST,
      defaultMessage: (args) =>
        `${args?.property ?? 'value'} must be a date and time from 1900 to 9999, such as 2026-11-27T09:00:00Z`,
    },
  });
