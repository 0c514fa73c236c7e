import { QueryFriendlyUrlSerializer } from './query-friendly-url-serializer';

describe(QueryFriendlyUrlSerializer.name, () => {
  const serializer = new QueryFriendlyUrlSerializer();

  it('should write / plainly in the query string', () => {
    const tree = serializer.parse('/compare?ids=p.Leaf%2Faaa,p.Leaf%2Fbbb');
    expect(serializer.serialize(tree)).toBe('/compare?ids=p.Leaf/aaa,p.Leaf/bbb');
  });

  it('should read both forms as the same value', () => {
    const plain = serializer.parse('/compare?ids=p.Leaf/aaa');
    const escaped = serializer.parse('/compare?ids=p.Leaf%2Faaa');
    expect(plain.queryParams).toEqual({ ids: 'p.Leaf/aaa' });
    expect(escaped.queryParams).toEqual(plain.queryParams);
  });

  it('should leave an escaped / in a path segment and other escapes in the query alone', () => {
    const tree = serializer.parse('/experiments/a%2Fb/h?config_filter=x%3D1%26y');
    expect(serializer.serialize(tree)).toBe('/experiments/a%2Fb/h?config_filter=x%3D1%26y');
  });
});
