import { z } from 'zod';

import {
  type AgreementDocument,
  type FitCriterion,
  type IntentSignalRule,
  type Kpi,
  type RejectionReason,
  type Routing,
  type SqlChecklistItem,
  agreementDocumentSchema,
} from './document';

/**
 * What the rules relating one field to another need of a document, each part optional: a document that does not
 * parse as a whole is read field by field, so those rules can still check the parts that make sense. List items
 * keep their index (an unreadable item is an empty object), so problems keep the paths the member sees.
 * A parsed `AgreementDocument` is one too, with every part present.
 */
export interface ReadableDocument {
  fit: { criteria: Partial<FitCriterion>[]; grades: Partial<AgreementDocument['fit']['grades']> };
  intent: {
    signals: Partial<IntentSignalRule>[];
    temperature: Partial<AgreementDocument['intent']['temperature']>;
  };
  handover: { matrix?: AgreementDocument['handover']['matrix']; routing?: Routing };
  sql: { checklist: Partial<SqlChecklistItem>[]; minimumMet?: number };
  rejectionReasons: Partial<RejectionReason>[];
  kpis: Partial<Kpi>[];
}

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

function readable<T extends z.ZodType>(schema: T, value: unknown): z.output<T> | undefined {
  const parsed = schema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

/** The fields of an object that parse on their own; the others are left out. */
function readableFields<T extends z.ZodObject>(schema: T, value: unknown): Partial<z.output<T>> {
  const fields = record(value);
  const read: Record<string, unknown> = {};
  const shape: Record<string, z.ZodType> = schema.shape;
  for (const [name, field] of Object.entries(shape)) {
    const parsed: unknown = readable(field, fields[name]);
    if (parsed !== undefined) read[name] = parsed;
  }
  return read as Partial<z.output<T>>;
}

/** Each item of a list read field by field, at its own index; nothing when the value is not a list. */
function readableItems<T extends z.ZodObject>(schema: T, value: unknown): Partial<z.output<T>>[] {
  return Array.isArray(value) ? value.map((item) => readableFields(schema, item)) : [];
}

const SHAPE = agreementDocumentSchema.shape;

/** The parts of untrusted input that parse on their own, in the shape the cross-field rules read. */
export function readableDocument(input: unknown): ReadableDocument {
  const document = record(input);
  const fit = record(document['fit']);
  const intent = record(document['intent']);
  const handover = record(document['handover']);
  const sql = record(document['sql']);
  return {
    fit: {
      criteria: readableItems(SHAPE.fit.shape.criteria.element, fit['criteria']),
      grades: readableFields(SHAPE.fit.shape.grades, fit['grades']),
    },
    intent: {
      signals: readableItems(SHAPE.intent.shape.signals.element, intent['signals']),
      temperature: readableFields(SHAPE.intent.shape.temperature, intent['temperature']),
    },
    handover: {
      matrix: readable(SHAPE.handover.shape.matrix, handover['matrix']),
      routing: readable(SHAPE.handover.shape.routing, handover['routing']),
    },
    sql: {
      checklist: readableItems(SHAPE.sql.shape.checklist.element, sql['checklist']),
      minimumMet: readable(SHAPE.sql.shape.minimumMet, sql['minimumMet']),
    },
    rejectionReasons: readableItems(SHAPE.rejectionReasons.element, document['rejectionReasons']),
    kpis: readableItems(SHAPE.kpis.element, document['kpis']),
  };
}
