export * from './port-spec.ts';
export * from './profile-parameter.ts';
export * from './scan-profile.ts';
