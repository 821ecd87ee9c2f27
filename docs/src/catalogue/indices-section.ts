import { code, list, markdownTable } from './markdown.ts';
import type { SynthesizedStack } from './synthesized-stacks.ts';
import { blocksOf, stackName } from './terraform.ts';

interface Template {
  readonly kind: string;
  readonly name: string;
  readonly body: {
    readonly index_patterns?: readonly string[];
    readonly composed_of?: readonly string[];
    readonly template?: {
      readonly mappings?: {
        readonly properties?: Readonly<Record<string, unknown>>;
        readonly _meta?: { readonly 'sec-an'?: { readonly changeFields?: readonly string[] } };
      };
    };
  };
}

interface SavedObject {
  readonly type: string;
  readonly id: string;
  readonly attributes?: { readonly title?: string; readonly panelsJSON?: string };
}

interface SearchContent {
  readonly stack: SynthesizedStack;
  readonly templates: readonly Template[];
  readonly savedObjects: readonly SavedObject[];
}

/** What each stack provisions in OpenSearch: the input of its deploy-time search-setup invocations. */
const searchContents = (stacks: readonly SynthesizedStack[]): readonly SearchContent[] =>
  stacks.flatMap((stack) =>
    blocksOf(stack, 'aws_lambda_invocation').flatMap(([, invocation]) => {
      const input = JSON.parse(String(invocation.input)) as Partial<Omit<SearchContent, 'stack'>>;
      if (input.templates === undefined && input.savedObjects === undefined) return [];
      return [{ stack, templates: input.templates ?? [], savedObjects: input.savedObjects ?? [] }];
    }),
  );

const templateRows = (contents: readonly SearchContent[]) =>
  contents.flatMap(({ stack, templates }) =>
    templates.map((template) => {
      const mappings = template.body.template?.mappings;
      return [
        code(template.name),
        template.kind,
        list((template.body.index_patterns ?? []).map(code)),
        String(Object.keys(mappings?.properties ?? {}).length),
        list((mappings?._meta?.['sec-an']?.changeFields ?? []).map(code)),
        stackName(stack),
      ];
    }),
  );

const indexPatternRows = (contents: readonly SearchContent[]) =>
  contents.flatMap(({ stack, savedObjects }) =>
    savedObjects
      .filter((object) => object.type === 'index-pattern')
      .map((object) => [code(object.attributes?.title ?? ''), code(object.id), stackName(stack)]),
  );

const panelCount = (dashboard: SavedObject): string =>
  String((JSON.parse(dashboard.attributes?.panelsJSON ?? '[]') as readonly unknown[]).length);

const dashboardRows = (contents: readonly SearchContent[]) =>
  contents.flatMap(({ stack, savedObjects }) =>
    savedObjects
      .filter((object) => object.type === 'dashboard')
      .map((object) => [
        object.attributes?.title ?? '',
        code(object.id),
        panelCount(object),
        stackName(stack),
      ]),
  );

/** Index templates, index patterns and dashboards, as the stacks provision them at deploy. */
export const indicesSection = (stacks: readonly SynthesizedStack[]): string => {
  const contents = searchContents(stacks);
  return [
    '#### Index templates',
    markdownTable(
      ['template', 'kind', 'indices', 'top-level fields', 'change fields', 'provisioned by'],
      templateRows(contents),
    ),
    '#### Index patterns',
    markdownTable(['index pattern', 'saved object', 'provisioned by'], indexPatternRows(contents)),
    '#### Dashboards',
    markdownTable(['dashboard', 'saved object', 'panels', 'provisioned by'], dashboardRows(contents)),
  ].join('\n\n');
};
