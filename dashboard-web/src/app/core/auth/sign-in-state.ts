import { Injectable, signal } from '@angular/core';

/**
 * Whether the API asked for the access token (a 401 answer). The app then shows the sign-in
 * page instead of the current one; signing in reloads the page, so every view starts over
 * with the session cookie.
 */
@Injectable({ providedIn: 'root' })
export class SignInState {
  private readonly isRequired = signal(false);

  readonly required = this.isRequired.asReadonly();

  require(): void {
    this.isRequired.set(true);
  }
}
