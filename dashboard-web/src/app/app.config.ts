import { provideHttpClient, withFetch, withInterceptors } from '@angular/common/http';
import { ApplicationConfig, provideBrowserGlobalErrorListeners } from '@angular/core';
import { UrlSerializer, provideRouter, withComponentInputBinding } from '@angular/router';
import { QueryFriendlyUrlSerializer } from './core/routing/query-friendly-url-serializer';
import { routes } from './app.routes';
import { unauthorizedInterceptor } from './core/auth/unauthorized-interceptor';

export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    provideHttpClient(withFetch(), withInterceptors([unauthorizedInterceptor])),
    provideRouter(routes, withComponentInputBinding()),
    { provide: UrlSerializer, useClass: QueryFriendlyUrlSerializer },
  ],
};
