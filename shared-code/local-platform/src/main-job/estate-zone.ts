import {
  ChangeResourceRecordSetsCommand,
  CreateHostedZoneCommand,
  ListHostedZonesByNameCommand,
  Route53Client,
} from '@aws-sdk/client-route-53';
import { awsClient } from '@sec-an/runtime/aws-clients';
import type { EstateLayout } from '../demo-estate/index.ts';

const zoneId = async (route53: Route53Client, zone: string): Promise<string> => {
  const { HostedZones = [] } = await route53.send(
    new ListHostedZonesByNameCommand({ DNSName: zone, MaxItems: 1 }),
  );
  const found = HostedZones.find((hosted) => hosted.Name === `${zone}.`);
  if (found?.Id !== undefined) return found.Id;
  const { HostedZone } = await route53.send(
    new CreateHostedZoneCommand({ Name: zone, CallerReference: `sec-an-demo-${zone}-${Date.now()}` }),
  );
  if (HostedZone?.Id === undefined) throw new Error(`Route53 created hosted zone ${zone} without an id`);
  return HostedZone.Id;
};

/** Every host name of the estate with its addresses, as A records. */
const hostRecords = (layout: EstateLayout): Map<string, string[]> => {
  const records = new Map<string, string[]>();
  for (const { address, hosts } of layout.addresses)
    for (const host of hosts) records.set(host, [...(records.get(host) ?? []), address]);
  return records;
};

/**
 * The hosted zone that names the estate, in the Route53 the platform reads (a zone of that name is reused, its
 * records set again), so the DNS ingest finds the estate as it would find an organisation's hosts.
 */
export const publishEstateZone = async (
  layout: EstateLayout,
): Promise<{ zoneId: string; records: number }> => {
  const route53 = awsClient(Route53Client);
  const id = await zoneId(route53, layout.zone);
  const records = [...hostRecords(layout)];
  await route53.send(
    new ChangeResourceRecordSetsCommand({
      HostedZoneId: id,
      ChangeBatch: {
        Changes: records.map(([host, addresses]) => ({
          Action: 'UPSERT',
          ResourceRecordSet: {
            Name: host,
            Type: 'A',
            TTL: 300,
            ResourceRecords: addresses.map((Value) => ({ Value })),
          },
        })),
      },
    }),
  );
  return { zoneId: id, records: records.length };
};
