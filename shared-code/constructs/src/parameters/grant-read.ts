import { type ParameterAddress, parameterName } from '@sec-an/runtime/parameters';
import type { IConstruct } from '../cdktf/index.ts';
import type { Grantee } from '../iam/index.ts';
import { ServiceStack } from '../service-stack/index.ts';

/** Lets a function read one published parameter at call time, by its exact ARN. */
export const grantReadParameter = (
  scope: IConstruct,
  grantee: Grantee,
  address: Omit<ParameterAddress, 'app' | 'stage'>,
): void => {
  const stack = ServiceStack.of(scope);
  const name = parameterName({ ...address, app: stack.naming.app, stage: stack.naming.stage });
  grantee.addToPolicy({ actions: ['ssm:GetParameter'], resources: [stack.arn('ssm', `parameter${name}`)] });
};
