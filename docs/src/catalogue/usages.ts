import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { repositoryRoot } from '@sec-an/local-platform/paths';

/** Folders of shipped code: tests, fixtures, benches and test servers do not make a producer or consumer. */
const excludedFolders = new Set(['node_modules', 'bench', 'testing', 'test-servers', 'test-data']);
const isExcludedFolder = (name: string): boolean => excludedFolders.has(name) || name.startsWith('test-');
const isShippedFile = (name: string): boolean =>
  name.endsWith('.ts') && !name.endsWith('.test.ts') && !name.includes('test-') && !name.includes('fixture');

const sourceRoots = (): readonly string[] => {
  const sharedCode = join(repositoryRoot, 'shared-code');
  const packages = readdirSync(sharedCode, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && entry.name !== 'contracts')
    .map((entry) => join(sharedCode, entry.name, 'src'));
  const projects = readdirSync(repositoryRoot, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.') && entry.name !== 'node_modules')
    .map((entry) => join(repositoryRoot, entry.name, 'src'));
  return [...packages, ...projects];
};

const shippedFiles = (folder: string): readonly string[] =>
  readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    if (entry.isDirectory())
      return isExcludedFolder(entry.name) ? [] : shippedFiles(join(folder, entry.name));
    return isShippedFile(entry.name) ? [join(folder, entry.name)] : [];
  });

/** The shipped source files of the repository, read once per catalogue. */
export const readSources = (): ReadonlyMap<string, string> =>
  new Map(
    sourceRoots()
      .filter((folder) => existsSync(folder))
      .flatMap(shippedFiles)
      .map((file) => [file, readFileSync(file, 'utf8')]),
  );

/** The folders (relative to the repository) whose shipped code names an export, e.g. `task-execution/src/initiator`. */
export const foldersUsing = (sources: ReadonlyMap<string, string>, exportName: string): readonly string[] => {
  const pattern = new RegExp(`\\b${exportName}\\b`);
  const folders = [...sources]
    .filter(([, text]) => pattern.test(text))
    .map(([file]) => relative(repositoryRoot, join(file, '..')));
  return [...new Set(folders)].sort();
};
