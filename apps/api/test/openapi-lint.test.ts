import { Document, Spectral, type ISpectralDiagnostic } from '@stoplight/spectral-core';
import * as Parsers from '@stoplight/spectral-parsers';
import { builtins } from '@stoplight/spectral-ruleset-bundler/plugins/builtins';
import { commonjs } from '@stoplight/spectral-ruleset-bundler/plugins/commonjs';
import { bundleAndLoadRuleset } from '@stoplight/spectral-ruleset-bundler/with-loader';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildOpenApiDocument } from '../src/platform/openapi.js';

const rulesetFile = fileURLToPath(new URL('../.spectral.yaml', import.meta.url));
const ERROR = 0;

/** The ruleset and its `extends` come from node_modules; any attempt to fetch one fails the test. */
const offline = (url: string): never => {
  throw new Error(`The OpenAPI lint must run offline, but the ruleset asked for ${url}`);
};

async function lint(document: object): Promise<ISpectralDiagnostic[]> {
  const spectral = new Spectral();
  spectral.setRuleset(
    await bundleAndLoadRuleset(rulesetFile, { fs, fetch: offline as never }, [builtins(), commonjs()]),
  );
  return spectral.run(new Document(JSON.stringify(document, null, 2), Parsers.Json, 'api-docs.json'));
}

const describeResult = (result: ISpectralDiagnostic) => `${result.code} at ${result.path.join('.')}: ${result.message}`;

describe('the OpenAPI document under Spectral and the OWASP API Security ruleset', () => {
  it('when linted, then it has no error (only the three exceptions in .spectral.yaml are off)', async () => {
    const results = await lint(buildOpenApiDocument());
    const errors = results.filter((result) => result.severity === ERROR).map(describeResult);
    expect(errors, errors.join('\n')).toEqual([]);
  });

  it('when a schema loses its bounds, then the lint reports it', async () => {
    const document = buildOpenApiDocument() as { components: { schemas: Record<string, unknown> } };
    document.components.schemas.Unbounded = { type: 'array', items: { type: 'string' } };
    const codes = (await lint(document)).filter((r) => r.severity === ERROR).map((r) => r.code);
    expect(codes).toEqual(expect.arrayContaining(['owasp:api4:2023-array-limit', 'owasp:api4:2023-string-limit']));
  });
});
