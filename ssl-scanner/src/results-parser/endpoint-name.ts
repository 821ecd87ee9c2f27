/** `192.0.2.7:443`, `[2001:db8::7]:443`: an endpoint as people and the certificates table write it. */
export const endpointName = (address: string, port: number): string =>
  address.includes(':') ? `[${address}]:${port}` : `${address}:${port}`;
