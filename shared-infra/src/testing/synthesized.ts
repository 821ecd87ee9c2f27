/** Every stack under test deploys to stage `test` with the default app and region. */
export const testDeployment = { stage: 'test' } as const;
