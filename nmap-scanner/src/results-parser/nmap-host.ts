import ipaddr from 'ipaddr.js';
import { MalformedXmlError } from './parser-errors.ts';
import { type ScriptValue, tableValue } from './script-table.ts';
import { attribute, childNamed, childrenNamed, integerAttribute, type XmlElement } from './xml-element.ts';

export interface NmapScript {
  readonly id: string;
  readonly output: string;
  readonly value: ScriptValue;
}

export interface NmapService {
  readonly name?: string;
  readonly product?: string;
  readonly version?: string;
  readonly extraInfo?: string;
  readonly osType?: string;
  readonly deviceType?: string;
  readonly hostName?: string;
  readonly method?: string;
  readonly confidence?: number;
  readonly tunnel?: string;
  readonly cpes: readonly string[];
}

export interface NmapPort {
  readonly protocol: string;
  readonly port: number;
  readonly state: string;
  readonly reason?: string;
  readonly reasonTtl?: number;
  readonly service?: NmapService;
  readonly scripts: readonly NmapScript[];
}

export interface NmapOsClass {
  readonly type?: string;
  readonly vendor?: string;
  readonly family?: string;
  readonly generation?: string;
  readonly accuracy?: number;
  readonly cpes: readonly string[];
}

export interface NmapOsMatch {
  readonly name: string;
  readonly accuracy: number;
  readonly classes: readonly NmapOsClass[];
}

/** One `<host>` of nmap's XML, read into plain values. */
export interface NmapHost {
  readonly address: string;
  readonly addressType: 'ipv4' | 'ipv6';
  readonly mac?: { readonly address: string; readonly vendor?: string };
  readonly state: string;
  readonly reason?: string;
  readonly hostNames: readonly { readonly name: string; readonly type?: string }[];
  readonly startedAt?: string;
  readonly endedAt?: string;
  readonly timedOut: boolean;
  readonly ports: readonly NmapPort[];
  readonly extraPorts: readonly { readonly state: string; readonly count: number }[];
  readonly osMatches: readonly NmapOsMatch[];
  readonly uptimeSeconds?: number;
  readonly distance?: number;
  readonly scripts: readonly NmapScript[];
}

/** nmap's epoch seconds as an ISO time; undefined when absent or not a time. */
export const epochAttribute = (element: XmlElement | undefined, name: string): string | undefined => {
  const seconds = integerAttribute(element, name);
  return seconds === undefined || seconds <= 0 ? undefined : new Date(seconds * 1000).toISOString();
};

const canonicalAddress = (text: string): string => {
  if (!ipaddr.isValid(text))
    throw new MalformedXmlError(`a host address "${text.slice(0, 60)}" is not an IP address`);
  return ipaddr.parse(text).toString();
};

const cpesOf = (element: XmlElement): string[] =>
  childrenNamed(element, 'cpe')
    .map((cpe) => cpe.text.trim())
    .filter((cpe) => cpe !== '');

/** The object's properties that may be undefined become optional ones that are left out when they are. */
type Compact<T> = { [K in keyof T as undefined extends T[K] ? never : K]: T[K] } & {
  [K in keyof T as undefined extends T[K] ? K : never]?: Exclude<T[K], undefined>;
};

const defined = <T extends object>(value: T): Compact<T> => {
  const kept: Record<string, unknown> = {};
  for (const [name, field] of Object.entries(value)) if (field !== undefined) kept[name] = field;
  return kept as Compact<T>;
};

export const scriptsOf = (element: XmlElement | undefined): NmapScript[] =>
  element === undefined
    ? []
    : childrenNamed(element, 'script').map((script) => ({
        id: attribute(script, 'id') ?? 'unknown',
        output: script.attributes.output ?? '',
        value: tableValue(script.children),
      }));

