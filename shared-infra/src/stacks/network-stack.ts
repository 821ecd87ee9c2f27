import { DataAwsAvailabilityZones } from '@cdktf/provider-aws/lib/data-aws-availability-zones/index.js';
import { DefaultSecurityGroup } from '@cdktf/provider-aws/lib/default-security-group/index.js';
import { Eip } from '@cdktf/provider-aws/lib/eip/index.js';
import { InternetGateway } from '@cdktf/provider-aws/lib/internet-gateway/index.js';
import { NatGateway } from '@cdktf/provider-aws/lib/nat-gateway/index.js';
import { Route } from '@cdktf/provider-aws/lib/route/index.js';
import { RouteTable } from '@cdktf/provider-aws/lib/route-table/index.js';
import { RouteTableAssociation } from '@cdktf/provider-aws/lib/route-table-association/index.js';
import { Subnet } from '@cdktf/provider-aws/lib/subnet/index.js';
import { Vpc } from '@cdktf/provider-aws/lib/vpc/index.js';
import { type Construct, Fn, Token } from '@sec-an/constructs/cdktf';
import { publishParameter } from '@sec-an/constructs/parameters';
import { type DeploymentSettings, ServiceStack } from '@sec-an/constructs/service-stack';
import { VpcFlowLogs } from '../network/flow-logs.ts';
import { type NetworkProps, resolveNetworkProps, validateNetworkProps } from '../network/network-props.ts';
import { privateSubnetCidr, publicSubnetCidr } from '../network/subnet-cidrs.ts';
import { sharedInfraProject } from './shared-infra-project.ts';

export type NetworkStackProps = DeploymentSettings & NetworkProps;

const anywhere = '0.0.0.0/0';

/**
 * The VPC: a public and a private subnet in each zone, an internet gateway for the public ones, optional NAT
 * gateways for the private ones, a default security group that allows nothing, and flow logs.
 */
export class NetworkStack extends ServiceStack {
  readonly vpc: Vpc;
  readonly publicSubnets: readonly Subnet[];
  readonly privateSubnets: readonly Subnet[];
  readonly privateRouteTables: readonly RouteTable[];
  readonly natGateways: readonly NatGateway[];

  constructor(scope: Construct, id: string, props: NetworkStackProps) {
    super(scope, id, { ...props, project: sharedInfraProject });
    const errors = validateNetworkProps(props, this.region);
    if (errors.length > 0) throw new Error(`stack ${id}: ${errors.join('; ')}`);
    const network = resolveNetworkProps(props, this.region);
    // Pinned by name, and not filtered on state: a zone AWS adds, or one that is impaired for a while, must not
    // shift which zone each subnet is in (that would replace the subnets).
    const zones = new DataAwsAvailabilityZones(this, 'zones', {
      filter: [{ name: 'zone-name', values: [...network.availabilityZoneNames] }],
    });
    // Indexing (not element(), which wraps around) fails the plan when a named zone does not exist.
    const zoneNames = network.availabilityZoneNames.map((_, zone) =>
      Token.asString(Fn.lookupNested(zones.names, [zone])),
    );
    this.vpc = new Vpc(this, 'vpc', {
      cidrBlock: network.cidrBlock,
      enableDnsSupport: true,
      enableDnsHostnames: true,
      tags: { Name: this.physicalName('vpc') },
    });
    // Adopting the default security group with no rules removes AWS's allow-all rules from it.
    new DefaultSecurityGroup(this, 'default-security-group', { vpcId: this.vpc.id, ingress: [], egress: [] });
    const internetGateway = new InternetGateway(this, 'internet-gateway', { vpcId: this.vpc.id });
    this.publicSubnets = zoneNames.map((zone, index) =>
      this.subnet('public', index, zone, publicSubnetCidr(network.cidrBlock, index)),
    );
    this.privateSubnets = zoneNames.map((zone, index) =>
      this.subnet('private', index, zone, privateSubnetCidr(network.cidrBlock, index)),
    );
    this.routePublicSubnets(internetGateway);
    this.natGateways = this.natGatewaysFor(network.natGateways, internetGateway);
    this.privateRouteTables = this.routePrivateSubnets();
    new VpcFlowLogs(this, 'flow-logs', { vpcId: this.vpc.id });
    this.publish(zoneNames);
  }

