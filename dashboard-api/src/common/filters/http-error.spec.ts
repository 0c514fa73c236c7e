import { BadRequestException, NotFoundException } from '@nestjs/common';
import { GrenStateError } from 'gren-ts';
import { DashboardError } from '../errors/dashboard-error';
import { toHttpError } from './http-error';

describe(toHttpError, () => {
  it.each<[string, unknown, number, string]>([
    ['an invalid parameter', DashboardError.invalidParameter('limit', 'too big'), 422, 'Invalid limit: too big'],
    ['an unknown experiment', DashboardError.experimentNotFound(), 404, 'Experiment not found'],
    ['an unknown route', new NotFoundException('Cannot GET /api/nope'), 404, 'Not found'],
    ['a Nest HttpException', new BadRequestException('bad'), 400, 'bad'],
    [
      'a store error (no internals leak)',
      GrenStateError.notObject('/secret/path/state.json'),
      500,
      'Internal server error',
    ],
    ['a programming error', new TypeError('x is undefined'), 500, 'Internal server error'],
    [
      'an http-errors error meant for clients',
      Object.assign(new Error('request entity too large'), { status: 413, expose: true }),
      413,
      'request entity too large',
    ],
    ['a thrown string', 'boom', 500, 'Internal server error'],
  ])('should map %s', (_name, exception, status, detail) => {
    expect(toHttpError(exception)).toEqual({ status, detail });
  });

  it('should map NOT_MODIFIED to 304', () => {
    expect(toHttpError(DashboardError.notModified()).status).toBe(304);
  });
});
