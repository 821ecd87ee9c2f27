const request = async (url: string, method = 'GET'): Promise<unknown> => {
  const response = await fetch(url, { method });
  if (!response.ok)
    throw new Error(`${method} ${url} failed with HTTP ${response.status}: ${await response.text()}`);
  return response.json();
};

const userNames = (names: readonly string[]): string[] => names.filter((name) => !name.startsWith('.'));

/** Enough names per request that a reset is a few cluster-state updates, few enough to keep the URL short. */
const namesPerDelete = 50;

const chunks = (names: readonly string[]): string[][] =>
  Array.from({ length: Math.ceil(names.length / namesPerDelete) }, (_, i) =>
    names.slice(i * namesPerDelete, (i + 1) * namesPerDelete),
  );

/**
 * Deletes every index and index template that is not a system one, by name: the node refuses wildcard deletes
 * when `action.destructive_requires_name` is set, as it is on AWS domains. Indices go in lists of names, since
 * each delete request is a cluster-state update, which a loaded node makes slowly.
 */
export const resetOpenSearch = async (endpoint: string): Promise<void> => {
  const indices = (await request(`${endpoint}/_cat/indices?format=json&expand_wildcards=all`)) as {
    index: string;
  }[];
  for (const names of chunks(userNames(indices.map((entry) => entry.index)))) {
    await request(`${endpoint}/${names.map(encodeURIComponent).join(',')}`, 'DELETE');
  }
  const templates = (await request(`${endpoint}/_index_template`)) as { index_templates: { name: string }[] };
  await Promise.all(
    userNames(templates.index_templates.map((entry) => entry.name)).map((template) =>
      request(`${endpoint}/_index_template/${encodeURIComponent(template)}`, 'DELETE'),
    ),
  );
};
