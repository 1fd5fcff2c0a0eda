import type { Rule } from 'eslint';

export declare const LIBRARY_LAYERS: readonly string[];
export declare const plugin: { rules: { imports: Rule.RuleModule } };
