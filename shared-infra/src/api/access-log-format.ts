/**
 * One JSON object per request: who called (address, Cognito subject), what, the outcome, and why a request was
 * refused before reaching the integration (authorizer error, WAF verdict).
 */
export const accessLogFormat = JSON.stringify({
  requestId: '$context.requestId',
  requestTime: '$context.requestTime',
  sourceIp: '$context.identity.sourceIp',
  userAgent: '$context.identity.userAgent',
  user: '$context.authorizer.claims.sub',
  httpMethod: '$context.httpMethod',
  resourcePath: '$context.resourcePath',
  protocol: '$context.protocol',
  status: '$context.status',
  responseLength: '$context.responseLength',
  latencyMs: '$context.responseLatency',
  authorizerError: '$context.authorizer.error',
  wafResponse: '$context.wafResponseCode',
  integrationError: '$context.integrationErrorMessage',
});
