import { statSync } from 'node:fs';
import path from 'node:path';

/**
 * An ESLint rule that keeps every import inside the layer order written in eslint.config.js.
 * It resolves each specifier to a file of the repository first, so `../guard/x`, `@/lib/guard`
 * and `~/lib/guard/x` are one and the same import (globs over specifiers cannot tell them apart).
 */

const ALIASES = ['@/', '~/', '@@/', '~~/'];
const EXTENSIONS = ['', '.ts', '.tsx', '/index.ts', '/index.tsx'];

function isFile(file) {
  return statSync(file, { throwIfNoEntry: false })?.isFile() ?? false;
}

/** `**`, `*` and `{a,b}` globs over repository paths, as in ESLint's `files`. */
export function globToRegExp(glob) {
  let source = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*' && glob[i + 1] === '*') {
      source += glob[i + 2] === '/' ? '(?:.*/)?' : '.*';
      i += glob[i + 2] === '/' ? 2 : 1;
    } else if (c === '*') source += '[^/]*';
    else if (c === '{') {
      const end = glob.indexOf('}', i);
      source += `(?:${glob
        .slice(i + 1, end)
        .split(',')
        .map(escape)
        .join('|')})`;
      i = end;
    } else source += escape(c);
  }
  return new RegExp(`^${source}$`);
}

function escape(text) {
  return text.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
}

export function createLayerRule({ layers, packages }) {
  const compiled = layers.map((layer) => ({ ...layer, regexps: layer.files.map(globToRegExp) }));
  const layerOf = (file) => compiled.find((layer) => layer.regexps.some((r) => r.test(file)));
  const packageGroup = (spec) =>
    Object.entries(packages).find(([, specs]) =>
      specs.some((s) => (s.endsWith('*') ? spec.startsWith(s.slice(0, -1)) : spec === s)),
    )?.[0];

  return {
    meta: {
      type: 'problem',
      docs: { description: 'Imports follow the layer order of eslint.config.js' },
      schema: [],
    },
    create(context) {
      const root = context.cwd;
      const file = path.relative(root, context.filename).split(path.sep).join('/');
      const own = layerOf(file);
      if (!own) return {};
      const allowed = new Set([own.name, ...own.uses]);
      /** The repository file an import names (the bare path when it names nothing on disk). */
      const resolve = (spec) => {
        const bare = spec.replace(/\?.*$/, '');
        let target = null;
        if (bare.startsWith('./') || bare.startsWith('../')) target = path.posix.join(path.posix.dirname(file), bare);
        else {
          const alias = ALIASES.find((a) => bare.startsWith(a));
          if (alias) target = bare.slice(alias.length);
        }
        if (target === null) return null;
        const found = EXTENSIONS.map((ext) => target + ext).find((f) => isFile(path.join(root, f)));
        return found ?? `${target}.ts`;
      };

      const check = (node, spec) => {
        if (typeof spec !== 'string') return;
        const target = resolve(spec);
        if (target === null) {
          const group = packageGroup(spec);
          if (group && !(own.packages ?? []).includes(group))
            context.report({
              node,
              message: `${own.name} may not use ${group} ('${spec}'): see LAYERS in eslint.config.js.`,
            });
          return;
        }
        const layer = layerOf(target);
        if (!layer)
          context.report({
            node,
            message: `${own.name} may not import '${spec}': it is in no layer of eslint.config.js.`,
          });
        else if (!allowed.has(layer.name))
          context.report({
            node,
            message: `${own.name} may not import ${layer.name} ('${spec}'): see LAYERS in eslint.config.js.`,
          });
      };
      const fromSource = (node) => {
        if (node.source) check(node.source, node.source.value);
      };
      return {
        ImportDeclaration: fromSource,
        ExportAllDeclaration: fromSource,
        ExportNamedDeclaration: fromSource,
        ImportExpression: (node) => {
          if (node.source.type === 'Literal') check(node.source, node.source.value);
        },
        TSImportType: (node) => {
          const arg = node.argument?.literal ?? node.argument;
          if (arg?.type === 'Literal') check(node, arg.value);
        },
      };
    },
  };
}
