export type * from './ast.js';
export { parseScript } from './parse-script.js';
export type { SourcePosition } from './source-position.js';
export { maxConditionDepth } from './statements/where-expression.js';
export { SqlSyntaxError } from './syntax-error.js';
