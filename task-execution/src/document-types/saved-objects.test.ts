import { describe, expect, it } from '@jest/globals';
import { type SavedObject, visualizationRequest } from '@sec-an/analytics-platform/dashboards';
import { describeSavedObjectsOf } from '@sec-an/analytics-platform/dashboards/testing';
import { platformTemplates } from '@sec-an/analytics-platform/index-templates';
import { defaultPeriodDateMath, taskExecutionDirectory, taskExecutionSavedObjects } from './saved-objects.ts';
import { taskExecutionTemplates } from './templates.ts';

describeSavedObjectsOf(taskExecutionDirectory, [...platformTemplates, ...taskExecutionTemplates]);

const text = (objects: readonly SavedObject[]): string => JSON.stringify(objects);

describe('taskExecutionSavedObjects', () => {
  it('keeps the default period of the files for a stage with the default period', () => {
    expect(text(taskExecutionSavedObjects(86_400))).toContain(defaultPeriodDateMath);
  });

  it("measures coverage against the stage's plan period", () => {
    const objects = taskExecutionSavedObjects(43_200);
    expect(text(objects)).not.toContain(defaultPeriodDateMath);
    const { body } = visualizationRequest(objects, 'task-execution-coverage-by-last-scan');
    expect(JSON.stringify(body.aggs)).toContain('lastScannedAt:>=now-43200s');
    expect(JSON.stringify(body.aggs)).toContain('lastScannedAt:<now-43200s');
  });

  it('changes nothing but the period', () => {
    const changed = taskExecutionSavedObjects(43_200);
    const kept = taskExecutionSavedObjects(86_400);
    expect(text(changed).replaceAll('now-43200s', defaultPeriodDateMath)).toBe(text(kept));
  });
});
