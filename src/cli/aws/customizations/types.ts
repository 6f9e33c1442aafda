/**
 * Arguments the AWS CLI adds to an operation beyond its model (awscli/customizations/): extra options, and how
 * their values turn into the request.
 */
/** What argparse collected for a customization's option: one word, a list of words, or a flag's boolean. */
export type CustomValue = string | string[] | boolean

export interface CustomOption {
  /** `--count`, or a positional argument's name (`group_name`). */
  name: string
  doc: string
  /** How argparse reads it (default one word); `positional` takes the first word that is not an option. */
  nargs?: 'one' | 'list' | 'flag'
  positional?: true
  required?: true
}

/** What a customization may read besides the words: the virtual clock (`logs tail --since 1h`). */
export interface CustomizationContext {
  now(): number
}

export interface Customization {
  options: CustomOption[]
  /** Model-derived options the customization takes away (`--min-count`, `--max-count` for `ec2 run-instances`). */
  removes?: string[]
  /** Model-derived required options the customization makes optional (its own options can stand in for them). */
  optional?: string[]
  /** Folds the given values (by option name) into the request built from the model's own options. */
  apply(values: ReadonlyMap<string, CustomValue>, input: Record<string, unknown>, context: CustomizationContext): void
  /** Prints the response itself instead of the `--output` formats (`ecr get-login-password` prints the password). */
  print?(response: unknown, values: ReadonlyMap<string, CustomValue>): string
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
