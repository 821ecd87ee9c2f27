import { createHash } from 'node:crypto';

/**
 * sfc32 (Chris Doty-Humphrey's Small Fast Counting generator, from PractRand), seeded with the first 128 bits of
 * SHA-256 of the seed text: the same text gives the same sequence on any machine, which is what makes a plan
 * reproducible. Not for secrets: it only has to spread scans evenly.
 */
export const seededRandom = (seed: string): (() => number) => {
  const digest = createHash('sha256').update(seed, 'utf8').digest();
  let a = digest.readUInt32BE(0);
  let b = digest.readUInt32BE(4);
  let c = digest.readUInt32BE(8);
  let d = digest.readUInt32BE(12);
  const next = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4_294_967_296;
  };
  // The recommended warm-up, so that seeds that differ in few bits diverge before the first value is used.
  for (let i = 0; i < 12; i += 1) next();
  return next;
};
