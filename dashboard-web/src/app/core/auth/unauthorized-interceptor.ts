import { HttpErrorResponse, type HttpInterceptorFn } from '@angular/common/http';
import { inject } from '@angular/core';
import { catchError, throwError } from 'rxjs';
import { SIGN_IN_URL } from './sign-in-client';
import { SignInState } from './sign-in-state';

/**
 * A 401 from any API call means this browser has no valid session: the app switches to the
 * sign-in page. (The sign-in exchange's own 401 is a wrong token, which its form reports.)
 */
export const unauthorizedInterceptor: HttpInterceptorFn = (request, next) => {
  const state = inject(SignInState);
  return next(request).pipe(
    catchError((error: unknown) => {
      if (
        error instanceof HttpErrorResponse &&
        error.status === 401 &&
        request.url !== SIGN_IN_URL
      ) {
        state.require();
      }
      return throwError(() => error);
    }),
  );
};
