/**
 * A port-level finding, for secondary scanners: one per open port, as plain values that the lead wraps in the
 * `port-finding` contract (its attributes: address, addressType, port, protocol, service, product, version,
 * tls). It carries the target's host names, which a TLS scanner needs for SNI.
 */
export interface PortFinding {
  readonly task: string;
  readonly scanId: string;
  readonly requestId: string;
  readonly endedAt: string;
  readonly raw: { readonly bucket: string; readonly key: string };
  readonly address: string;
  readonly addressType: 'ipv4' | 'ipv6';
  readonly hosts: readonly string[];
  readonly port: number;
  readonly protocol: string;
  readonly state: string;
  readonly service?: string;
  readonly product?: string;
  readonly version?: string;
  readonly tunnel?: string;
  readonly tls: boolean;
}
