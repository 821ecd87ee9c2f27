import {
  ChangeResourceRecordSetsCommand,
  type ResourceRecordSet,
  Route53Client,
  type RRType,
} from '@aws-sdk/client-route-53';
import { awsClient } from '@sec-an/runtime/aws-clients';
import type { Applier } from '../applier.ts';
import type { ResourceConfig } from '../config.ts';
import { InvalidConfigurationError } from '../errors.ts';

/** Terraform's AWS provider quotes TXT and SPF values that are not quoted yet; Route 53 wants them quoted. */
const recordValue = (type: string, value: string): string =>
  (type === 'TXT' || type === 'SPF') && !value.startsWith('"') ? `"${value}"` : value;

const aliasTarget = (alias: ResourceConfig) => ({
  AliasTarget: {
    DNSName: alias.string('name'),
    HostedZoneId: alias.string('zone_id'),
    EvaluateTargetHealth: alias.boolean('evaluate_target_health', false),
  },
});

const recordSet = (config: ResourceConfig, name: string, type: string): ResourceRecordSet => {
  const alias = config.block('alias');
  const setIdentifier = config.optionalString('set_identifier');
  const base = {
    Name: name,
    Type: type as RRType,
    ...(setIdentifier === undefined ? {} : { SetIdentifier: setIdentifier }),
  };
  if (alias !== undefined) return { ...base, ...aliasTarget(alias) };
  const ttl = config.optionalNumber('ttl');
  if (ttl === undefined) {
    throw new InvalidConfigurationError(config.address, 'a record without alias needs ttl and records');
  }
  return {
    ...base,
    TTL: ttl,
    ResourceRecords: config.stringList('records').map((value) => ({ Value: recordValue(type, value) })),
  };
};

/** UPSERT, so that a second run converges as Terraform's update would. */
export const applyRoute53Record: Applier = async (config) => {
  const zoneId = config.string('zone_id');
  const name = config.string('name').replace(/\.$/, '');
  const type = config.string('type');
  await awsClient(Route53Client).send(
    new ChangeResourceRecordSetsCommand({
      HostedZoneId: zoneId,
      ChangeBatch: { Changes: [{ Action: 'UPSERT', ResourceRecordSet: recordSet(config, name, type) }] },
    }),
  );
  const setIdentifier = config.optionalString('set_identifier');
  return {
    ...config.values,
    id: [zoneId, name, type, ...(setIdentifier === undefined ? [] : [setIdentifier])].join('_'),
    name,
    fqdn: name,
  };
};
