import {
  ListHostedZonesCommand,
  type ListHostedZonesCommandInput,
  type ListHostedZonesCommandOutput,
  ListResourceRecordSetsCommand,
  type ListResourceRecordSetsCommandInput,
  type ListResourceRecordSetsCommandOutput,
  type Route53Client,
} from '@aws-sdk/client-route-53';

/** The two Route53 reads an ingest makes, as one narrow interface (a test can wrap it to inject throttling). */
export interface Route53Api {
  listHostedZones(input: ListHostedZonesCommandInput): Promise<ListHostedZonesCommandOutput>;
  listResourceRecordSets(
    input: ListResourceRecordSetsCommandInput,
  ): Promise<ListResourceRecordSetsCommandOutput>;
}

export const route53Api = (client: Route53Client): Route53Api => ({
  listHostedZones: (input) => client.send(new ListHostedZonesCommand(input)),
  listResourceRecordSets: (input) => client.send(new ListResourceRecordSetsCommand(input)),
});

/** The credentials one set of zones is read with: an assumed role, or the function's own. */
export interface Route53Source {
  /** The role ARN, or `own credentials`: named in errors. */
  readonly label: string;
  readonly api: Route53Api;
}
