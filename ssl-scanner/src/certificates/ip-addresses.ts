import { isIP } from 'node:net';

/**
 * The canonical text of an IP address (IPv6 compressed and lower case), so that `0:0:0:0:0:0:0:1`, as Node
 * prints an IPv6 subjectAltName, equals `::1`; undefined when `text` is not an address.
 */
export const canonicalIpAddress = (text: string): string | undefined => {
  const bare = text.startsWith('[') && text.endsWith(']') ? text.slice(1, -1) : text;
  const family = isIP(bare);
  if (family === 0) return undefined;
  const host = new URL(family === 6 ? `http://[${bare}]/` : `http://${bare}/`).hostname;
  return family === 6 ? host.slice(1, -1) : host;
};
