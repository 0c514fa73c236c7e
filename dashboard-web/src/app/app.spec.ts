import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { stubChangeFeed } from '../testing/stub-change-feed';
import { App } from './app';
import { SignInState } from './core/auth/sign-in-state';
import { NotFoundPage } from './not-found/not-found-page';

@Component({ template: '<p>page</p>' })
class PageStub {}

describe(App.name, () => {
  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        stubChangeFeed().provider,
        provideRouter([
          { path: '', component: PageStub },
          { path: 'experiments', component: PageStub },
          { path: 'dag', component: PageStub },
          { path: '**', component: NotFoundPage },
        ]),
      ],
    });
  });

  afterEach(() => TestBed.inject(HttpTestingController).verify());

  async function renderAt(url: string): Promise<HTMLElement> {
    const fixture = TestBed.createComponent(App);
    await TestBed.inject(Router).navigateByUrl(url);
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }

  it('should have a logo link home and the five navigation links', async () => {
    const root = await renderAt('/');
    const links = [...root.querySelectorAll<HTMLAnchorElement>('nav a')];
    expect(links.map((a) => [a.textContent!.trim(), a.getAttribute('href')])).toEqual([
      ['Gren', '/'],
      ['Dashboard', '/'],
      ['Experiments', '/experiments'],
      ['DAG', '/dag'],
      ['Timeline', '/timeline'],
      ['Plots', '/plots'],
    ]);
  });

  it('should mark only the current page as active (Dashboard on an exact match)', async () => {
    const root = await renderAt('/experiments');
    const current = [...root.querySelectorAll('[aria-current="page"]')].map((a) =>
      a.textContent!.trim(),
    );
    expect(current).toEqual(['Experiments']);
  });

  it('should offer a skip link to the main content', async () => {
    const root = await renderAt('/');
    expect(root.querySelector('.skip-link')!.getAttribute('href')).toBe('#main');
    expect(root.querySelector('main#main')).not.toBeNull();
  });

  it('should show the sign-in page instead of the route once the API asked for the token', async () => {
    TestBed.inject(SignInState).require();
    const root = await renderAt('/experiments');
    expect(root.querySelector('[data-testid="sign-in-page"]')).not.toBeNull();
    expect(root.querySelector('main')!.textContent).not.toContain('page');
  });

  it('should show the 404 page for an unknown route', async () => {
    const root = await renderAt('/no/such/page');
    expect(root.querySelector('[data-testid="page-not-found"] h1')!.textContent).toContain('404');
  });
});
