// @ts-check
'use strict';
/**
 * The module boundaries of docs/architecture.md, as an ESLint rule
 * (`boundaries/imports`, run by `npm run lint`):
 *
 * - an app never imports another app, a library never imports an app;
 * - a library is imported through its index (`@app/<name>`), never by a
 *   deep path (`@app/x/...`) or a relative path into it (`../../x/src/...`),
 *   and never through its own index from inside;
 * - a library imports only libraries below it in LIBRARY_LAYERS.
 *
 * Tests (`test/**`) may import anything, deep paths included.
 */
const path = require('node:path');

/** Libraries, lowest first: each may import only those listed before it. */
const LIBRARY_LAYERS = [
  'common',
  'database',
  'identity',
  'audit',
  'notifications',
  'incidents',
  'casework',
  'worker',
];

/**
 * @typedef {{ kind: 'app' | 'lib' | 'test' | 'other', name: string }} Element
 * @param {string} file absolute path
 * @param {string} root absolute path of the repository
 * @returns {Element}
 */
function elementOf(file, root) {
  const [top, name = ''] = path.relative(root, file).split(path.sep);
  if (top === 'apps') return { kind: 'app', name };
  if (top === 'libs') return { kind: 'lib', name };
  if (top === 'test') return { kind: 'test', name: '' };
  return { kind: 'other', name: '' };
}

/** @type {import('eslint').Rule.RuleModule} */
const imports = {
  meta: {
    type: 'problem',
    docs: {
      description: 'Apps and libraries import each other only as docs/architecture.md draws it',
    },
    schema: [
      {
        type: 'object',
        properties: { root: { type: 'string' } },
        required: ['root'],
        additionalProperties: false,
      },
    ],
    messages: {
      deep: "Import '{{source}}' through the library's index, '@app/{{name}}'.",
      relativeLibrary:
        "Import the '{{name}}' library through its index, '@app/{{name}}', not by a relative path.",
      ownIndex:
        "Inside the '{{name}}' library import its files by relative path, not through '@app/{{name}}'.",
      appToApp:
        "An app never imports another app ('{{from}}' imports '{{to}}'): move the shared code into a library.",
      libraryToApp: "A library never imports an app ('{{from}}' imports the '{{to}}' app).",
      upward:
        "The '{{from}}' library may not import '{{to}}': libraries import only those below them ({{order}}).",
      unknownLibrary:
        "Add the '{{name}}' library to LIBRARY_LAYERS in scripts/lint/boundaries.cjs.",
    },
  },
  create(context) {
    const { root } = /** @type {{ root: string }} */ (context.options[0]);
    const from = elementOf(context.filename, root);
    if (from.kind === 'test') return {};

    /** @param {import('estree').Node} node @param {unknown} source */
    const check = (node, source) => {
      if (typeof source !== 'string') return;
      /** @type {Element} */
      let to;
      if (source.startsWith('@app/')) {
        const [, name, ...rest] = source.split('/');
        if (rest.length > 0)
          return context.report({ node, messageId: 'deep', data: { source, name } });
        to = { kind: 'lib', name };
        if (from.kind === 'lib' && from.name === name)
          return context.report({ node, messageId: 'ownIndex', data: { name } });
      } else if (source.startsWith('.')) {
        to = elementOf(path.resolve(path.dirname(context.filename), source), root);
        if (to.kind === from.kind && to.name === from.name) return;
        if (to.kind === 'lib')
          return context.report({ node, messageId: 'relativeLibrary', data: { name: to.name } });
      } else {
        return;
      }
      if (to.kind === 'app' && from.kind === 'app' && to.name !== from.name)
        return context.report({
          node,
          messageId: 'appToApp',
          data: { from: from.name, to: to.name },
        });
      if (to.kind === 'app' && from.kind === 'lib')
        return context.report({
          node,
          messageId: 'libraryToApp',
          data: { from: from.name, to: to.name },
        });
      if (to.kind === 'lib') {
        for (const name of [to.name, from.kind === 'lib' ? from.name : null]) {
          if (name !== null && !LIBRARY_LAYERS.includes(name))
            return context.report({ node, messageId: 'unknownLibrary', data: { name } });
        }
        if (
          from.kind === 'lib' &&
          LIBRARY_LAYERS.indexOf(to.name) > LIBRARY_LAYERS.indexOf(from.name)
        ) {
          const order = LIBRARY_LAYERS.join(' < ');
          context.report({
            node,
            messageId: 'upward',
            data: { from: from.name, to: to.name, order },
          });
        }
      }
    };

    return {
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => check(node, node.source?.value),
      ImportExpression: (node) =>
        check(node, node.source.type === 'Literal' ? node.source.value : undefined),
      CallExpression: (node) => {
        const [first] = node.arguments;
        if (
          node.callee.type === 'Identifier' &&
          node.callee.name === 'require' &&
          first?.type === 'Literal'
        )
          check(node, first.value);
      },
    };
  },
};

module.exports = { LIBRARY_LAYERS, plugin: { rules: { imports } } };
