// The validate command's vocabulary, without dependencies (see src/diff/options.ts).

export const VALIDATE_FORMATS = ['text', 'json', 'github', 'sarif'] as const;
export type ValidateFormat = (typeof VALIDATE_FORMATS)[number];

export const CONFIG_FILE = 'policy-parse.config.json';
