import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Observable, Subject, throwError } from 'rxjs';
import { HttpErrorResponse } from '@angular/common/http';
import { ChangeFeed } from './change-feed';
import { liveQuery } from './live-query';

describe('liveQuery', () => {
  const tick = signal(0);
  let calls: string[];
  let answers: Subject<string>;

  @Component({ template: '' })
  class Host {
    readonly name = signal('a');
    readonly fail = signal(false);
    readonly state = liveQuery(
      () => ({ name: this.name(), fail: this.fail() }),
      (p): Observable<string> => {
        calls.push(p.name);
        return p.fail
          ? throwError(
              () =>
                new HttpErrorResponse({
                  status: 404,
                  error: { detail: 'Experiment not found' },
                }),
            )
          : answers;
      },
    );
  }

  beforeEach(() => {
    calls = [];
    answers = new Subject<string>();
    tick.set(0);
    TestBed.configureTestingModule({
      providers: [{ provide: ChangeFeed, useValue: { tick } }],
    });
  });

  it('should load, then refetch quietly when the change feed ticks', async () => {
    const fixture = TestBed.createComponent(Host);
    await fixture.whenStable();
    expect(calls).toEqual(['a']);
    expect(fixture.componentInstance.state().status).toBe('loading');
    answers.next('first');
    expect(fixture.componentInstance.state()).toEqual({
      status: 'ready',
      data: 'first',
      error: undefined,
    });

    tick.set(1);
    await fixture.whenStable();
    expect(calls).toEqual(['a', 'a']);
    expect(fixture.componentInstance.state().status).toBe('ready');
    answers.next('second');
    expect(fixture.componentInstance.state().data).toBe('second');
  });

  it('should go back to loading, keeping the old data, when the params change', async () => {
    const fixture = TestBed.createComponent(Host);
    await fixture.whenStable();
    answers.next('first');
    fixture.componentInstance.name.set('b');
    await fixture.whenStable();
    expect(calls).toEqual(['a', 'b']);
    expect(fixture.componentInstance.state()).toEqual({
      status: 'loading',
      data: 'first',
      error: undefined,
    });
  });

  it('should report an API error with its status and detail', async () => {
    const fixture = TestBed.createComponent(Host);
    fixture.componentInstance.fail.set(true);
    await fixture.whenStable();
    expect(fixture.componentInstance.state()).toEqual({
      status: 'error',
      data: undefined,
      error: { status: 404, message: 'Experiment not found' },
    });
  });
});
