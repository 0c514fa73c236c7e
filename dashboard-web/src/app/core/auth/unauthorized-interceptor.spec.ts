import { HttpClient, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';
import { SIGN_IN_URL } from './sign-in-client';
import { SignInState } from './sign-in-state';
import { unauthorizedInterceptor } from './unauthorized-interceptor';

describe('unauthorizedInterceptor', () => {
  let http: HttpClient;
  let backend: HttpTestingController;
  let state: SignInState;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(withInterceptors([unauthorizedInterceptor])),
        provideHttpClientTesting(),
      ],
    });
    http = TestBed.inject(HttpClient);
    backend = TestBed.inject(HttpTestingController);
    state = TestBed.inject(SignInState);
  });

  afterEach(() => backend.verify());

  describe('when an API call answers 401', () => {
    it('should ask for the sign-in page and still fail the call', async () => {
      const answer = firstValueFrom(http.get('/api/stats'));
      backend
        .expectOne('/api/stats')
        .flush({ detail: 'Authentication required' }, { status: 401, statusText: 'Unauthorized' });
      await expect(answer).rejects.toMatchObject({ status: 401 });
      expect(state.required()).toBe(true);
    });
  });

  describe('when a call fails otherwise, or the sign-in exchange itself answers 401', () => {
    it('should leave the current page alone', async () => {
      const missing = firstValueFrom(http.get('/api/experiments/a.B/0123'));
      backend
        .expectOne('/api/experiments/a.B/0123')
        .flush({ detail: 'Experiment not found' }, { status: 404, statusText: 'Not Found' });
      await expect(missing).rejects.toMatchObject({ status: 404 });
      const wrongToken = firstValueFrom(http.post(SIGN_IN_URL, { token: 'x' }));
      backend
        .expectOne(SIGN_IN_URL)
        .flush({ detail: 'wrong' }, { status: 401, statusText: 'Unauthorized' });
      await expect(wrongToken).rejects.toMatchObject({ status: 401 });
      expect(state.required()).toBe(false);
    });
  });
});
