import type { AppliedResource } from './provision-stack.ts';

/** The value a provisioned stack published under an SSM name (not a parameter some stack only read). */
export const publishedValue = (
  resources: Readonly<Record<string, AppliedResource>>,
  name: string,
): string => {
  const parameter = Object.entries(resources).find(
    ([address, resource]) =>
      resource.type === 'aws_ssm_parameter' &&
      !address.includes('/data.') &&
      resource.attributes.name === name,
  );
  if (parameter === undefined) throw new Error(`no stack publishes ${name}`);
  return String(parameter[1].attributes.value);
};
