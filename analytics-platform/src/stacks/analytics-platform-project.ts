/** The project name every analytics-platform stack deploys under; other projects read its parameters by it. */
export const analyticsPlatformProject = 'analytics-platform';
