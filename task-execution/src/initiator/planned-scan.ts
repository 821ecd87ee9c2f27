import { z } from 'zod';

/** A row of `scan-plan` as the initiator reads it: one address due in one bucket. */
const plannedScanSchema = z.object({
  bucket: z.string().min(1),
  address: z.string().min(1),
  plannedAt: z.number().int(),
  requestId: z.string().min(1),
  hosts: z.set(z.string()).optional(),
  status: z.enum(['planned', 'queued']),
});

export interface PlannedScan {
  readonly bucket: string;
  readonly address: string;
  readonly plannedAt: number;
  readonly requestId: string;
  readonly hosts: readonly string[];
}

/** Why a row cannot be read as a planned scan, or the planned scan (hosts sorted, so requests are stable). */
export const parsePlannedScan = (item: Record<string, unknown>): PlannedScan | string => {
  const parsed = plannedScanSchema.safeParse(item);
  if (!parsed.success) return z.prettifyError(parsed.error);
  const { bucket, address, plannedAt, requestId, hosts } = parsed.data;
  return { bucket, address, plannedAt, requestId, hosts: [...(hosts ?? [])].sort() };
};
