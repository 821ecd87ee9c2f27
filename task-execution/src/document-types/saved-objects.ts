import { fileURLToPath } from 'node:url';
import { loadSavedObjects, type SavedObject } from '@sec-an/analytics-platform/dashboards';

/**
 * task-execution's project folder, whose `dashboards/` holds its saved objects. Resolved from this module's place
 * in the sources: for synthesis and tests, not inside a bundle.
 */
export const taskExecutionDirectory = fileURLToPath(new URL('../..', import.meta.url));

/**
 * How the coverage objects write "older than the plan period" in Lucene date math: the default period, 86 400 s.
 * A stage with another period gets its own (`coverageFor`).
 */
export const defaultPeriodDateMath = 'now-86400s';

const periodDateMath = (periodSeconds: number): string => `now-${periodSeconds}s`;

/**
 * The saved objects with "older than the period" meaning the stage's plan period: every Lucene query and filter
 * that says the default period says this one. The files keep the default, so what they show is what deploys with
 * the default settings.
 */
export const coverageFor = (objects: readonly SavedObject[], periodSeconds: number): SavedObject[] =>
  objects.map(
    (object) =>
      JSON.parse(
        JSON.stringify(object).replaceAll(defaultPeriodDateMath, periodDateMath(periodSeconds)),
      ) as SavedObject,
  );

/** task-execution's dashboards, for the plan period the stage deploys with. */
export const taskExecutionSavedObjects = (periodSeconds: number): SavedObject[] =>
  coverageFor(loadSavedObjects(taskExecutionDirectory), periodSeconds);
