import { isAbsolute, join } from 'node:path';
import type { Applier } from '../applier.ts';
import { functionArnOf } from '../names.ts';

// Lambda's defaults, which Terraform leaves to the service.
const defaultTimeoutSeconds = 3;
const defaultMemorySizeMb = 128;

/** Recorded for the compute step, which runs the handler in-process; never created in moto. */
export const applyLambdaFunction: Applier = async (config, context) => {
  const functionName = config.string('function_name');
  const filename = config.optionalString('filename');
  if (filename === undefined) {
    return context.notApplied('its package is not a local file (image or S3 packages do not run locally)');
  }
  const { environment } = context;
  const arn = functionArnOf(environment, functionName);
  context.deployment.functions.push({
    address: context.address,
    project: context.project,
    functionName,
    functionArn: arn,
    handler: config.string('handler'),
    runtime: config.string('runtime'),
    archivePath: isAbsolute(filename) ? filename : join(context.directory, filename),
    environment: config.block('environment')?.stringMap('variables') ?? {},
    timeoutSeconds: config.number('timeout', defaultTimeoutSeconds),
    memorySizeMb: config.number('memory_size', defaultMemorySizeMb),
  });
  return {
    ...config.values,
    id: functionName,
    function_name: functionName,
    arn,
    qualified_arn: `${arn}:$LATEST`,
    version: '$LATEST',
    invoke_arn: `arn:${environment.partition}:apigateway:${environment.region}:lambda:path/2015-03-31/functions/${arn}/invocations`,
    tags_all: context.tagsOf(config),
  };
};
