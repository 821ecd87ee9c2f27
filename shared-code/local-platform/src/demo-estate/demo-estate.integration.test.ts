import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect } from 'node:tls';
import { afterAll, describe, expect, it } from '@jest/globals';
import { changedEstateLayout, type DemoEstate, demoEstateLayout, startDemoEstate } from './index.ts';

/** Its own loopback network, apart from the main job's and other tests' estates. */
const layout = demoEstateLayout('127.64.0');
const rotated = changedEstateLayout(layout);
const rotatedEndpoint = (() => {
  const address = rotated.addresses[2];
  const service = address?.services.find((candidate) => candidate.kind === 'tls');
  if (address === undefined || service === undefined)
    throw new Error('the changed estate rotates no certificate');
  return { host: address.address, port: service.port };
})();

/** The serial number of the certificate the endpoint presents, or the error the handshake ended with. */
const presentedSerial = (authority: string): Promise<string> =>
  new Promise((resolve) => {
    // The rotated server is the legacy one: TLS 1.0 and 1.1, a 1024-bit key, which OpenSSL 3 refuses by default.
    const legacy = { minVersion: 'TLSv1', ciphers: 'ALL:@SECLEVEL=0' } as const;
    const options = { ...rotatedEndpoint, ...legacy, ca: authority, servername: 'legacy.estate.test' };
    const socket = connect(options, () => {
      resolve(socket.getPeerCertificate().serialNumber);
      socket.destroy();
    });
    socket.setTimeout(10_000, () => {
      socket.destroy();
      resolve('timed out');
    });
    socket.on('error', (error) => resolve(`error: ${error.message}`));
  });

describe('the demo estate', () => {
  const directory = mkdtempSync(join(tmpdir(), 'sec-an-demo-estate-'));
  let estate: DemoEstate | undefined;

  afterAll(async () => {
    await estate?.stop();
    rmSync(directory, { recursive: true, force: true });
  });

  it('rotates a certificate with its port open all along, as a server reloading its files does', async () => {
    estate = await startDemoEstate(layout, directory);
    const authority = estate.authority.pem;
    const before = await presentedSerial(authority);
    expect(before).toMatch(/^[0-9A-F]+$/);

    let applying = true;
    const seen: string[] = [];
    const probing = (async () => {
      while (applying) seen.push(await presentedSerial(authority));
    })();
    await estate.apply(rotated);
    applying = false;
    await probing;

    // Every handshake during the change succeeded, with the old certificate or the new one: none was refused.
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.filter((serial) => !/^[0-9A-F]+$/.test(serial))).toEqual([]);
    const after = await presentedSerial(authority);
    expect(after).toMatch(/^[0-9A-F]+$/);
    expect(after).not.toBe(before);
    expect(estate.layout()).toBe(rotated);
  }, 120_000);
});
