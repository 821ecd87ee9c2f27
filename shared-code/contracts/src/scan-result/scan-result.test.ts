import { describe, expect, it } from '@jest/globals';
import { ContractViolationError, parseMessage } from '../contract/index.ts';
import { scanResultV1, scanResultV1Example } from './index.ts';

const withPortFields = (fields: Record<string, unknown>) => ({
  ...scanResultV1Example,
  documents: {
    ...scanResultV1Example.documents,
    port: [{ key: scanResultV1Example.documents.port[0].key, fields }],
  },
});

const refusal = (message: unknown): string => {
  try {
    parseMessage(scanResultV1, message);
  } catch (error) {
    expect(error).toBeInstanceOf(ContractViolationError);
    return (error as Error).message;
  }
  throw new Error('the message was accepted');
};

describe("the scan-result contract's documents", () => {
  it('accepts nested JSON values and keeps them as they are', () => {
    const fields = { port: 443, tls: { versions: ['TLSv1.3'], grade: null, weak: false } };
    expect(parseMessage(scanResultV1, withPortFields(fields)).documents.port?.[0]?.fields).toEqual(fields);
  });

  it('refuses a field the ingest writes itself, naming it', () => {
    expect(refusal(withPortFields({ port: 443, scan: 'mine' }))).toMatch(/fields the ingest writes.*"scan"/);
  });

  it('refuses a value that is not JSON, naming where it is', () => {
    expect(refusal(withPortFields({ tls: { versions: ['TLSv1.3', Number.NaN] } }))).toMatch(
      /field tls\.versions\.1 is not a JSON value/,
    );
    expect(refusal(withPortFields({ seen: new Date() }))).toMatch(/field seen is not a JSON value/);
    expect(refusal(withPortFields({ banner: undefined }))).toMatch(/field banner is not a JSON value/);
  });

  it('refuses an empty or overlong field name, and fields that are not an object', () => {
    expect(refusal(withPortFields({ '': 1 }))).toMatch(/field name "" is not 1 to 256 characters/);
    expect(refusal(withPortFields({ ['x'.repeat(257)]: 1 }))).toMatch(/is not 1 to 256 characters/);
    expect(
      refusal({ ...withPortFields({}), documents: { port: [{ key: 'a'.repeat(64), fields: [1] }] } }),
    ).toMatch(/fields are an object/);
  });

  it('says which document of which type is wrong', () => {
    expect(refusal(withPortFields({ entity: 'x' }))).toMatch(/documents\.port\[0\]\.fields/);
  });

  it('refuses a bad entity key, an unknown property, a bad type name and a type that is not a list, saying where', () => {
    const key = scanResultV1Example.documents.port[0].key;
    const withDocuments = (documents: unknown) => ({ ...scanResultV1Example, documents });
    expect(refusal(withDocuments({ port: [{ key: 'ABC', fields: {} }] }))).toMatch(
      /64 lowercase hex digits[\s\S]*documents\.port\[0\]\.key/,
    );
    expect(
      refusal(
        withDocuments({
          port: [
            { key, fields: {} },
            { key, fields: {}, extra: 1 },
          ],
        }),
      ),
    ).toMatch(/only a key and fields, not extra[\s\S]*documents\.port\[1\]/);
    expect(refusal(withDocuments({ Port: [] }))).toMatch(
      /"Port" is not a document type[\s\S]*documents\.Port/,
    );
    expect(refusal(withDocuments({ port: { key, fields: {} } }))).toMatch(/are a list[\s\S]*documents\.port/);
    expect(refusal(withDocuments([]))).toMatch(/documents are an object of document types/);
  });
});
