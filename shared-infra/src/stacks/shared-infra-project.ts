/** The project name every shared-infra stack deploys under; other projects read its parameters by it. */
export const sharedInfraProject = 'shared-infra';
