import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { BROWSER_LOCATION, type BrowserLocation } from '../core/auth/browser-location';
import { SIGN_IN_URL } from '../core/auth/sign-in-client';
import { SignInPage } from './sign-in-page';

/** The parts of `location` the page uses, recorded instead of navigating the test runner. */
class FakeLocation implements BrowserLocation {
  replaced: string[] = [];
  constructor(readonly href: string) {}
  get search(): string {
    return new URL(this.href).search;
  }
  replace(address: string): void {
    this.replaced.push(address);
  }
}

describe(SignInPage.name, () => {
  let http: HttpTestingController;
  let location: FakeLocation;
  let fixture: ComponentFixture<SignInPage>;
  let root: HTMLElement;

  async function render(href: string): Promise<void> {
    location = new FakeLocation(href);
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: BROWSER_LOCATION, useValue: location },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(SignInPage);
    root = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
  }

  afterEach(() => http.verify());

  const field = (id: string) => root.querySelector<HTMLInputElement>(`[data-testid="${id}"]`)!;
  const text = (id: string) =>
    root.querySelector(`[data-testid="${id}"]`)?.textContent?.trim() ?? '';

  async function submit(token: string): Promise<void> {
    field('sign-in-token').value = token;
    field('sign-in-submit').click();
    await fixture.whenStable();
  }

  describe('when a token is pasted', () => {
    it('should send it once, trimmed, as JSON, and reload the same address without the failure hint', async () => {
      await render('http://127.0.0.1:8000/experiments?result_status=failed&sign_in=failed#top');
      await submit('  the-token  ');
      const request = http.expectOne(SIGN_IN_URL);
      expect(request.request.method).toBe('POST');
      expect(request.request.body).toEqual({ token: 'the-token' });
      request.flush(null, { status: 204, statusText: 'No Content' });
      await fixture.whenStable();
      expect(location.replaced).toEqual(['/experiments?result_status=failed#top']);
    });

    it('should say so when the token is refused, and let the user try again', async () => {
      await render('http://127.0.0.1:8000/');
      await submit('wrong');
      http
        .expectOne(SIGN_IN_URL)
        .flush({ detail: 'no' }, { status: 401, statusText: 'Unauthorized' });
      await fixture.whenStable();
      expect(text('sign-in-error')).toContain('That token is not accepted');
      expect(field('sign-in-submit').disabled).toBe(false);
      expect(location.replaced).toEqual([]);
    });

    it('should say when the dashboard cannot be reached', async () => {
      await render('http://127.0.0.1:8000/');
      await submit('token');
      http.expectOne(SIGN_IN_URL).error(new ProgressEvent('error'), { status: 0 });
      await fixture.whenStable();
      expect(text('sign-in-error')).toContain('could not be reached');
    });
  });

  describe('when the form is sent empty', () => {
    it('should ask for the token without calling the API', async () => {
      await render('http://127.0.0.1:8000/');
      await submit('   ');
      expect(text('sign-in-error')).toBe('Paste the access token first.');
    });
  });

  describe('when a login link was refused', () => {
    it('should explain it above the form', async () => {
      await render('http://127.0.0.1:8000/?sign_in=failed');
      expect(text('sign-in-link-failed')).toContain("sign-in link's token was not accepted");
    });

    it('should not without the hint', async () => {
      await render('http://127.0.0.1:8000/');
      expect(root.querySelector('[data-testid="sign-in-link-failed"]')).toBeNull();
    });
  });
});
