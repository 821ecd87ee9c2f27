/** `n` distinct addresses, IPv4 and IPv6 mixed, in a fixed order. */
export const syntheticAddresses = (n: number): string[] =>
  Array.from({ length: n }, (_, i) =>
    i % 5 === 4 ? `2001:db8::${i.toString(16)}` : `10.${(i >>> 16) & 0xff}.${(i >>> 8) & 0xff}.${i & 0xff}`,
  );
