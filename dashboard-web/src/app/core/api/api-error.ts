import { HttpErrorResponse } from '@angular/common/http';
import type { ApiErrorBody } from '@contract/api-types';

/** What the views need to know about a failed request. */
export interface ApiError {
  /** The HTTP status, or 0 when the API could not be reached. */
  readonly status: number;
  readonly message: string;
}

export function toApiError(error: unknown): ApiError {
  if (error instanceof HttpErrorResponse) {
    const body = error.error as Partial<ApiErrorBody> | null;
    const detail = typeof body?.detail === 'string' ? body.detail : null;
    return { status: error.status, message: detail ?? error.message };
  }
  return {
    status: 0,
    message: error instanceof Error ? error.message : String(error),
  };
}

export function isNotFound(error: ApiError | undefined): boolean {
  return error?.status === 404;
}
