import type { Client } from '@opensearch-project/opensearch';
import { savedObjectsNdjson, savedObjectsUpload } from './saved-objects-upload.ts';
import { searchCall } from './search-call.ts';
import { SearchSetupError } from './search-setup-errors.ts';
import type { SavedObject } from './setup-request.ts';

export type SavedObjectsReport =
  | { readonly status: 'imported'; readonly count: number }
  | { readonly status: 'skipped'; readonly count: number; readonly reason: string }
  | { readonly status: 'none' };

interface ImportAnswer {
  readonly success: boolean;
  readonly successCount?: number;
  readonly errors?: readonly {
    readonly id: string;
    readonly type: string;
    readonly error?: { readonly type?: string; readonly message?: string };
  }[];
}

export class SavedObjectsImportError extends SearchSetupError {
  override readonly name = 'SavedObjectsImportError';
}

const describeErrors = (errors: ImportAnswer['errors']): string =>
  (errors ?? [])
    .map(({ type, id, error }) => `${type} ${id}: ${error?.message ?? error?.type ?? 'refused'}`)
    .join('; ');

/**
 * Imports the objects into Dashboards, replacing those with the same type and id (what the files say is what
 * Dashboards shows). Without a Dashboards endpoint (the local platform has no Dashboards) nothing is imported
 * and the report says why; `dashboards` is absent exactly when the configuration names no endpoint.
 */
export const importSavedObjects = async (
  dashboards: Client | undefined,
  objects: readonly SavedObject[],
): Promise<SavedObjectsReport> => {
  if (objects.length === 0) return { status: 'none' };
  if (dashboards === undefined) {
    return {
      status: 'skipped',
      count: objects.length,
      reason: 'no Dashboards endpoint is configured, so there is nothing to import into',
    };
  }
  const upload = savedObjectsUpload(savedObjectsNdjson(objects));
  const { body } = await searchCall<ImportAnswer>(dashboards, {
    method: 'POST',
    path: '/api/saved_objects/_import',
    querystring: { overwrite: 'true' },
    // Dashboards refuses state-changing API calls without this header (its XSRF protection).
    headers: { 'content-type': upload.contentType, 'osd-xsrf': 'true' },
    body: upload.body,
  });
  if (!body.success) {
    throw new SavedObjectsImportError(
      `Dashboards imported ${body.successCount ?? 0} of ${objects.length} saved objects: ${describeErrors(body.errors)}`,
    );
  }
  return { status: 'imported', count: body.successCount ?? objects.length };
};
