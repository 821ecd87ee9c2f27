/**
 * Folders (relative to the repository root) that checkov checks besides the deployable projects, each with its
 * own cdktf.json: stacks that are never deployed but must meet the same rules.
 */
export const extraCheckedProjects: readonly string[] = [
  // Every construct of the library, so the library is held to checkov before the services use it all.
  'shared-code/local-platform/src/testing/probe-service',
];
