import { DestroyRef, Signal, computed, inject, signal } from '@angular/core';
import { toObservable } from '@angular/core/rxjs-interop';
import { Observable, catchError, combineLatest, map, of, switchMap } from 'rxjs';
import { ApiError, toApiError } from '../api/api-error';
import { ChangeFeed } from './change-feed';

export interface LoadState<T> {
  /** `loading` also while refetching for new params; `data` then still holds the old answer. */
  readonly status: 'loading' | 'ready' | 'error';
  readonly data: T | undefined;
  readonly error: ApiError | undefined;
}

type Outcome<T> = { ok: true; data: T } | { ok: false; error: ApiError };

/**
 * Loads `fetch(params())` whenever the params change, and again, quietly, whenever the API
 * reports a change. Call it in an injection context (a field initializer).
 */
export function liveQuery<P, T>(
  params: () => P,
  fetch: (params: P) => Observable<T>,
): Signal<LoadState<T>> {
  const feed = inject(ChangeFeed);
  const destroyRef = inject(DestroyRef);
  const state = signal<LoadState<T>>({
    status: 'loading',
    data: undefined,
    error: undefined,
  });
  let lastParams: { value: P } | null = null;

  const subscription = combineLatest([toObservable(computed(params)), toObservable(feed.tick)])
    .pipe(
      switchMap(([value]) => {
        if (lastParams === null || lastParams.value !== value) {
          lastParams = { value };
          state.update((s) => ({ ...s, status: 'loading' }));
        }
        return fetch(value).pipe(
          map((data): Outcome<T> => ({ ok: true, data })),
          catchError((error: unknown) => of<Outcome<T>>({ ok: false, error: toApiError(error) })),
        );
      }),
    )
    .subscribe((outcome) =>
      state.set(
        outcome.ok
          ? { status: 'ready', data: outcome.data, error: undefined }
          : { status: 'error', data: undefined, error: outcome.error },
      ),
    );
  destroyRef.onDestroy(() => subscription.unsubscribe());
  return state.asReadonly();
}
