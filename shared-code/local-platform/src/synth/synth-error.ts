/** A project whose stacks could not be synthesized; the message names the project and quotes its output. */
export class SynthError extends Error {
  override readonly name = 'SynthError';
  readonly project: string;

  constructor(project: string, problem: string) {
    super(`synth of ${project} failed: ${problem}`);
    this.project = project;
  }
}