  /**
   * No subnet gives its instances public addresses by default, public ones included: a resource that must be
   * reachable from the internet asks for an address (or an Elastic IP) explicitly.
   */
  private subnet(tier: 'public' | 'private', index: number, zone: string, cidrBlock: string): Subnet {
    return new Subnet(this, `${tier}-subnet-${index}`, {
      vpcId: this.vpc.id,
      availabilityZone: zone,
      cidrBlock,
      mapPublicIpOnLaunch: false,
      tags: { Name: this.physicalName(`${tier}-${index}`), tier },
    });
  }

  private routePublicSubnets(internetGateway: InternetGateway): void {
    const table = new RouteTable(this, 'public-routes', {
      vpcId: this.vpc.id,
      tags: { Name: this.physicalName('public') },
    });
    new Route(this, 'public-default-route', {
      routeTableId: table.id,
      destinationCidrBlock: anywhere,
      gatewayId: internetGateway.id,
    });
    this.publicSubnets.forEach((subnet, index) => {
      new RouteTableAssociation(this, `public-routes-${index}`, {
        subnetId: subnet.id,
        routeTableId: table.id,
      });
    });
  }

  private natGatewaysFor(
    choice: NetworkProps['natGateways'],
    internetGateway: InternetGateway,
  ): NatGateway[] {
    const count = choice === 'per-zone' ? this.publicSubnets.length : choice === 'single' ? 1 : 0;
    return this.publicSubnets.slice(0, count).map((subnet, index) => {
      const address = new Eip(this, `nat-address-${index}`, {
        domain: 'vpc',
        tags: { Name: this.physicalName(`nat-${index}`) },
      });
      return new NatGateway(this, `nat-gateway-${index}`, {
        allocationId: address.allocationId,
        subnetId: subnet.id,
        tags: { Name: this.physicalName(`nat-${index}`) },
        dependsOn: [internetGateway],
      });
    });
  }

  /** One table per zone whether or not there is NAT, so that turning NAT on only adds routes. */
  private routePrivateSubnets(): RouteTable[] {
    return this.privateSubnets.map((subnet, index) => {
      const table = new RouteTable(this, `private-routes-${index}`, {
        vpcId: this.vpc.id,
        tags: { Name: this.physicalName(`private-${index}`) },
      });
      new RouteTableAssociation(this, `private-routes-association-${index}`, {
        subnetId: subnet.id,
        routeTableId: table.id,
      });
      const natGateway = this.natGateways[index] ?? this.natGateways[0];
      if (natGateway !== undefined) {
        new Route(this, `private-default-route-${index}`, {
          routeTableId: table.id,
          destinationCidrBlock: anywhere,
          natGatewayId: natGateway.id,
        });
      }
      return table;
    });
  }

  private publish(zoneNames: readonly string[]): void {
    const joined = (values: readonly string[]): string => Fn.join(',', [...values]);
    publishParameter(this, 'vpc', 'id', this.vpc.id);
    publishParameter(this, 'vpc', 'cidr', this.vpc.cidrBlock);
    publishParameter(this, 'availability-zones', 'names', joined(zoneNames));
    publishParameter(this, 'public-subnets', 'ids', joined(this.publicSubnets.map((subnet) => subnet.id)));
    publishParameter(this, 'private-subnets', 'ids', joined(this.privateSubnets.map((subnet) => subnet.id)));
    publishParameter(
      this,
      'private-route-tables',
      'ids',
      joined(this.privateRouteTables.map((table) => table.id)),
    );
  }
}
