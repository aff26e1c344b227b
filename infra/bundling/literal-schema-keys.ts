/**
 * Rewrites an AWS SDK client's generated schema module so that esbuild can
 * drop the schemas a bundle never references.
 *
 * The SDK writes every operation's schema as a top-level `export var X$ =
 * [..., { [_h]: [...] }, ...]`, whose trait keys are computed from string
 * constants of the same file (`const _h = "http"`). esbuild counts a computed
 * key as a possible side effect (it could call toString), so it keeps every
 * schema of the client: about 65 KiB of S3's alone in each bundle that sends
 * one S3 command (aws/aws-sdk-js-v3#7607, fixed upstream in the code
 * generator by smithy-lang/smithy-typescript#1889, not yet released).
 *
 * `{ [_h]: v }` and `{ "http": v }` build the same object when `_h` is a
 * `const` string, so writing the key out changes nothing the SDK sees; it
 * only lets esbuild's own tree-shaking keep exactly the schemas that code
 * reaches. Nothing is chosen by name here: a schema that is referenced stays.
 * The file is parsed with the TypeScript compiler, not matched by pattern.
 */

import { createRequire } from 'node:module';

type TypeScript = typeof import('typescript');

const require = createRequire(import.meta.url);
/** Loaded only when a schema module is rewritten (once per installed SDK version). */
let typescript: TypeScript | undefined;
const ts = (): TypeScript => {
  typescript ??= require('typescript') as TypeScript;
  return typescript;
};

export interface LiteralKeysResult {
  text: string;
  /** Computed keys written out as string literals. */
  rewritten: number;
  /** Computed keys left as they were (not a top-level `const` string of the file). */
  kept: number;
}

/** Names declared below the top level (parameters, inner variables): they could shadow a constant. */
function innerNames(source: import('typescript').SourceFile): Set<string> {
  const api = ts();
  const names = new Set<string>();
  const visit = (node: import('typescript').Node, topLevel: boolean): void => {
    if (
      (api.isParameter(node) || (api.isVariableDeclaration(node) && !topLevel)) &&
      api.isIdentifier(node.name)
    ) {
      names.add(node.name.text);
    }
    const statementOfFile = node.parent === source && api.isVariableStatement(node);
    api.forEachChild(node, (child) =>
      visit(child, statementOfFile || (topLevel && api.isVariableDeclarationList(node))),
    );
  };
  api.forEachChild(source, (child) => visit(child, false));
  return names;
}

/** The file's top-level `const name = "string"` declarations that nothing inside shadows. */
function stringConstants(source: import('typescript').SourceFile): Map<string, string> {
  const { isVariableStatement, isIdentifier, isStringLiteral, NodeFlags } = ts();
  const shadowed = innerNames(source);
  const constants = new Map<string, string>();
  for (const statement of source.statements) {
    if (!isVariableStatement(statement)) continue;
    if (!(statement.declarationList.flags & NodeFlags.Const)) continue;
    for (const declaration of statement.declarationList.declarations) {
      if (
        isIdentifier(declaration.name) &&
        declaration.initializer &&
        isStringLiteral(declaration.initializer) &&
        !shadowed.has(declaration.name.text)
      ) {
        constants.set(declaration.name.text, declaration.initializer.text);
      }
    }
  }
  return constants;
}

/** Writes each `[name]` property key, `name` a top-level string constant, as that string. */
export function literalSchemaKeys(text: string, fileName = 'schemas_0.js'): LiteralKeysResult {
  const api = ts();
  const source = api.createSourceFile(
    fileName,
    text,
    api.ScriptTarget.Latest,
    true,
    api.ScriptKind.JS,
  );
  const constants = stringConstants(source);
  const edits: Array<{ start: number; end: number; literal: string }> = [];
  let kept = 0;
  const visit = (node: import('typescript').Node): void => {
    if (api.isComputedPropertyName(node) && api.isPropertyAssignment(node.parent)) {
      const value = api.isIdentifier(node.expression)
        ? constants.get(node.expression.text)
        : undefined;
      if (value === undefined) kept++;
      else
        edits.push({ start: node.getStart(source), end: node.end, literal: JSON.stringify(value) });
    }
    api.forEachChild(node, visit);
  };
  visit(source);
  let out = text;
  // From the end, so earlier offsets stay valid.
  for (const { start, end, literal } of edits.sort((a, b) => b.start - a.start)) {
    out = out.slice(0, start) + literal + out.slice(end);
  }
  return { text: out, rewritten: edits.length, kept };
}
