/**
 * The Lambda runtime inside one worker thread: loads the handler once (the init phase), then runs one invocation
 * at a time as the parent sends them. Its `process.env` is the function's own, given by the parent.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { localLambdaContext } from '../event-sources/lambda-context.ts';
import { toInvocationError } from './invocation-error.ts';
import { type LoadedHandler, loadHandler } from './load-handler.ts';
import type { InvokeMessage, WorkerData, WorkerMessage } from './worker-protocol.ts';

// Lambda runs bundles with NODE_OPTIONS=--enable-source-maps where they ship maps; stacks then name sources.
process.setSourceMapsEnabled(true);

const data = workerData as WorkerData;
const port = parentPort;
if (port === null) throw new Error('the function runtime runs only as a worker thread');
const send = (message: WorkerMessage): void => port.postMessage(message);

const invoke = async (handler: LoadedHandler, message: InvokeMessage): Promise<void> => {
  const context = localLambdaContext({
    functionName: data.functionName,
    region: data.region,
    accountId: data.accountId,
    timeoutMs: data.timeoutMs,
    memorySizeMb: data.memorySizeMb,
    awsRequestId: message.requestId,
  });
  try {
    const result = await handler(JSON.parse(message.eventJson), context);
    // Lambda answers `null` for a handler that returns nothing.
    send({ kind: 'succeeded', payloadJson: JSON.stringify(result) ?? 'null' });
  } catch (error) {
    send({ kind: 'failed', error: toInvocationError(error) });
  }
};

let handler: LoadedHandler | undefined;
try {
  handler = await loadHandler(data.taskRoot, data.handler);
  send({ kind: 'ready' });
} catch (error) {
  send({ kind: 'init-failed', error: toInvocationError(error) });
}
const loaded = handler;
if (loaded !== undefined) {
  port.on('message', (message: InvokeMessage) => void invoke(loaded, message));
}
