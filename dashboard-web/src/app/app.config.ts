import { provideHttpClient, withFetch } from '@angular/common/http';
import { ApplicationConfig, provideBrowserGlobalErrorListeners } from '@angular/core';
import { UrlSerializer, provideRouter, withComponentInputBinding } from '@angular/router';
import { QueryFriendlyUrlSerializer } from './core/routing/query-friendly-url-serializer';
import { routes } from './app.routes';

export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    provideHttpClient(withFetch()),
    provideRouter(routes, withComponentInputBinding()),
    { provide: UrlSerializer, useClass: QueryFriendlyUrlSerializer },
  ],
};
