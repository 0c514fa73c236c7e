import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { BROWSER_LOCATION } from '../core/auth/browser-location';
import { SignInClient } from '../core/auth/sign-in-client';

/** The query parameter the login link's redirect adds when its token was refused. */
export const FAILED_LINK_PARAM = 'sign_in';

/**
 * Shown instead of any page while the API answers 401: a form to paste the access token
 * gren-dashboard printed (or was given). The token goes to the API once, which answers with
 * an HttpOnly cookie; the page then reloads at the same address, without the failure hint.
 */
@Component({
  selector: 'app-sign-in-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="card sign-in" data-testid="sign-in-page" aria-labelledby="sign-in-title">
      <h1 id="sign-in-title">Sign in</h1>
      <p class="muted">
        This dashboard needs its access token. Use the sign-in link
        <code>gren-dashboard</code> printed when it started, or paste the token (from that output,
        <code>--token</code> or <code>GREN_DASHBOARD_TOKEN</code>) here.
      </p>
      @if (linkFailed) {
        <p class="error-text" role="alert" data-testid="sign-in-link-failed">
          The sign-in link's token was not accepted (the dashboard may have restarted with a new
          token).
        </p>
      }
      <form (submit)="submit($event, token.value)">
        <label for="access-token">Access token</label>
        <input
          #token
          id="access-token"
          name="token"
          type="password"
          autocomplete="off"
          spellcheck="false"
          required
          data-testid="sign-in-token"
        />
        <button
          type="submit"
          class="button--primary"
          [disabled]="busy()"
          data-testid="sign-in-submit"
        >
          Sign in
        </button>
      </form>
      @if (problem(); as message) {
        <p class="error-text" role="alert" data-testid="sign-in-error">{{ message }}</p>
      }
    </section>
  `,
  styles: `
    .sign-in {
      max-width: 34rem;
      margin: 3rem auto;
    }
    form {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      align-items: center;
      margin-top: 1rem;
    }
    label {
      flex-basis: 100%;
      font-weight: 600;
    }
    input {
      flex: 1;
      min-width: 12rem;
    }
  `,
})
export class SignInPage {
  private readonly client = inject(SignInClient);
  private readonly location = inject(BROWSER_LOCATION);

  readonly busy = signal(false);
  readonly problem = signal<string | null>(null);
  readonly linkFailed =
    new URLSearchParams(this.location.search).get(FAILED_LINK_PARAM) === 'failed';

  submit(event: Event, token: string): void {
    event.preventDefault();
    const trimmed = token.trim();
    if (!trimmed) {
      this.problem.set('Paste the access token first.');
      return;
    }
    this.busy.set(true);
    this.problem.set(null);
    this.client.signIn(trimmed).subscribe({
      next: () => this.location.replace(this.addressWithoutHint()),
      error: (error: unknown) => {
        this.busy.set(false);
        this.problem.set(
          error instanceof HttpErrorResponse && error.status === 401
            ? 'That token is not accepted. Check that you copied all of it from the latest start of gren-dashboard.'
            : 'The dashboard could not be reached. Is it still running?',
        );
      },
    });
  }

  /** The current address without `?sign_in=failed`. */
  private addressWithoutHint(): string {
    const url = new URL(this.location.href);
    url.searchParams.delete(FAILED_LINK_PARAM);
    return `${url.pathname}${url.search}${url.hash}`;
  }
}
