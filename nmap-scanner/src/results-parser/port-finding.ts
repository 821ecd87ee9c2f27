import type { Message } from '@sec-an/contracts/contract';
import type { portFindingV1 } from '@sec-an/contracts/port-finding';

/**
 * A port-level finding, for secondary scanners: one per open port, a `port-finding` v1 message whose
 * attributes (address, addressType, port, protocol, service, product, productVersion, tls) their subscriptions
 * filter on. It carries the target's host names, which a TLS scanner needs for SNI.
 */
export type PortFinding = Message<typeof portFindingV1>;
