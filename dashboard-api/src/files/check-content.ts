import { DashboardError } from '../common/errors/dashboard-error';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const JPEG_SIGNATURE = Buffer.from([0xff, 0xd8, 0xff]);

/**
 * The bytes of a file named as text, as text; refused when they are not UTF-8 or hold a NUL
 * byte (binary data posing as text, which the viewer would show as garbage).
 */
export function textContent(name: string, bytes: Buffer): string {
  if (bytes.includes(0)) throw DashboardError.unsupportedContent(name, 'is binary (it holds NUL bytes), not text');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw DashboardError.unsupportedContent(name, 'is not UTF-8 text');
  }
}

/** Refuses a PNG or JPEG whose first bytes are not that format's signature. */
export function checkRasterImage(name: string, kind: 'png' | 'jpeg', bytes: Buffer): void {
  const signature = kind === 'png' ? PNG_SIGNATURE : JPEG_SIGNATURE;
  if (!bytes.subarray(0, signature.length).equals(signature))
    throw DashboardError.unsupportedContent(name, `is not a ${kind.toUpperCase()} image (wrong signature)`);
}

/**
 * Patterns of active SVG content: scripts, event handler attributes, javascript: URLs,
 * embedded HTML, and references to other documents or origins. An `<img>` would not run them,
 * but the file could still be opened on its own; an SVG holding any of them is refused.
 */
const ACTIVE_SVG: readonly [RegExp, string][] = [
  [/<\s*script/i, 'a <script> element'],
  [/\son[a-z]+\s*=/i, 'an event handler attribute (on...=)'],
  [/javascript\s*:/i, 'a javascript: URL'],
  [/<\s*foreignObject/i, 'a <foreignObject> element'],
  [/<\s*(iframe|embed|object)\b/i, 'an embedded document'],
  [/href\s*=\s*["']\s*(?!#|data:image\/)/i, 'a link to another document'],
  [/<!ENTITY/i, 'an entity declaration'],
];

/** An SVG image as text, refused when it is not text, not SVG, or holds active content. */
export function checkSvg(name: string, bytes: Buffer): void {
  const text = textContent(name, bytes);
  if (!/<svg[\s>]/i.test(text)) throw DashboardError.unsupportedContent(name, 'is not an SVG image (no <svg> element)');
  for (const [pattern, what] of ACTIVE_SVG) {
    if (pattern.test(text))
      throw DashboardError.unsupportedContent(name, `holds ${what}: SVG images with active content are not served`);
  }
}
