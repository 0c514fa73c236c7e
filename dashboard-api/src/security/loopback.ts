import * as net from 'node:net';

/** Whether binding to `host` keeps the dashboard on this machine (127.0.0.0/8, ::1, localhost). */
export function isLoopbackAddress(host: string): boolean {
  const bare = host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
  const name = bare.toLowerCase();
  if (name === 'localhost' || name.endsWith('.localhost')) return true;
  if (net.isIPv4(name)) return name.startsWith('127.');
  if (net.isIPv6(name)) {
    if (name === '::1' || /^(0{1,4}:){7}0{0,3}1$/.test(name)) return true;
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(name);
    return mapped?.[1] !== undefined && mapped[1].startsWith('127.');
  }
  return false;
}

/**
 * Whether a request's Host header names the loopback (any port): `127.0.0.1:8000`,
 * `localhost`, `[::1]:8000`. A missing or malformed header does not.
 */
export function isLoopbackHostHeader(header: string | undefined): boolean {
  if (!header) return false;
  const match = /^(\[[0-9a-fA-F:.]+\]|[^:[\]]+)(?::\d{1,5})?$/.exec(header.trim());
  return match?.[1] !== undefined && isLoopbackAddress(match[1]);
}
