import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { DashboardError } from '../errors/dashboard-error';

/**
 * class-validator through ValidationPipe, with failures as 422 `{"detail": "..."}` whose
 * message names the parameter (class-validator messages start with the property name).
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors: ValidationError[]) => {
      const messages = errors.flatMap(constraintMessages);
      return new DashboardError('INVALID_PARAMETER', messages.join('; ') || 'Invalid parameters');
    },
  });
}

function constraintMessages(error: ValidationError): string[] {
  const own = Object.values(error.constraints ?? {});
  return [...own, ...(error.children ?? []).flatMap(constraintMessages)];
}
