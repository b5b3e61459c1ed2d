import { type ValidatorFn, Validators } from '@angular/forms';

import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@accord/domain/workspace';

/** A password being chosen (sign-up, invitation, change): required, within the domain's length bounds. */
export const NEW_PASSWORD_VALIDATORS: readonly ValidatorFn[] = [
  Validators.required,
  Validators.minLength(PASSWORD_MIN_LENGTH),
  Validators.maxLength(PASSWORD_MAX_LENGTH),
];
