import { Pipe, PipeTransform } from '@angular/core';

/** The first `length` characters of a hash followed by `...`, as the reference showed them. */
@Pipe({ name: 'shortHash' })
export class ShortHashPipe implements PipeTransform {
  transform(hash: string | null | undefined, length = 8): string {
    if (!hash) {
      return '—';
    }
    return hash.length > length ? `${hash.slice(0, length)}...` : hash;
  }
}
