/**
 * Only identities of this identity pool that signed in may assume the role: `aud` pins the pool, `amr` the
 * authenticated state (Cognito identity pools developer guide, "Role trust and permissions").
 */
export const authenticatedRoleTrust = (identityPoolId: string): string =>
  JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: { Federated: 'cognito-identity.amazonaws.com' },
        Action: 'sts:AssumeRoleWithWebIdentity',
        Condition: {
          StringEquals: { 'cognito-identity.amazonaws.com:aud': identityPoolId },
          'ForAnyValue:StringLike': { 'cognito-identity.amazonaws.com:amr': 'authenticated' },
        },
      },
    ],
  });
