import type { Response } from 'express';

/** `{"detail": ...}` with a status, as every error of the API (no stack, nothing from the request echoed). */
export function sendError(response: Response, status: number, detail: string): void {
  response.status(status).type('application/json; charset=utf-8').send(JSON.stringify({ detail }));
}
