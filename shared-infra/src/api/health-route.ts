import { ApiGatewayIntegration } from '@cdktf/provider-aws/lib/api-gateway-integration/index.js';
import { ApiGatewayIntegrationResponse } from '@cdktf/provider-aws/lib/api-gateway-integration-response/index.js';
import { ApiGatewayMethod } from '@cdktf/provider-aws/lib/api-gateway-method/index.js';
import { ApiGatewayMethodResponse } from '@cdktf/provider-aws/lib/api-gateway-method-response/index.js';
import { ApiGatewayResource } from '@cdktf/provider-aws/lib/api-gateway-resource/index.js';
import { Construct } from '@sec-an/constructs/cdktf';

export interface HealthRouteProps {
  readonly restApiId: string;
  /** The resource the route hangs under, normally the API's root. */
  readonly parentId: string;
  readonly authorizerId: string;
  readonly requestValidatorId: string;
}

export const healthResponse = JSON.stringify({ status: 'ok' });

/**
 * `GET /health` behind the Cognito authorizer, answered by API Gateway itself (MOCK): a signed-in client learns
 * that the API, its authorizer and its stage work, and nothing runs behind it.
 */
export class HealthRoute extends Construct {
  readonly resource: ApiGatewayResource;
  readonly method: ApiGatewayMethod;
  readonly integration: ApiGatewayIntegration;
  readonly methodResponse: ApiGatewayMethodResponse;
  readonly integrationResponse: ApiGatewayIntegrationResponse;

  constructor(scope: Construct, id: string, props: HealthRouteProps) {
    super(scope, id);
    const { restApiId } = props;
    this.resource = new ApiGatewayResource(this, 'resource', {
      restApiId,
      parentId: props.parentId,
      pathPart: 'health',
    });
    const route = { restApiId, resourceId: this.resource.id };
    this.method = new ApiGatewayMethod(this, 'method', {
      ...route,
      httpMethod: 'GET',
      authorization: 'COGNITO_USER_POOLS',
      authorizerId: props.authorizerId,
      requestValidatorId: props.requestValidatorId,
    });
    const httpMethod = this.method.httpMethod;
    this.integration = new ApiGatewayIntegration(this, 'integration', {
      ...route,
      httpMethod,
      type: 'MOCK',
      requestTemplates: { 'application/json': JSON.stringify({ statusCode: 200 }) },
    });
    this.methodResponse = new ApiGatewayMethodResponse(this, 'method-response', {
      ...route,
      httpMethod,
      statusCode: '200',
      responseModels: { 'application/json': 'Empty' },
    });
    this.integrationResponse = new ApiGatewayIntegrationResponse(this, 'integration-response', {
      ...route,
      httpMethod,
      statusCode: this.methodResponse.statusCode,
      responseTemplates: { 'application/json': healthResponse },
      dependsOn: [this.integration],
    });
  }

  /** Everything a deployment must be redone for when it changes. */
  get deploymentTriggers(): readonly string[] {
    return [
      this.resource.id,
      this.method.id,
      this.integration.id,
      this.methodResponse.id,
      this.integrationResponse.id,
    ];
  }
}
