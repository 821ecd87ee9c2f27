import { useRunBundleCache } from './run-bundle-cache.ts';

export default function unitGlobalSetup(): void {
  useRunBundleCache('unit-bundle-cache');
}
