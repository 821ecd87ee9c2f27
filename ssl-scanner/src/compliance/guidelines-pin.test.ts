import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { mozillaGuidelinesVersion, mozillaProfiles } from './mozilla-guidelines.ts';

const pinnedFile = new URL('./guidelines/5.8.json', import.meta.url);

describe('the pinned Mozilla guidelines', () => {
  it("are Mozilla's 5.8 file, byte for byte", () => {
    const bytes = readFileSync(pinnedFile);
    expect(bytes.length).toBe(10117);
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(
      'a8d240002bfc495b8eb3399839833945192654ab1fdc890cd1ed4bbc8af03959',
    );
    expect(JSON.parse(bytes.toString('utf8')).version).toBe(5.8);
    expect(mozillaGuidelinesVersion).toBe('5.8');
  });

  it('give the profiles 5.8 defines, in the codes the scanner observes', () => {
    const byName = new Map(mozillaProfiles.map((profile) => [profile.name, profile]));
    expect(byName.get('modern')).toMatchObject({
      protocols: ['TLSv1.3'],
      cipherSuites: new Set([0x1301, 0x1302, 0x1303]),
      groups: new Set([29, 23, 24]),
      certificateKeyTypes: ['ec'],
      serverPreferredOrder: false,
    });
    expect(byName.get('modern')?.minimumDhBits).toBeUndefined();
    // 5.7 added DHE-RSA-CHACHA20-POLY1305 (0xCCAA) to intermediate; 5.8 kept it
    expect(byName.get('intermediate')).toMatchObject({
      protocols: ['TLSv1.2', 'TLSv1.3'],
      cipherSuites: new Set([
        0xc02b, 0xc02f, 0xc02c, 0xc030, 0xcca9, 0xcca8, 0x009f, 0x009e, 0xccaa, 0x1301, 0x1302, 0x1303,
      ]),
      certificateKeyTypes: ['ec', 'rsa'],
      minimumRsaKeyBits: 2048,
      minimumDhBits: 2048,
    });
    expect(byName.get('old')).toMatchObject({
      protocols: ['TLSv1.0', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3'],
      certificateKeyTypes: ['rsa'],
      certificateSignatures: ['sha256WithRSAEncryption'],
      minimumDhBits: 1024,
      serverPreferredOrder: true,
    });
    expect(byName.get('old')?.cipherSuites.size).toBe(29);
  });
});
