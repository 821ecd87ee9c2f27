import { ApiGatewayAuthorizer } from '@cdktf/provider-aws/lib/api-gateway-authorizer/index.js';
import { ApiGatewayDeployment } from '@cdktf/provider-aws/lib/api-gateway-deployment/index.js';
import { ApiGatewayMethodSettings } from '@cdktf/provider-aws/lib/api-gateway-method-settings/index.js';
import { ApiGatewayRequestValidator } from '@cdktf/provider-aws/lib/api-gateway-request-validator/index.js';
import { ApiGatewayRestApi } from '@cdktf/provider-aws/lib/api-gateway-rest-api/index.js';
import { ApiGatewayStage } from '@cdktf/provider-aws/lib/api-gateway-stage/index.js';
import { type Construct, Fn } from '@sec-an/constructs/cdktf';
import { publishParameter, referenceParameter } from '@sec-an/constructs/parameters';
import { type DeploymentSettings, ServiceStack } from '@sec-an/constructs/service-stack';
import { accessLogFormat } from '../api/access-log-format.ts';
import { ApiGatewayLoggingAccount } from '../api/api-gateway-logging-account.ts';
import { type ApiProps, defaultApi, validateApiProps } from '../api/api-props.ts';
import { HealthRoute } from '../api/health-route.ts';
import { WebFirewall } from '../api/web-firewall.ts';
import { EncryptedLogGroup } from '../logging/encrypted-log-group.ts';
import { sharedInfraProject } from './shared-infra-project.ts';

export type ApiStackProps = DeploymentSettings & ApiProps;

/** The identity stack publishes it; this stack only reads it, so the dependency runs one way. */
export const userPoolArnParameter = {
  project: sharedInfraProject,
  thing: 'user-pool',
  attribute: 'arn',
} as const;

/**
 * The shared REST API: a Cognito user-pool authorizer, a request validator for the routes other projects add,
 * `GET /health`, and a stage with access and execution logs, X-Ray tracing, throttling and a WAF in front.
 */
export class ApiStack extends ServiceStack {
  readonly restApi: ApiGatewayRestApi;
  readonly authorizer: ApiGatewayAuthorizer;
  readonly requestValidator: ApiGatewayRequestValidator;
  readonly healthRoute: HealthRoute;
  readonly stage: ApiGatewayStage;

  constructor(scope: Construct, id: string, props: ApiStackProps) {
    super(scope, id, { ...props, project: sharedInfraProject });
    const errors = validateApiProps(props);
    if (errors.length > 0) throw new Error(`stack ${id}: ${errors.join('; ')}`);
    const stageName = props.stageName ?? defaultApi.stageName;
    this.restApi = new ApiGatewayRestApi(this, 'rest-api', {
      name: this.physicalName('api'),
      description: `The shared API of ${this.naming.app} ${this.naming.stage}`,
      endpointConfiguration: { types: ['REGIONAL'] },
      // A replacement API is built before the old one goes, so the name never points at nothing.
      lifecycle: { createBeforeDestroy: true },
    });
    const restApiId = this.restApi.id;
    this.authorizer = new ApiGatewayAuthorizer(this, 'authorizer', {
      restApiId,
      name: 'cognito-user-pool',
      type: 'COGNITO_USER_POOLS',
      providerArns: [referenceParameter(this, userPoolArnParameter).value],
      identitySource: 'method.request.header.Authorization',
    });
    this.requestValidator = new ApiGatewayRequestValidator(this, 'request-validator', {
      restApiId,
      name: 'parameters-and-body',
      validateRequestParameters: true,
      validateRequestBody: true,
    });
    this.healthRoute = new HealthRoute(this, 'health', {
      restApiId,
      parentId: this.restApi.rootResourceId,
      authorizerId: this.authorizer.id,
      requestValidatorId: this.requestValidator.id,
    });
    this.stage = this.createStage(
      stageName,
      props.manageAccountLoggingRole ?? defaultApi.manageAccountLoggingRole,
    );
    new WebFirewall(this, 'firewall', {
      resourceArn: this.stage.arn,
      rateLimitPerFiveMinutes: props.rateLimitPerFiveMinutes ?? defaultApi.rateLimitPerFiveMinutes,
    });
    this.publish();
  }

  private createStage(stageName: string, manageAccountLoggingRole: boolean): ApiGatewayStage {
    const restApiId = this.restApi.id;
    const deployment = new ApiGatewayDeployment(this, 'deployment', {
      restApiId,
      triggers: { redeployment: Fn.sha1(Fn.jsonencode([...this.healthRoute.deploymentTriggers])) },
      lifecycle: { createBeforeDestroy: true },
      dependsOn: [
        this.healthRoute.method,
        this.healthRoute.integration,
        this.healthRoute.integrationResponse,
      ],
    });
    const accessLogs = new EncryptedLogGroup(this, 'access-logs', {
      name: `/aws/apigateway/${this.physicalName('api')}-access`,
    });
    // Created here, encrypted and with retention, before API Gateway would create it without either.
    const executionLogs = new EncryptedLogGroup(this, 'execution-logs', {
      name: `API-Gateway-Execution-Logs_${restApiId}/${stageName}`,
    });
    const loggingAccount = manageAccountLoggingRole
      ? [new ApiGatewayLoggingAccount(this, 'logging-account').account]
      : [];
    const stage = new ApiGatewayStage(this, 'stage', {
      restApiId,
      deploymentId: deployment.id,
      stageName,
      xrayTracingEnabled: true,
      accessLogSettings: { destinationArn: accessLogs.arn, format: accessLogFormat },
      // Responses depend on who asks; a stage cache keyed without the caller would serve one user's answer to
      // another.
      cacheClusterEnabled: false,
      dependsOn: [executionLogs.logGroup, ...loggingAccount],
    });
    new ApiGatewayMethodSettings(this, 'method-settings', {
      restApiId,
      stageName: stage.stageName,
      methodPath: '*/*',
      settings: {
        loggingLevel: 'ERROR',
        metricsEnabled: true,
        // Request and response bodies would put tokens and scan data into the logs.
        dataTraceEnabled: false,
        cachingEnabled: false,
        throttlingBurstLimit: 100,
        throttlingRateLimit: 50,
      },
    });
    return stage;
  }

  private publish(): void {
    publishParameter(this, 'api', 'id', this.restApi.id);
    publishParameter(this, 'api', 'root-resource-id', this.restApi.rootResourceId);
    publishParameter(this, 'api', 'execution-arn', this.restApi.executionArn);
    publishParameter(this, 'api', 'stage-name', this.stage.stageName);
    publishParameter(this, 'api', 'invoke-url', this.stage.invokeUrl);
    publishParameter(this, 'api', 'authorizer-id', this.authorizer.id);
    publishParameter(this, 'api', 'request-validator-id', this.requestValidator.id);
  }
}
