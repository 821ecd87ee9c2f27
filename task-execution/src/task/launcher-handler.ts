import { scanRequestV1 } from '@sec-an/contracts/scan-request';
import { readMessage } from '@sec-an/runtime/sns';
import { sqsHandler } from '@sec-an/runtime/sqs-handler';
import { launchScan, launchSettingsFromEnvironment } from '../task-runtime/index.ts';

/**
 * The launcher every EcsTask deploys: for each scan request of its queue, one Fargate task with the request in
 * its container's environment. A request out of scope is dead-lettered with the reason; a launch ECS refuses
 * is retried, then dead-lettered.
 */
export const handler = sqsHandler({
  serviceName: 'task-launcher',
  recordHandler: async (record, { logger }) => {
    const settings = launchSettingsFromEnvironment();
    const { message } = await readMessage(scanRequestV1, record);
    const taskArn = await launchScan(message, settings);
    logger.info('scan task started', {
      task: settings.taskName,
      requestId: message.requestId,
      address: message.target.address,
      taskArn,
    });
  },
});
