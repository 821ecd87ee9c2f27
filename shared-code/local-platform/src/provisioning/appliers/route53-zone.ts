import {
  ChangeTagsForResourceCommand,
  CreateHostedZoneCommand,
  GetHostedZoneCommand,
  type HostedZone,
  ListHostedZonesByNameCommand,
  Route53Client,
} from '@aws-sdk/client-route-53';
import { awsClient } from '@sec-an/runtime/aws-clients';
import type { Applier } from '../applier.ts';

const route53 = () => awsClient(Route53Client);

/** Route 53 answers with `/hostedzone/<id>`; Terraform's `zone_id` is the bare id. */
export const bareZoneId = (id: string): string => id.replace(/^\/hostedzone\//, '');

const dotted = (name: string): string => (name.endsWith('.') ? name : `${name}.`);

/** Zone names are not unique in Route 53, so a second run reuses the zone of that name instead of adding one. */
const existingZone = async (name: string): Promise<HostedZone | undefined> => {
  const { HostedZones = [] } = await route53().send(new ListHostedZonesByNameCommand({ DNSName: name }));
  return HostedZones.find((zone) => zone.Name === dotted(name));
};

const createZone = async (name: string, address: string, comment: string | undefined) => {
  const { HostedZone } = await route53().send(
    new CreateHostedZoneCommand({
      Name: name,
      CallerReference: address,
      ...(comment === undefined ? {} : { HostedZoneConfig: { Comment: comment } }),
    }),
  );
  return HostedZone;
};

const nameServersOf = async (zoneId: string): Promise<string[]> => {
  const { DelegationSet } = await route53().send(new GetHostedZoneCommand({ Id: zoneId }));
  return DelegationSet?.NameServers ?? [];
};

/** A public hosted zone; private zones (`vpc`) would need the VPC, which is not applied locally. */
export const applyRoute53Zone: Applier = async (config, context) => {
  if (config.has('vpc')) return context.notApplied('private hosted zones need a VPC, not applied locally');
  const name = config.string('name');
  const zone =
    (await existingZone(name)) ?? (await createZone(name, context.address, config.optionalString('comment')));
  const zoneId = bareZoneId(zone?.Id ?? '');
  const tags = context.tagsOf(config);
  if (Object.keys(tags).length > 0) {
    await route53().send(
      new ChangeTagsForResourceCommand({
        ResourceType: 'hostedzone',
        ResourceId: zoneId,
        AddTags: Object.entries(tags).map(([Key, Value]) => ({ Key, Value })),
      }),
    );
  }
  const nameServers = await nameServersOf(zoneId);
  return {
    ...config.values,
    id: zoneId,
    zone_id: zoneId,
    name,
    arn: `arn:${context.environment.partition}:route53:::hostedzone/${zoneId}`,
    name_servers: nameServers,
    primary_name_server: nameServers[0],
    tags_all: tags,
  };
};
