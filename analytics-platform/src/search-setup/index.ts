export * from './search-content-stack.ts';
export * from './search-provisioning.ts';
export type { SavedObject, SearchAccess, SearchSetupRequest } from './setup-request.ts';