const serviceOf = (element: XmlElement | undefined): NmapService | undefined =>
  element === undefined
    ? undefined
    : defined({
        name: attribute(element, 'name'),
        product: attribute(element, 'product'),
        version: attribute(element, 'version'),
        extraInfo: attribute(element, 'extrainfo'),
        osType: attribute(element, 'ostype'),
        deviceType: attribute(element, 'devicetype'),
        hostName: attribute(element, 'hostname'),
        method: attribute(element, 'method'),
        confidence: integerAttribute(element, 'conf'),
        tunnel: attribute(element, 'tunnel'),
        cpes: cpesOf(element),
      });

const portOf = (element: XmlElement): NmapPort | undefined => {
  const port = integerAttribute(element, 'portid');
  const protocol = attribute(element, 'protocol');
  if (port === undefined || protocol === undefined || port < 0 || port > 65535) return undefined;
  const state = childNamed(element, 'state');
  return defined({
    protocol,
    port,
    state: attribute(state, 'state') ?? 'unknown',
    reason: attribute(state, 'reason'),
    reasonTtl: integerAttribute(state, 'reason_ttl'),
    service: serviceOf(childNamed(element, 'service')),
    scripts: scriptsOf(element),
  });
};

const osMatchesOf = (os: XmlElement | undefined): NmapOsMatch[] =>
  os === undefined
    ? []
    : childrenNamed(os, 'osmatch').map((match) => ({
        name: attribute(match, 'name') ?? 'unknown',
        accuracy: integerAttribute(match, 'accuracy') ?? 0,
        classes: childrenNamed(match, 'osclass').map((osClass) =>
          defined({
            type: attribute(osClass, 'type'),
            vendor: attribute(osClass, 'vendor'),
            family: attribute(osClass, 'osfamily'),
            generation: attribute(osClass, 'osgen'),
            accuracy: integerAttribute(osClass, 'accuracy'),
            cpes: cpesOf(osClass),
          }),
        ),
      }));

/** A host element as plain values; undefined for one without an IP address (cut off before it). */
export const readHost = (element: XmlElement): NmapHost | undefined => {
  const addresses = childrenNamed(element, 'address');
  const ip = addresses.find((address) => ['ipv4', 'ipv6'].includes(attribute(address, 'addrtype') ?? ''));
  const addressText = attribute(ip, 'addr');
  if (ip === undefined || addressText === undefined) return undefined;
  const mac = addresses.find((address) => attribute(address, 'addrtype') === 'mac');
  const macAddress = attribute(mac, 'addr');
  const status = childNamed(element, 'status');
  const ports = childNamed(element, 'ports');
  return defined({
    address: canonicalAddress(addressText),
    addressType: attribute(ip, 'addrtype') as 'ipv4' | 'ipv6',
    mac:
      macAddress === undefined
        ? undefined
        : defined({ address: macAddress, vendor: attribute(mac, 'vendor') }),
    state: attribute(status, 'state') ?? 'unknown',
    reason: attribute(status, 'reason'),
    hostNames: childrenNamed(childNamed(element, 'hostnames') ?? element, 'hostname').flatMap((hostName) => {
      const name = attribute(hostName, 'name');
      return name === undefined ? [] : [defined({ name, type: attribute(hostName, 'type') })];
    }),
    startedAt: epochAttribute(element, 'starttime'),
    endedAt: epochAttribute(element, 'endtime'),
    timedOut: attribute(element, 'timedout') === 'true',
    ports: ports === undefined ? [] : childrenNamed(ports, 'port').flatMap((port) => portOf(port) ?? []),
    extraPorts:
      ports === undefined
        ? []
        : childrenNamed(ports, 'extraports').map((extra) => ({
            state: attribute(extra, 'state') ?? 'unknown',
            count: integerAttribute(extra, 'count') ?? 0,
          })),
    osMatches: osMatchesOf(childNamed(element, 'os')),
    uptimeSeconds: integerAttribute(childNamed(element, 'uptime'), 'seconds'),
    distance: integerAttribute(childNamed(element, 'distance'), 'value'),
    scripts: scriptsOf(childNamed(element, 'hostscript')),
  });
};
