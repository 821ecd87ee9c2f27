import { physicalName, type ServiceNaming } from '@sec-an/constructs/service-stack';

/** OpenSearch Service's limit on domain names. */
const maxDomainNameLength = 28;

/**
 * `{app}-{stage}-search`: one domain per stage, and a name short enough for the service's 28 characters in most
 * stages; a longer one is cut and keeps a hash of the whole. Other stacks of the project compute it too.
 */
export const searchDomainName = (naming: ServiceNaming): string => {
  const short = `${naming.app}-${naming.stage}-search`;
  return short.length <= maxDomainNameLength ? short : physicalName(naming, 'search', maxDomainNameLength);
};
