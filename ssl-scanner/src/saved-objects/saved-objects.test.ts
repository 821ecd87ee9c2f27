import { describe, expect, it } from '@jest/globals';
import { savedSearchRequest, visualizationRequest } from '@sec-an/analytics-platform/dashboards';
import { describeSavedObjectsOf } from '@sec-an/analytics-platform/dashboards/testing';
import { platformTemplates } from '@sec-an/analytics-platform/index-templates';
import { changeIndex } from '@sec-an/contracts/search-index';
import { sslTemplates } from '../document-types/index.ts';
import { sslSavedObjects, sslScannerDirectory } from './saved-objects.ts';

describeSavedObjectsOf(sslScannerDirectory, [...platformTemplates, ...sslTemplates]);

describe('sslSavedObjects', () => {
  const objects = sslSavedObjects();
  const referenced = (types: readonly string[]) =>
    new Set(
      objects.flatMap((object) =>
        object.references.filter((reference) => types.includes(reference.type)).map(({ id }) => id),
      ),
    );

  it('name every object for its project', () => {
    expect(objects.filter((object) => !object.id.startsWith('ssl-scanner-'))).toEqual([]);
  });

  it('put every visualisation on a dashboard, so the data test runs each', () => {
    const onDashboards = new Set(
      objects
        .filter((object) => object.type === 'dashboard')
        .flatMap((dashboard) => dashboard.references.map(({ id }) => id)),
    );
    const visualizations = objects.filter((object) => object.type === 'visualization').map(({ id }) => id);
    expect(visualizations.filter((id) => !onDashboards.has(id))).toEqual([]);
  });

  it('leave no search or index pattern unused', () => {
    const used = referenced(['search', 'index-pattern']);
    const unused = objects
      .filter((object) => object.type === 'search' || object.type === 'index-pattern')
      .filter((object) => !used.has(object.id))
      .map(({ id }) => id);
    expect(unused).toEqual([]);
  });

  it("query the change index for the ssl-scanner task's changes only", () => {
    const requests = objects.flatMap((object) => {
      if (object.type === 'search') return [savedSearchRequest(objects, object.id)];
      if (object.type === 'visualization') return [visualizationRequest(objects, object.id)];
      return [];
    });
    const onChanges = requests.filter((request) => request.index === changeIndex);
    expect(onChanges.length).toBeGreaterThanOrEqual(4);
    for (const request of onChanges)
      expect(JSON.stringify(request.body.query)).toContain('task:\\"ssl-scanner\\"');
  });
});
