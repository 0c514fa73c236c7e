import { Pipe, PipeTransform } from '@angular/core';

/** An ISO instant in the browser's time zone and locale; `—` when missing or unreadable. */
@Pipe({ name: 'localTime' })
export class LocalTimePipe implements PipeTransform {
  transform(iso: string | null | undefined): string {
    if (!iso) {
      return '—';
    }
    const date = new Date(iso);
    return Number.isNaN(date.getTime()) ? iso : date.toLocaleString();
  }
}
