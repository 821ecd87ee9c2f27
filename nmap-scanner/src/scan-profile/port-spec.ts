import { z } from 'zod';

const maxSegments = 1000;

const segmentProblem = (segment: string): string | undefined => {
  const match = /^(\d{1,5})(?:-(\d{1,5}))?$/.exec(segment);
  if (match === null) return `"${segment}" is not a port or a range of ports`;
  const from = Number(match[1]);
  const to = match[2] === undefined ? from : Number(match[2]);
  if (to > 65535) return `"${segment}" goes past port 65535`;
  if (from > to) return `"${segment}" is a range that ends before it starts`;
  return undefined;
};

/**
 * TCP ports as nmap's `-p` takes them, restricted to numbers and ranges (`22,80,443,8000-8100`): no service
 * names, no `T:`/`U:` prefixes, no `-` alone (all ports is written `0-65535` or `1-65535`).
 */
export const portListSchema = z
  .string()
  .min(1)
  .max(8000)
  .superRefine((text, context) => {
    const segments = text.split(',');
    if (segments.length > maxSegments) {
      context.addIssue({ code: 'custom', message: `at most ${maxSegments} ports or ranges` });
      return;
    }
    for (const segment of segments) {
      const problem = segmentProblem(segment);
      if (problem !== undefined) context.addIssue({ code: 'custom', message: problem });
    }
  });

/** A port list, or nmap's most common ports (`--top-ports`). */
export const portsSchema = z.union([portListSchema, z.strictObject({ top: z.int().min(1).max(65535) })]);

export type PortsSetting = z.output<typeof portsSchema>;
