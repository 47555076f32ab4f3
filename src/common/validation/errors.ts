/** A field-level validation problem, in a form both the API and the web forms use. */
export interface FieldError {
  /** Dotted path of the field, e.g. 'address.postalCode'; '' for the whole object. */
  path: string;
  /** Catalogue key, e.g. 'validation.required'. */
  code: string;
  params?: Record<string, string | number>;
}

/** The shape shared by Ajv (server) and TypeBox Value.Errors (browser). */
export interface SchemaIssue {
  keyword: string;
  instancePath: string;
  params: Record<string, unknown>;
}

const KEYWORDS: Record<string, string> = {
  required: 'validation.required',
  minLength: 'validation.min_length',
  maxLength: 'validation.max_length',
  minimum: 'validation.minimum',
  maximum: 'validation.maximum',
  exclusiveMinimum: 'validation.minimum',
  exclusiveMaximum: 'validation.maximum',
  pattern: 'validation.pattern',
  format: 'validation.format',
  enum: 'validation.choice',
  const: 'validation.choice',
  anyOf: 'validation.choice',
  type: 'validation.type',
  minItems: 'validation.min_items',
  maxItems: 'validation.max_items',
  uniqueItems: 'validation.unique_items',
  additionalProperties: 'validation.unknown_field',
};

const pathOf = (instancePath: string) => instancePath.replace(/^\//, '').replaceAll('/', '.');

/** Turns schema issues into translated-ready field errors, one per field (the most useful first). */
export function toFieldErrors(issues: readonly SchemaIssue[]): FieldError[] {
  const out = new Map<string, FieldError>();
  for (const issue of issues) {
    if (issue.keyword === 'required') {
      const missing = (issue.params.requiredProperties as string[] | undefined) ?? [
        String(issue.params.missingProperty ?? ''),
      ];
      for (const name of missing) {
        const path = [pathOf(issue.instancePath), name].filter(Boolean).join('.');
        out.set(path, { path, code: 'validation.required' });
      }
      continue;
    }
    const path = pathOf(issue.instancePath);
    if (out.has(path)) continue;
    const code = KEYWORDS[issue.keyword] ?? 'validation.invalid';
    const params: Record<string, string | number> = {};
    if (typeof issue.params.limit === 'number') params.limit = issue.params.limit;
    if (typeof issue.params.format === 'string') params.format = issue.params.format;
    if (issue.keyword === 'additionalProperties' && issue.params.additionalProperty)
      params.field = String(issue.params.additionalProperty);
    out.set(path, Object.keys(params).length ? { path, code, params } : { path, code });
  }
  return [...out.values()];
}
