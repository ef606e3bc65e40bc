/**
 * Localised custom-functions metadata. functions.json (generated from the JSDoc) stays the
 * single source of ids, parameter lists and types; a locale file only supplies texts, keyed
 * by id and parameter name. Any drift between the two is an error, so a renamed parameter
 * or a new function cannot ship half translated.
 */
"use strict";

/**
 * @param {{ functions: Array<{ id: string, name: string, description?: string, parameters: Array<{ name: string, description?: string }> }> }} metadata
 * @param {Record<string, { description: string, parameters: Record<string, [string, string]> }>} texts
 * @returns {{ metadata: object, problems: string[] }}
 */
function localizeMetadata(metadata, texts) {
  const problems = [];
  const ids = new Set(metadata.functions.map((f) => f.id));
  for (const id of Object.keys(texts)) if (!ids.has(id)) problems.push(`${id}: translated but not a function`);
  const functions = metadata.functions.map((fn) => {
    const text = texts[fn.id];
    if (!text) {
      problems.push(`${fn.id}: no translation`);
      return fn;
    }
    const names = new Set(fn.parameters.map((p) => p.name));
    for (const name of Object.keys(text.parameters || {})) {
      if (!names.has(name)) problems.push(`${fn.id}: translated parameter ${name} does not exist`);
    }
    return {
      ...fn,
      description: text.description,
      parameters: fn.parameters.map((p) => {
        const pair = (text.parameters || {})[p.name];
        if (!pair) {
          problems.push(`${fn.id}: parameter ${p.name} has no translation`);
          return p;
        }
        return { ...p, name: pair[0], description: pair[1] };
      }),
    };
  });
  return { metadata: { ...metadata, functions }, problems };
}

module.exports = { localizeMetadata };
