import { join } from 'node:path';
import { repositoryRoot } from '../paths/index.ts';
import { deployOrder, type Project, projectAt } from '../synth/index.ts';
import { UsageError } from './usage-error.ts';

type ProjectName = (typeof deployOrder)[number];

const isProjectName = (name: string): name is ProjectName =>
  (deployOrder as readonly string[]).includes(name);

/** The named projects (every one when none is named), in deploy order whatever order they were named in. */
export const projectsInDeployOrder = (names: readonly string[]): readonly Project[] => {
  for (const name of names) {
    if (!isProjectName(name)) {
      throw new UsageError(`"${name}" is not a project; the projects are ${deployOrder.join(', ')}`);
    }
  }
  const wanted = names.length === 0 ? deployOrder : deployOrder.filter((name) => names.includes(name));
  return wanted.map((name) => projectAt(join(repositoryRoot, name)));
};

/** The project deployed just before this one: what it publishes in SSM, this one reads. */
export const predecessorOf = (project: Project): string | undefined => {
  const index = (deployOrder as readonly string[]).indexOf(project.name);
  return index > 0 ? deployOrder[index - 1] : undefined;
};

/** The stage to synthesize or deploy: never guessed, since a wrong one would touch another stage's resources. */
export const awsStageOf = (stage: string | undefined, environment: NodeJS.ProcessEnv): string => {
  const chosen = stage ?? environment.SEC_AN_STAGE;
  if (chosen === undefined || chosen === '')
    throw new UsageError('name the stage: --stage <stage> (or SEC_AN_STAGE)');
  if (!/^[a-z0-9][a-z0-9-]*$/.test(chosen)) {
    throw new UsageError(`the stage "${chosen}" must be lower-case letters, digits and dashes`);
  }
  return chosen;
};

export const stageOption = { stage: { type: 'string' } } as const;
