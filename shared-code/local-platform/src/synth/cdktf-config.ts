import { readFileSync } from 'node:fs';
import { cdktfConfigFile, type Project } from './projects.ts';
import { SynthError } from './synth-error.ts';

const parseConfig = (project: Project): unknown => {
  try {
    return JSON.parse(readFileSync(cdktfConfigFile(project), 'utf8'));
  } catch (error) {
    throw new SynthError(
      project.name,
      `cannot read ${cdktfConfigFile(project)}: ${(error as Error).message}`,
    );
  }
};

const appCommandOf = (project: Project, config: unknown): string => {
  const app = (config as { app?: unknown } | null)?.app;
  if (typeof app !== 'string' || app.trim() === '') {
    throw new SynthError(project.name, `${cdktfConfigFile(project)} has no "app" command`);
  }
  return app;
};

/**
 * The project's `app` command as an argument vector: run without a shell, so it must be plain words (no quotes,
 * pipes or variables). `node` is the Node that runs sec-an, which is the one the project is tested with.
 */
export const appArgv = (project: Project): { readonly command: string; readonly args: readonly string[] } => {
  const app = appCommandOf(project, parseConfig(project));
  if (/["'`$|&;<>\\]/.test(app)) {
    throw new SynthError(project.name, `the "app" command "${app}" needs a shell; write it as plain words`);
  }
  const [program = '', ...args] = app.trim().split(/\s+/);
  return { command: program === 'node' ? process.execPath : program, args };
};
