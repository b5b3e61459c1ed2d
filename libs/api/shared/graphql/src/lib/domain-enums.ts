import { registerEnumType } from '@nestjs/graphql';

import { GRADES, MATRIX_OUTCOMES, SENIORITIES, TEMPERATURES } from '@accord/domain/agreement';
import { LIFECYCLE_STAGES } from '@accord/domain/leads';

import { enumOf } from './enums';

/**
 * The agreement's words as GraphQL enums, registered once here: several feature modules (leads, handovers,
 * pipeline) expose them, and a GraphQL schema may hold each named type only once.
 */
export const GradeEnum = enumOf(GRADES);
export const TemperatureEnum = enumOf(TEMPERATURES);
export const MatrixOutcomeEnum = enumOf(MATRIX_OUTCOMES);
export const LifecycleStageEnum = enumOf(LIFECYCLE_STAGES);
export const SeniorityEnum = enumOf(SENIORITIES);

registerEnumType(GradeEnum, { name: 'Grade' });
registerEnumType(TemperatureEnum, { name: 'Temperature' });
registerEnumType(MatrixOutcomeEnum, { name: 'MatrixOutcome' });
registerEnumType(LifecycleStageEnum, { name: 'LifecycleStage' });
registerEnumType(SeniorityEnum, { name: 'Seniority' });
