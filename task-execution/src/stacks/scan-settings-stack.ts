import { SsmParameter } from '@cdktf/provider-aws/lib/ssm-parameter/index.js';
import type { Construct } from '@sec-an/constructs/cdktf';
import { PublishedParameter } from '@sec-an/constructs/parameters';
import { type DeploymentSettings, ServiceStack } from '@sec-an/constructs/service-stack';
import { parameterName } from '@sec-an/runtime/parameters';
import { type ScanScopeDefinition, scanScopeParameter } from '@sec-an/runtime/scan-scope';
import { dnsReaderRoleParameter } from '../dns-inventory/dns-reader-role.ts';
import { type PlanSettings, planBucketsParameter, planPeriodParameter } from '../planning/index.ts';
import { taskExecutionProject } from './task-execution-project.ts';

export interface ScanSettingsStackProps extends DeploymentSettings {
  readonly scanScope: ScanScopeDefinition;
  readonly plan: PlanSettings;
  readonly dnsReaderRoleArns: readonly string[];
}

/** SSM's limits on a String parameter's value: standard tier, and advanced tier (which costs a little). */
const standardTierLimit = 4096;
const advancedTierLimit = 8192;

export class ScanSettingsError extends Error {
  override readonly name = 'ScanSettingsError';
}

/**
 * The settings the functions (and, for the scope, every scanner) read at call time through the parameter cache,
 * with the values the stage deploys with. An operator may change one in SSM to act at once (deny a range now);
 * the next deploy writes the deploy settings' value back, so a lasting change goes into the settings.
 */
export class ScanSettingsStack extends ServiceStack {
  readonly scanScope: SsmParameter;

  constructor(scope: Construct, id: string, props: ScanSettingsStackProps) {
    super(scope, id, { ...props, project: taskExecutionProject });
    this.scanScope = this.scopeParameter(props.scanScope);
    this.setting(planPeriodParameter, String(props.plan.periodSeconds), 'Seconds one scan plan lasts');
    this.setting(planBucketsParameter, String(props.plan.buckets), 'Buckets a scan plan period is cut into');
    // Without roles the parameter is absent (SSM holds no empty value): the ingest then reads with its own role.
    if (props.dnsReaderRoleArns.length > 0) {
      this.setting(
        dnsReaderRoleParameter,
        props.dnsReaderRoleArns.join(','),
        'Roles the DNS ingest assumes to read Route53, comma-separated',
      );
    }
  }

  private setting(
    address: { readonly thing: string; readonly attribute: string },
    value: string,
    description: string,
  ): PublishedParameter {
    return new PublishedParameter(this, `${address.thing}-${address.attribute}`, {
      ...address,
      value,
      description,
    });
  }

  /** A scope of many ranges outgrows the standard tier; it then takes the advanced tier rather than failing. */
  private scopeParameter(definition: ScanScopeDefinition): SsmParameter {
    const value = JSON.stringify(definition);
    if (value.length > advancedTierLimit) {
      throw new ScanSettingsError(
        `the scan scope is ${value.length} characters of JSON; an SSM parameter holds at most ${advancedTierLimit}`,
      );
    }
    return new SsmParameter(this, 'scan-scope-definition', {
      name: parameterName({ ...this.naming, ...scanScopeParameter }),
      type: 'String',
      value,
      description: 'The scan scope: allow and deny lists of CIDRs and DNS suffixes (deny wins)',
      ...(value.length > standardTierLimit ? { tier: 'Advanced' } : {}),
    });
  }
}
