import { z } from 'zod';
import { portsSchema } from './port-spec.ts';

/**
 * NSE scripts a profile may run: safe, non-intrusive ones whose output the parser reads (or keeps as text). An
 * operator cannot name a category, a path or an expression, so a profile can never run an intrusive script.
 */
export const allowedScripts = [
  'ssl-cert',
  'ssl-enum-ciphers',
  'vulners',
  'http-server-header',
  'http-title',
  'ssh-hostkey',
  'banner',
] as const;

export type AllowedScript = (typeof allowedScripts)[number];

const maxDaySeconds = 86_400;

/**
 * How nmap scans, held in SSM as JSON (`scanProfileParameter`) and read at every scan. A key left out takes the
 * default below; an unknown key is an error, since a misspelt `scripts` would otherwise run the defaults.
 *
 * - `ports`: a list such as `"1-65535"` or `"22,80,443"`, or `{ "top": 1000 }` (nmap's most common ports).
 * - `timing`: nmap's timing template, 0 (paranoid) to 5 (insane); 4 suits a reliable network.
 * - `versionDetection` / `versionIntensity`: `-sV` and its intensity 0-9 (product, version, TLS tunnel).
 * - `osDetection`: `-O`. It needs raw sockets (root or CAP_NET_RAW), which Fargate does not grant, so it is off.
 * - `scripts`: from `allowedScripts`. vulners sends product names and versions to vulners.com and needs
 *   egress: opt in where the network allows it.
 * - `hostDiscovery`: false adds `-Pn` (scan even when nmap's ping says the host is down).
 * - `reverseDns`: false adds `-n`.
 * - `hostTimeoutSeconds`: nmap gives up a host after this (`--host-timeout`); its result is then partial.
 * - `overallTimeoutSeconds`: the runner stops nmap after this and stores what it wrote, marked incomplete.
 */
export const scanProfileSchema = z
  .strictObject({
    ports: portsSchema.default('1-65535'),
    timing: z.int().min(0).max(5).default(4),
    versionDetection: z.boolean().default(true),
    versionIntensity: z.int().min(0).max(9).default(7),
    osDetection: z.boolean().default(false),
    scripts: z
      .array(z.enum(allowedScripts))
      .default(['ssl-cert', 'ssl-enum-ciphers'])
      .refine((scripts) => new Set(scripts).size === scripts.length, 'a script is named twice'),
    hostDiscovery: z.boolean().default(true),
    reverseDns: z.boolean().default(true),
    hostTimeoutSeconds: z.int().min(1).max(maxDaySeconds).default(3_600),
    overallTimeoutSeconds: z.int().min(1).max(maxDaySeconds).default(5_400),
  })
  .refine((profile) => profile.hostTimeoutSeconds <= profile.overallTimeoutSeconds, {
    message:
      'hostTimeoutSeconds is longer than overallTimeoutSeconds, so a host could never time out on its own',
    path: ['hostTimeoutSeconds'],
  })
  .refine((profile) => profile.versionDetection || !profile.scripts.includes('vulners'), {
    message: 'vulners looks up the versions that version detection finds: turn versionDetection on',
    path: ['scripts'],
  });

export type ScanProfile = z.output<typeof scanProfileSchema>;
export type ScanProfileDefinition = z.input<typeof scanProfileSchema>;

/**
 * The profile a stage starts with: every TCP port, T4, version detection, the TLS scripts; no OS detection
 * (Fargate has no raw sockets) and no vulners (a third party learns the estate's software; it needs egress).
 * An hour per host, an hour and a half in all.
 */
export const defaultScanProfile: ScanProfile = scanProfileSchema.parse({});
