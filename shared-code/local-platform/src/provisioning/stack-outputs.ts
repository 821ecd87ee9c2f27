import type { AttributeStore } from './attribute-store.ts';
import { keepsStateAt } from './remote-state.ts';
import { resolveValue } from './resolve.ts';
import { qualifiedAddress, type StackDocument, type StateBackendSettings } from './stack-document.ts';

/**
 * The outputs of the stacks provisioned so far, for cdktf's cross-stack references: a stack reads another's
 * outputs through `terraform_remote_state`, located by the producer's state backend settings.
 */
export class StackOutputs {
  private readonly stacks: { readonly document: StackDocument; readonly store: AttributeStore }[] = [];

  add(document: StackDocument, store: AttributeStore): void {
    this.stacks.push({ document, store });
  }

  /** The outputs of the stack whose state is kept at `settings`, or undefined if no such stack was provisioned. */
  outputsAt(settings: StateBackendSettings): Record<string, unknown> | undefined {
    const producer = this.stacks.find(({ document }) => keepsStateAt(document, settings));
    if (producer === undefined) return undefined;
    return Object.fromEntries(
      Object.entries(producer.document.outputs).map(([name, value]) => {
        const address = qualifiedAddress(producer.document, `output.${name}`);
        return [name, resolveValue(value, producer.store.lookupFor(address), address)];
      }),
    );
  }
}
