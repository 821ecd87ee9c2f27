import { asList, asRecord, asText, type ScriptValue } from './script-table.ts';

export interface Vulnerability {
  readonly cpe: string;
  readonly id: string;
  readonly type?: string;
  readonly cvss?: number;
  readonly isExploit: boolean;
}

/** The vulnerabilities in vulners' structured output: a table per CPE, an entry per vulnerability. */
export const readVulnerabilities = (value: ScriptValue): Vulnerability[] =>
  Object.entries(asRecord(value)).flatMap(([cpe, entries]) =>
    asList(entries).flatMap((entry) => {
      const fields = asRecord(entry);
      const id = asText(fields.id);
      if (id === undefined) return [];
      const type = asText(fields.type);
      const cvss = Number(asText(fields.cvss));
      return [
        {
          cpe,
          id,
          ...(type === undefined ? {} : { type }),
          ...(Number.isFinite(cvss) && asText(fields.cvss) !== undefined ? { cvss } : {}),
          isExploit: asText(fields.is_exploit) === 'true',
        },
      ];
    }),
  );

/** CVSS's qualitative rating (v3 bands), which dashboards group by. */
export const cvssSeverity = (score: number | undefined): string => {
  if (score === undefined) return 'unknown';
  if (score === 0) return 'none';
  if (score < 4) return 'low';
  if (score < 7) return 'medium';
  if (score < 9) return 'high';
  return 'critical';
};
