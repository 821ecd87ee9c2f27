import { analyticsPlatformProject } from '../analytics-platform-project.ts';

/** The search domain's ARN, published by the search-domain stack; IAM grants name it. */
export const searchDomainArnParameter = {
  project: analyticsPlatformProject,
  thing: 'search-domain',
  attribute: 'arn',
} as const;
