/**
 * What a command started, to stop again in the reverse order (the compute before the estate it scans, so no scan
 * meets a vanishing service; both before the backends), once, whether the command ends, fails or is interrupted.
 */
export class Teardown {
  readonly #steps: { readonly name: string; readonly stop: () => Promise<unknown> }[] = [];
  #running: Promise<string[]> | undefined;

  add(name: string, stop: () => Promise<unknown>): void {
    this.#steps.push({ name, stop });
  }

  /** Stops everything added, last first; a step that fails does not keep the others running. Returns what stopped. */
  run(onFailure: (name: string, error: unknown) => void = () => undefined): Promise<string[]> {
    this.#running ??= (async () => {
      const stopped: string[] = [];
      for (const step of this.#steps.reverse()) {
        try {
          await step.stop();
          stopped.push(step.name);
        } catch (error) {
          onFailure(step.name, error);
        }
      }
      return stopped;
    })();
    return this.#running;
  }
}
