import { DefaultUrlSerializer, UrlTree } from '@angular/router';

/**
 * Keeps `/` readable in query strings (`/compare?ids=ns.Class/hash,...`): the default
 * serializer writes `%2F`, although RFC 3986 allows a plain `/` in a query. Paths are untouched.
 */
export class QueryFriendlyUrlSerializer extends DefaultUrlSerializer {
  override serialize(tree: UrlTree): string {
    const url = super.serialize(tree);
    const queryStart = url.indexOf('?');
    if (queryStart === -1) {
      return url;
    }
    const fragmentStart = url.indexOf('#', queryStart);
    const end = fragmentStart === -1 ? url.length : fragmentStart;
    const query = url.slice(queryStart, end).replace(/%2F/gi, '/');
    return url.slice(0, queryStart) + query + url.slice(end);
  }
}
