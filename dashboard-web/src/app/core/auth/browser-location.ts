import { DOCUMENT } from '@angular/common';
import { InjectionToken, inject } from '@angular/core';

/** The parts of `window.location` the sign-in page reads and navigates with. */
export type BrowserLocation = Pick<Location, 'href' | 'search' | 'replace'>;

/** The browser's location (tests hand in their own, since a real reload would end the test run). */
export const BROWSER_LOCATION = new InjectionToken<BrowserLocation>('BROWSER_LOCATION', {
  providedIn: 'root',
  factory: () => inject(DOCUMENT).location,
});
