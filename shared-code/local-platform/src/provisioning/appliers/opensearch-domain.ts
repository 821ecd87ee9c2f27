import { CloudWatchLogsClient, PutResourcePolicyCommand } from '@aws-sdk/client-cloudwatch-logs';
import { awsClient } from '@sec-an/runtime/aws-clients';
import { searchEndpointVariable } from '@sec-an/runtime/opensearch';
import type { Applier } from '../applier.ts';
import { ProvisioningError } from '../errors.ts';

const localNode = (address: string): URL => {
  const url = process.env[searchEndpointVariable];
  if (url === undefined || url === '') {
    throw new ProvisioningError(
      address,
      `${searchEndpointVariable} is not set, so there is no local node to stand for the domain`,
      'start the local backends first',
    );
  }
  return new URL(url);
};

/**
 * The local OpenSearch node stands for the domain: its endpoint is the node's `host:port`, so a published
 * endpoint parameter exists (functions reach the node through SEC_AN_OPENSEARCH_URL all the same). The node has
 * no Dashboards, so the Dashboards endpoint is empty, which tells the search setup there is none.
 */
export const applyOpensearchDomain: Applier = async (config, context) => {
  const domainName = config.string('domain_name');
  const { partition, region, accountId } = context.environment;
  const arn = `arn:${partition}:es:${region}:${accountId}:domain/${domainName}`;
  return {
    ...config.values,
    id: arn,
    arn,
    domain_name: domainName,
    domain_id: `${accountId}/${domainName}`,
    endpoint: localNode(context.address).host,
    dashboard_endpoint: '',
    tags_all: context.tagsOf(config),
  };
};

export const applyOpensearchDomainPolicy: Applier = async (_config, context) =>
  context.notApplied('the local node runs without the security plugin, so no access policy applies');

/** Put into moto as CloudWatch Logs would keep it; the local node delivers no logs to it. */
export const applyCloudwatchLogResourcePolicy: Applier = async (config) => {
  const policyName = config.string('policy_name');
  await awsClient(CloudWatchLogsClient).send(
    new PutResourcePolicyCommand({ policyName, policyDocument: config.string('policy_document') }),
  );
  return { ...config.values, id: policyName };
};
