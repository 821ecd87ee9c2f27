const request = async (url: string, method = 'GET'): Promise<unknown> => {
  const response = await fetch(url, { method });
  if (!response.ok)
    throw new Error(`${method} ${url} failed with HTTP ${response.status}: ${await response.text()}`);
  return response.json();
};

const userNames = (names: readonly string[]): string[] => names.filter((name) => !name.startsWith('.'));

/**
 * Deletes every index and index template that is not a system one, by name: the node refuses wildcard deletes
 * when `action.destructive_requires_name` is set, as it is on AWS domains.
 */
export const resetOpenSearch = async (endpoint: string): Promise<void> => {
  const indices = (await request(`${endpoint}/_cat/indices?format=json&expand_wildcards=all`)) as {
    index: string;
  }[];
  for (const index of userNames(indices.map((entry) => entry.index))) {
    await request(`${endpoint}/${encodeURIComponent(index)}`, 'DELETE');
  }
  const templates = (await request(`${endpoint}/_index_template`)) as { index_templates: { name: string }[] };
  for (const template of userNames(templates.index_templates.map((entry) => entry.name))) {
    await request(`${endpoint}/_index_template/${encodeURIComponent(template)}`, 'DELETE');
  }
};
