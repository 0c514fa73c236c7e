import { ChangeDetectionStrategy, Component } from '@angular/core';
import { RouterLink } from '@angular/router';

@Component({
  selector: 'app-not-found-page',
  imports: [RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="card not-found" data-testid="page-not-found">
      <h1>404: Page not found</h1>
      <p class="muted">There is no page at this address.</p>
      <p>
        <a routerLink="/">Go to the dashboard</a> or
        <a routerLink="/experiments">browse experiments</a>.
      </p>
    </section>
  `,
  styles: `
    .not-found {
      max-width: 36rem;
      margin: 3rem auto;
      text-align: center;
    }
  `,
})
export class NotFoundPage {}
