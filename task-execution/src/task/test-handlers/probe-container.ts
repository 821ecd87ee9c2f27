import {
  containerVariables,
  rawResultKey,
  readContainerRequest,
  writeRawResult,
} from '../../task-runtime/index.ts';

/**
 * A scanner's container for the tests: it reads the request it was started for and writes, as its raw output,
 * what it was given (the request and the variables it found), so a test can see what reached the container.
 */
const startedAt = new Date();
const { requestId, resultsBucket, request } = await readContainerRequest();
await writeRawResult({
  bucket: resultsBucket,
  key: rawResultKey(requestId, startedAt, 'probe.json'),
  body: JSON.stringify({
    request,
    staged: process.env[containerVariables.requestKey] !== undefined,
    task: process.env.SEC_AN_TASK_NAME,
    execution: process.env.AWS_EXECUTION_ENV,
  }),
  contentType: 'application/json',
  metadata: { requestId, startedAt: startedAt.toISOString(), endedAt: new Date().toISOString() },
});
