import { Wafv2WebAcl, type Wafv2WebAclRule } from '@cdktf/provider-aws/lib/wafv2-web-acl/index.js';
import { Wafv2WebAclAssociation } from '@cdktf/provider-aws/lib/wafv2-web-acl-association/index.js';
import { Wafv2WebAclLoggingConfiguration } from '@cdktf/provider-aws/lib/wafv2-web-acl-logging-configuration/index.js';
import { Construct } from '@sec-an/constructs/cdktf';
import { ServiceStack } from '@sec-an/constructs/service-stack';
import { EncryptedLogGroup } from '../logging/encrypted-log-group.ts';

export interface WebFirewallProps {
  /** ARN of what the firewall protects, e.g. an API Gateway stage. */
  readonly resourceArn: string;
  /** Requests one address may make in five minutes before it is blocked. */
  readonly rateLimitPerFiveMinutes: number;
}

const visibility = (metricName: string) => ({
  cloudwatchMetricsEnabled: true,
  metricName,
  sampledRequestsEnabled: true,
});

/**
 * AWS managed rule groups, in the order WAF evaluates them. Calls from cloud hosts (CI, scripts on a build
 * server) are legitimate for this API, so the anonymous-IP group only counts them.
 */
const managedRuleGroups = [
  { name: 'AWSManagedRulesAmazonIpReputationList', overrides: [] },
  { name: 'AWSManagedRulesKnownBadInputsRuleSet', overrides: [] },
  { name: 'AWSManagedRulesAnonymousIpList', overrides: ['HostingProviderIPList'] },
  { name: 'AWSManagedRulesCommonRuleSet', overrides: [] },
] as const;

/** The rule statement type of the provider is untyped; its keys are Terraform's own. */
const managedRule = (group: (typeof managedRuleGroups)[number], priority: number): Wafv2WebAclRule => ({
  name: group.name,
  priority,
  overrideAction: { none: {} },
  statement: {
    managed_rule_group_statement: {
      vendor_name: 'AWS',
      name: group.name,
      rule_action_override: group.overrides.map((rule) => ({ name: rule, action_to_use: { count: {} } })),
    },
  },
  visibilityConfig: visibility(group.name),
});

const rateLimitRule = (limit: number, priority: number): Wafv2WebAclRule => ({
  name: 'rate-limit-per-address',
  priority,
  action: { block: {} },
  statement: { rate_based_statement: { limit, aggregate_key_type: 'IP', evaluation_window_sec: 300 } },
  visibilityConfig: visibility('rate-limit-per-address'),
});

/** A regional WAF web ACL in front of `resourceArn`, logging every request it sees without the token. */
export class WebFirewall extends Construct {
  readonly webAcl: Wafv2WebAcl;
  readonly logGroup: EncryptedLogGroup;

  constructor(scope: Construct, id: string, props: WebFirewallProps) {
    super(scope, id);
    const stack = ServiceStack.of(this);
    const name = stack.physicalName('api', 128);
    this.webAcl = new Wafv2WebAcl(this, 'web-acl', {
      name,
      scope: 'REGIONAL',
      defaultAction: { allow: {} },
      rule: [
        rateLimitRule(props.rateLimitPerFiveMinutes, 0),
        ...managedRuleGroups.map((group, index) => managedRule(group, index + 1)),
      ],
      visibilityConfig: visibility(name),
    });
    new Wafv2WebAclAssociation(this, 'association', {
      resourceArn: props.resourceArn,
      webAclArn: this.webAcl.arn,
    });
    // WAF only delivers to log groups whose name starts with `aws-waf-logs-`.
    this.logGroup = new EncryptedLogGroup(this, 'logs', { name: `aws-waf-logs-${name}` });
    new Wafv2WebAclLoggingConfiguration(this, 'logging', {
      resourceArn: this.webAcl.arn,
      logDestinationConfigs: [this.logGroup.arn],
      // The bearer token would let anyone who reads the logs call the API as its owner.
      redactedFields: [{ singleHeader: { name: 'authorization' } }],
    });
  }
}
