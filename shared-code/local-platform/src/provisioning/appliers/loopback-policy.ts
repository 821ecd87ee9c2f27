interface Statement {
  readonly Effect?: string;
  readonly Condition?: { readonly Bool?: Readonly<Record<string, unknown>> };
}

const deniesPlainHttp = (statement: Statement): boolean =>
  statement.Effect === 'Deny' && String(statement.Condition?.Bool?.['aws:SecureTransport']) === 'false';

/**
 * The local endpoint speaks plain HTTP on loopback, and moto enforces bucket policies: a TLS-only statement
 * would refuse every request, so it is left out locally. Every other statement is applied as written. Returns
 * undefined when nothing is left to apply.
 */
export const policyForLoopback = (policy: string): string | undefined => {
  const document = JSON.parse(policy) as { Statement?: Statement | Statement[] };
  const statements = [document.Statement ?? []].flat();
  const kept = statements.filter((statement) => !deniesPlainHttp(statement));
  if (kept.length === 0) return undefined;
  return kept.length === statements.length ? policy : JSON.stringify({ ...document, Statement: kept });
};
