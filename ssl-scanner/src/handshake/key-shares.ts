import { createECDH, generateKeyPairSync } from 'node:crypto';

/** Real public keys, so a TLS 1.3 server can answer with a ServerHello instead of asking for another share. */
const x25519PublicKey = (): Buffer => {
  const jwk = generateKeyPairSync('x25519').publicKey.export({ format: 'jwk' });
  return Buffer.from(jwk.x ?? '', 'base64url');
};

const p256PublicKey = (): Buffer => {
  const ecdh = createECDH('prime256v1');
  return ecdh.generateKeys();
};

let shares: ReadonlyMap<number, Buffer> | undefined;

/** One key pair per process: the scanner never completes a handshake, so the private half is never used. */
export const keyShares = (): ReadonlyMap<number, Buffer> => {
  shares ??= new Map([
    [29, x25519PublicKey()],
    [23, p256PublicKey()],
  ]);
  return shares;
};
