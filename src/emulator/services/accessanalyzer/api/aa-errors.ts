import { AwsError } from '../../../core/types';

/**
 * The Access Analyzer error shapes as the model defines them (status codes and members), so the
 * SDK raises its typed exceptions with the members filled in.
 */

export interface FieldError {
  /** The member's name as the request spells it; nested members use dots (`sort.orderBy`). */
  name: string;
  message: string;
}

export type ValidationReason = 'unknownOperation' | 'cannotParse' | 'fieldValidationFailed' | 'other' | 'notSupported';

/** `N validation error(s) detected: …` is how AWS's front end words field validation failures. */
export function fieldValidationError(fields: FieldError[]): AwsError {
  const count = fields.length;
  const detail = fields.map((f) => f.message).join('; ');
  const message = `${count} validation error${count === 1 ? '' : 's'} detected: ${detail}`;
  return new AwsError('ValidationException', message, 400, { reason: 'fieldValidationFailed', fieldList: fields });
}

export function validationError(message: string, reason: ValidationReason, fields?: FieldError[]): AwsError {
  const extra: Record<string, unknown> = { reason };
  if (fields && fields.length > 0) extra.fieldList = fields;
  return new AwsError('ValidationException', message, 400, extra);
}

export function resourceNotFound(message: string, resourceId: string, resourceType: string): AwsError {
  return new AwsError('ResourceNotFoundException', message, 404, { resourceId, resourceType });
}

export function conflict(message: string, resourceId: string, resourceType: string): AwsError {
  return new AwsError('ConflictException', message, 409, { resourceId, resourceType });
}

export function quotaExceeded(message: string, resourceId: string, resourceType: string): AwsError {
  return new AwsError('ServiceQuotaExceededException', message, 402, { resourceId, resourceType });
}

/** IAM's wording, which is what an auditor sees when a role lacks a permission or targets another account. */
export function accessDenied(callerArn: string, action: string, resource: string): AwsError {
  return new AwsError(
    'AccessDeniedException',
    `User: ${callerArn} is not authorized to perform: ${action} on resource: ${resource}`,
    403,
  );
}

export function internalError(): AwsError {
  return new AwsError('InternalServerException', 'Internal Server Error', 500);
}
