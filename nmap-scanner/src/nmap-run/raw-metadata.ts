import { z } from 'zod';
import { scanProfileSchema } from '../scan-profile/index.ts';

export const scanCompletions = ['complete', 'incomplete'] as const;

/**
 * What the lake keeps beside each raw XML (`metadata.json`): the request, the targets as validated, the profile
 * and nmap that made it, the times, and whether nmap finished. The parser reads it with the XML, so a scan cut
 * short is never taken for a complete one, and a target nmap wrote nothing about still gets a result.
 */
export const rawScanMetadataSchema = z.strictObject({
  format: z.literal('nmap-raw-scan'),
  version: z.literal(1),
  requestId: z.uuid(),
  targets: z
    .array(
      z.strictObject({
        address: z.string().min(2).max(45),
        addressType: z.enum(['ipv4', 'ipv6']),
        hosts: z.array(z.string().max(253)).max(1000),
      }),
    )
    .min(1),
  profile: scanProfileSchema,
  nmap: z.strictObject({ version: z.string().min(1).max(40), arguments: z.array(z.string()) }),
  startedAt: z.iso.datetime(),
  endedAt: z.iso.datetime(),
  completion: z.enum(scanCompletions),
  /** Why the scan is incomplete (`overall-timeout`); absent when complete. */
  incompleteReason: z.string().max(200).optional(),
  exitCode: z.int().nullable(),
  signal: z.string().nullable(),
});

export type RawScanMetadata = z.output<typeof rawScanMetadataSchema>;
