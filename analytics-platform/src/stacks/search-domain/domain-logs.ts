import { CloudwatchLogResourcePolicy } from '@cdktf/provider-aws/lib/cloudwatch-log-resource-policy/index.js';
import type { OpensearchDomainLogPublishingOptions } from '@cdktf/provider-aws/lib/opensearch-domain/index.js';
import { Construct } from '@sec-an/constructs/cdktf';
import { EncryptedLogGroup } from '@sec-an/constructs/log-group';
import { ServiceStack } from '@sec-an/constructs/service-stack';

/** The logs a domain publishes, by the log group name's last part. */
export const domainLogTypes = {
  audit: 'AUDIT_LOGS',
  'index-slow': 'INDEX_SLOW_LOGS',
  'search-slow': 'SEARCH_SLOW_LOGS',
  application: 'ES_APPLICATION_LOGS',
} as const;

export interface DomainLogsProps {
  readonly domainName: string;
  /** The domain's ARN, computed: the domain itself needs these logs (and their policy) to exist first. */
  readonly domainArn: string;
}

/**
 * One encrypted log group per log type of the domain, and the CloudWatch Logs resource policy that lets
 * OpenSearch Service write into exactly these groups, for this domain only.
 */
export class DomainLogs extends Construct {
  readonly groups: Readonly<Record<keyof typeof domainLogTypes, EncryptedLogGroup>>;
  readonly policy: CloudwatchLogResourcePolicy;

  constructor(scope: Construct, id: string, props: DomainLogsProps) {
    super(scope, id);
    const stack = ServiceStack.of(this);
    const group = (kind: keyof typeof domainLogTypes): EncryptedLogGroup =>
      new EncryptedLogGroup(this, kind, { name: `/aws/opensearch/${props.domainName}/${kind}` });
    this.groups = {
      audit: group('audit'),
      'index-slow': group('index-slow'),
      'search-slow': group('search-slow'),
      application: group('application'),
    };
    this.policy = new CloudwatchLogResourcePolicy(this, 'policy', {
      policyName: stack.physicalName('search-domain-logs', 255),
      policyDocument: JSON.stringify({
        Version: '2012-10-17',
        Statement: [
          {
            Sid: 'SearchDomainPublishesItsLogs',
            Effect: 'Allow',
            Principal: { Service: 'es.amazonaws.com' },
            Action: ['logs:PutLogEvents', 'logs:CreateLogStream'],
            Resource: Object.values(this.groups).map((logGroup) => `${logGroup.arn}:*`),
            Condition: {
              StringEquals: { 'aws:SourceAccount': stack.accountId },
              ArnLike: { 'aws:SourceArn': props.domainArn },
            },
          },
        ],
      }),
    });
  }

  /** The domain's `log_publishing_options`: every type, each into its group. */
  get publishingOptions(): OpensearchDomainLogPublishingOptions[] {
    return (Object.entries(domainLogTypes) as [keyof typeof domainLogTypes, string][]).map(
      ([kind, logType]) => ({
        logType,
        cloudwatchLogGroupArn: this.groups[kind].arn,
        enabled: true,
      }),
    );
  }
}
