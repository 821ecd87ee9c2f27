export * from './policy-statement.ts';
export * from './service-role.ts';
