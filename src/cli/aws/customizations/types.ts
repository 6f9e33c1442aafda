/**
 * Arguments the AWS CLI adds to an operation beyond its model (awscli/customizations/): extra options, and how
 * their values turn into the request.
 */
export interface Customization {
  options: { name: string; doc: string }[]
  /** Folds the given values (by option name) into the request built from the model's own options. */
  apply(values: Map<string, string>, input: Record<string, unknown>): void
}
