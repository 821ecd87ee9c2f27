import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repositoryRoot } from '../paths/index.ts';
import { type Project, projectAt } from './projects.ts';

/**
 * For tests: a project folder anywhere (a temporary folder) whose `main.ts` imports `@sec-an/*` and cdktf
 * through local-platform's packages. Without `main`, the folder has no cdktf.json.
 */
export const writeFixtureProject = (parent: string, name: string, main?: string): Project => {
  const directory = join(parent, name);
  mkdirSync(directory, { recursive: true });
  symlinkSync(
    join(repositoryRoot, 'shared-code', 'local-platform', 'node_modules'),
    join(directory, 'node_modules'),
  );
  writeFileSync(join(directory, 'package.json'), JSON.stringify({ type: 'module' }));
  if (main !== undefined) {
    writeFileSync(join(directory, 'main.ts'), main);
    writeFileSync(
      join(directory, 'cdktf.json'),
      JSON.stringify({ language: 'typescript', app: 'node main.ts' }),
    );
  }
  return projectAt(directory);
};
