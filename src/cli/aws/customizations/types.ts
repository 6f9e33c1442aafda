/**
 * Arguments the AWS CLI adds to an operation beyond its model (awscli/customizations/): extra options, and how
 * their values turn into the request.
 */
export interface Customization {
  options: { name: string; doc: string }[]
  /** Model-derived options the customization takes away (`--min-count`, `--max-count` for `ec2 run-instances`). */
  removes?: string[]
  /** Folds the given values (by option name) into the request built from the model's own options. */
  apply(values: Map<string, string>, input: Record<string, unknown>): void
  /** Prints the response itself instead of the `--output` formats (`ecr get-login-password` prints the password). */
  print?(response: unknown): string
}

/**
 * A command the AWS CLI adds to a service beyond the model's operations (`aws ecr get-login-password`): it calls
 * one model `operation` with only its own options.
 */
export interface CustomCommand {
  cliName: string
  operation: string
  customization: Customization
}
