import type { DeployProgress } from './deploy.ts';

const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;

/** One readable line per step, or nothing for steps not worth a line. */
export const progressLine = (event: DeployProgress): string | undefined => {
  if (event.step === 'synth') {
    const { progress } = event;
    if (progress.kind === 'finished') {
      const { project, stacks, tookMs } = progress.result;
      return `synth      ${project}: ${stacks.length} stack(s) in ${seconds(tookMs)}`;
    }
    if (progress.kind === 'skipped') return `synth      ${progress.project}: skipped (${progress.reason})`;
    return undefined;
  }
  if (event.step === 'invoke') {
    const { address, functionName, elapsedMs } = event.progress;
    return `invoke     ${address}: ${functionName} in ${seconds(elapsedMs)}`;
  }
  const { project, stack, applied, unapplied, position, total, elapsedMs } = event.progress;
  return (
    `provision  [${position}/${total}] ${project}/${stack}: ${applied} applied, ` +
    `${unapplied} not applied locally, in ${seconds(elapsedMs)}`
  );
};
