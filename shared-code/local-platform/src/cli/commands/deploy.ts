import { join } from 'node:path';
import { GetParametersByPathCommand, SSMClient } from '@aws-sdk/client-ssm';
import { awsClient } from '@sec-an/runtime/aws-clients';
import { currentApp } from '@sec-an/runtime/parameters';
import { SetupError } from '../../errors/index.ts';
import { repositoryRoot } from '../../paths/index.ts';
import { isSynthesizable, type Project } from '../../synth/index.ts';
import { parseArguments } from '../arguments.ts';
import { awsStageOf, predecessorOf, projectsInDeployOrder, stageOption } from '../aws-projects.ts';
import type { Command } from '../command.ts';
import { runInForeground } from '../foreground.ts';
import { say } from '../output.ts';

export const deployUsage = `usage: ./sec-an deploy <project...> [--stage <stage>] [--auto-approve]

Deploys projects to AWS with \`cdktf deploy '*'\` in each project's folder (every stack of the project), in deploy
order: shared-infra, analytics-platform, task-execution, nmap-scanner, ssl-scanner. Before each project it checks
that the project before it has published its SSM parameters for the stage, since that is all a project reads of
another. AWS credentials and region come from the AWS SDK's usual configuration; deploy settings
(SEC_AN_SCAN_SCOPE...) from the environment. Ctrl-C stops cdktf and everything it started.

  --stage <stage>  the stage to deploy (default: SEC_AN_STAGE; one of them is required)
  --auto-approve   deploy without cdktf asking for approval of each stack
  --help           this text`;

export const parseDeployArguments = (
  args: readonly string[],
  environment: NodeJS.ProcessEnv = process.env,
) => {
  const { values, positionals } = parseArguments(
    args,
    { ...stageOption, 'auto-approve': { type: 'boolean' } },
    { name: 'project', min: 1, max: Number.POSITIVE_INFINITY },
  );
  return {
    projects: projectsInDeployOrder(positionals),
    stage: awsStageOf(values.stage, environment),
    autoApprove: values['auto-approve'] === true,
  };
};

/** The argument vector of `cdktf deploy` for every stack of a project. */
export const cdktfDeployArgs = (autoApprove: boolean): readonly string[] => [
  'deploy',
  '*',
  ...(autoApprove ? ['--auto-approve'] : []),
];

const hasPublished = async (project: string, stage: string): Promise<boolean> => {
  const response = await awsClient(SSMClient).send(
    new GetParametersByPathCommand({
      Path: `/${currentApp()}/${stage}/${project}/`,
      Recursive: true,
      MaxResults: 1,
    }),
  );
  return (response.Parameters ?? []).length > 0;
};

const checkPredecessor = async (project: Project, stage: string): Promise<void> => {
  const predecessor = predecessorOf(project);
  if (predecessor === undefined || (await hasPublished(predecessor, stage))) return;
  throw new SetupError(
    `${project.name} reads what ${predecessor} publishes, and ${predecessor} has published nothing for stage ${stage}`,
    `deploy it first: ./sec-an deploy ${predecessor} --stage ${stage}`,
  );
};

const deployOne = async (project: Project, stage: string, autoApprove: boolean): Promise<void> => {
  if (!isSynthesizable(project))
    throw new SetupError(`${project.name} has no cdktf.json`, 'it has nothing to deploy');
  await checkPredecessor(project, stage);
  say(`deploy    ${project.name} (stage ${stage})`);
  const code = await runInForeground(
    join(repositoryRoot, 'node_modules', '.bin', 'cdktf'),
    cdktfDeployArgs(autoApprove),
    {
      cwd: project.directory,
      env: { ...process.env, SEC_AN_STAGE: stage },
    },
  );
  if (code !== 0) {
    throw new SetupError(
      `cdktf deploy of ${project.name} exited with code ${code}`,
      'its output above says why',
    );
  }
  say(`deployed  ${project.name}`);
};

export const deployCommand: Command = {
  name: 'deploy',
  summary: 'deploy projects to AWS with cdktf, in deploy order, each after checking the one before it',
  usage: deployUsage,
  run: async (args) => {
    const { projects, stage, autoApprove } = parseDeployArguments(args);
    for (const project of projects) await deployOne(project, stage, autoApprove);
  },
};
