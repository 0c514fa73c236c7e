import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable, map } from 'rxjs';

/** The API's sign-in exchange: the token for an HttpOnly session cookie. */
export const SIGN_IN_URL = '/api/auth/session';

@Injectable({ providedIn: 'root' })
export class SignInClient {
  private readonly http = inject(HttpClient);

  /** Completes once the server set the session cookie; fails with the server's 401 otherwise. */
  signIn(token: string): Observable<void> {
    return this.http
      .post(SIGN_IN_URL, { token }, { observe: 'response' })
      .pipe(map(() => undefined));
  }
}
