import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cdktfConfigFile, isSynthesizable, type Project, synthesizeProject } from '../../synth/index.ts';
import { parseArguments } from '../arguments.ts';
import { awsStageOf, projectsInDeployOrder, stageOption } from '../aws-projects.ts';
import type { Command } from '../command.ts';
import { say, seconds } from '../output.ts';

export const synthUsage = `usage: ./sec-an synth [project...] [--stage <stage>]

Synthesizes the projects for AWS, as \`cdktf synth\` in each project's folder does, in deploy order (shared-infra,
analytics-platform, task-execution, nmap-scanner, ssl-scanner; every one when none is named), and lists each
project's stacks. The Terraform JSON lands in each project's cdktf.out/. Deploy settings (SEC_AN_SCAN_SCOPE...)
come from the environment, as they do for cdktf.

  --stage <stage>  the stage to synthesize (default: SEC_AN_STAGE; one of them is required)
  --help           this text`;

export const parseSynthArguments = (
  args: readonly string[],
  environment: NodeJS.ProcessEnv = process.env,
) => {
  const { values, positionals } = parseArguments(args, stageOption, {
    name: 'project',
    min: 0,
    max: Number.POSITIVE_INFINITY,
  });
  return { projects: projectsInDeployOrder(positionals), stage: awsStageOf(values.stage, environment) };
};

/** Where `cdktf synth` in the folder writes: cdktf.json's `output`. */
const outputOf = (project: Project): string => {
  const { output } = JSON.parse(readFileSync(cdktfConfigFile(project), 'utf8')) as { output?: string };
  return join(project.directory, output ?? 'cdktf.out');
};

export const synthCommand: Command = {
  name: 'synth',
  summary: 'synthesize projects for AWS in deploy order (cdktf synth in each folder) and list their stacks',
  usage: synthUsage,
  run: async (args) => {
    const { projects, stage } = parseSynthArguments(args);
    for (const project of projects) {
      if (!isSynthesizable(project)) {
        say(`skipped   ${project.name}: no cdktf.json`);
        continue;
      }
      const began = performance.now();
      const stacks = await synthesizeProject(project, {
        outdir: outputOf(project),
        environment: { SEC_AN_STAGE: stage },
      });
      say(
        `synth     ${project.name} (stage ${stage}): ${stacks.length} stack(s) in ${seconds(performance.now() - began)}: ` +
          stacks.map(({ stack }) => stack).join(', '),
      );
    }
  },
};
