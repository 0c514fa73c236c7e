import { HttpParameterCodec } from '@angular/common/http';

/**
 * Angular's default codec leaves `+` unescaped, which servers read back as a space: a config
 * filter such as `lr=1e+05` would arrive as `lr=1e 05`. This codec escapes everything.
 */
export class StrictUrlEncoder implements HttpParameterCodec {
  encodeKey(key: string): string {
    return encodeURIComponent(key);
  }

  encodeValue(value: string): string {
    return encodeURIComponent(value);
  }

  decodeKey(key: string): string {
    return decodeURIComponent(key);
  }

  decodeValue(value: string): string {
    return decodeURIComponent(value);
  }
}
