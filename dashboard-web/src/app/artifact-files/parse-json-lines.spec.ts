import { formatBytes } from './format-bytes';
import { parseJson, parseJsonLines } from './parse-json-lines';

describe('parseJsonLines', () => {
  it('should parse each non-blank line and keep a broken one as text', () => {
    expect(parseJsonLines('{"a": 1}\n\nnot json\n[2]\n')).toEqual({
      lines: [
        { ok: true, value: { a: 1 } },
        { ok: false, text: 'not json' },
        { ok: true, value: [2] },
      ],
      lineCount: 3,
    });
  });
});

describe('parseJson', () => {
  it('should tell JSON from other text', () => {
    expect(parseJson('{"loss": 0.5}')).toEqual({ value: { loss: 0.5 } });
    expect(parseJson('{loss: 0.5}')).toBeUndefined();
  });
});

describe('formatBytes', () => {
  it.each([
    [512, '512 B'],
    [1536, '1.5 KB'],
    [12 * 1024 * 1024, '12 MB'],
  ])('should write %d bytes as %s', (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text);
  });
});
