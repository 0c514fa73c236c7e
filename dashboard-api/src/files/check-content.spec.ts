import { DashboardError } from '../common/errors/dashboard-error';
import { checkRasterImage, checkSvg, textContent } from './check-content';

/** What matplotlib writes: a doctype, a style sheet, metadata, and links inside the document only. */
const MATPLOTLIB_SVG = `<?xml version="1.0" encoding="utf-8" standalone="no"?>
<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">
<svg xmlns:xlink="http://www.w3.org/1999/xlink" width="460pt" height="345pt" viewBox="0 0 460 345" xmlns="http://www.w3.org/2000/svg" version="1.1">
 <metadata><rdf:RDF xmlns:dc="http://purl.org/dc/elements/1.1/"><cc:Work><dc:type rdf:resource="http://purl.org/dc/dcmitype/StillImage"/></cc:Work></rdf:RDF></metadata>
 <defs><style type="text/css">*{stroke-linejoin: round}</style><path id="m1" d="M 0 0 L 0 3.5"/></defs>
 <g><use xlink:href="#m1" x="57" y="307"/></g>
</svg>`;

function refusal(action: () => unknown): DashboardError {
  try {
    action();
  } catch (error) {
    if (error instanceof DashboardError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe(checkSvg, () => {
  it('should accept a plot as matplotlib writes it', () => {
    expect(() => checkSvg('plot.svg', Buffer.from(MATPLOTLIB_SVG))).not.toThrow();
  });

  it.each([
    ['<svg><script>alert(1)</script></svg>', '<script>'],
    ['<svg><rect onclick="x()"/></svg>', 'event handler'],
    ['<svg><a href="javascript:alert(1)"><rect/></a></svg>', 'javascript:'],
    ['<svg><foreignObject><div/></foreignObject></svg>', 'foreignObject'],
    ['<svg><image href="https://example.org/track.png"/></svg>', 'link to another document'],
    ['<!DOCTYPE svg [<!ENTITY x "y">]><svg>&x;</svg>', 'entity'],
    ['<html><body>not an image</body></html>', 'no <svg> element'],
  ])('should refuse %s', (text, words) => {
    const error = refusal(() => checkSvg('x.svg', Buffer.from(text)));
    expect(error.code).toBe('UNSUPPORTED_CONTENT');
    expect(error.message).toContain(words);
  });
});

describe(textContent, () => {
  it('should read UTF-8 and refuse NUL bytes or invalid sequences', () => {
    expect(textContent('a.txt', Buffer.from('héllo'))).toBe('héllo');
    expect(refusal(() => textContent('a.txt', Buffer.from([0x61, 0x00]))).message).toContain('a.txt is binary');
    expect(refusal(() => textContent('a.txt', Buffer.from([0xc3, 0x28]))).message).toContain('not UTF-8');
  });
});

describe(checkRasterImage, () => {
  it('should check the signature of the format the name says', () => {
    expect(() => checkRasterImage('a.jpg', 'jpeg', Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).not.toThrow();
    expect(refusal(() => checkRasterImage('a.png', 'png', Buffer.from([0xff, 0xd8, 0xff]))).message).toContain(
      'a.png is not a PNG image',
    );
  });
});
