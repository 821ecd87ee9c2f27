import type { ScanProfile } from '../scan-profile/index.ts';
import { parseTargetAddress, type ValidatedTarget } from '../targets/index.ts';

export interface NmapArgumentsInput {
  readonly targets: readonly ValidatedTarget[];
  readonly profile: ScanProfile;
  /** Where nmap writes its XML; a path the runner chose, never one from a request. */
  readonly xmlPath: string;
}

const portArguments = (ports: ScanProfile['ports']): string[] =>
  typeof ports === 'string' ? ['-p', ports] : ['--top-ports', String(ports.top)];

const addressesOf = (targets: readonly ValidatedTarget[]): { family: string; addresses: string[] } => {
  if (targets.length === 0) throw new RangeError('nmap arguments need at least one target');
  // Parsed again, so that nothing but a canonical address can ever reach the argument vector.
  const parsed = targets.map((target) => parseTargetAddress(target.address));
  const families = new Set(parsed.map((target) => target.addressType));
  if (families.size > 1) throw new RangeError('nmap scans IPv4 and IPv6 targets in separate runs (-6)');
  return { family: parsed[0]?.addressType ?? 'ipv4', addresses: parsed.map((target) => target.address) };
};

/**
 * nmap's argument vector, built here and handed to spawn (never a shell). Every option comes from the validated
 * profile; the targets come last, after `--`, so that even a value that slipped past validation could only be
 * taken as a target name, never as an option.
 *
 * - `-sT`: a connect scan needs no raw socket, so it runs the same on Fargate (no CAP_NET_RAW) and locally.
 * - `-v`: makes nmap write a `<host>` element for down hosts too, so every target has a result.
 * - `--reason`, `--noninteractive`, `--no-stylesheet`: reasons in the XML, no keyboard, no local file reference.
 */
export const buildNmapArguments = ({ targets, profile, xmlPath }: NmapArgumentsInput): string[] => {
  const { family, addresses } = addressesOf(targets);
  return [
    '-sT',
    '-v',
    '--reason',
    '--noninteractive',
    '--no-stylesheet',
    '-oX',
    xmlPath,
    `-T${profile.timing}`,
    ...portArguments(profile.ports),
    ...(profile.versionDetection ? ['-sV', '--version-intensity', String(profile.versionIntensity)] : []),
    ...(profile.osDetection ? ['-O'] : []),
    ...(profile.scripts.length > 0 ? ['--script', profile.scripts.join(',')] : []),
    ...(profile.hostDiscovery ? [] : ['-Pn']),
    ...(profile.reverseDns ? [] : ['-n']),
    '--host-timeout',
    `${profile.hostTimeoutSeconds}s`,
    ...(family === 'ipv6' ? ['-6'] : []),
    '--',
    ...addresses,
  ];
};
