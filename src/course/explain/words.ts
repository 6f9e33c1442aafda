/** Reading values back out of the command line as typed (not expanded: `$TG` stays `$TG`). */

/** The value after `--name` (or `--name=value`) in the line, unquoted. */
export function optionValue(line: string, name: string): string | undefined {
  const match = new RegExp(`(?:^|\\s)${name}(?:=|\\s+)("[^"]*"|'[^']*'|\\S+)`).exec(line)
  return match?.[1]?.replace(/^["']|["']$/g, '')
}

/** The `--region` the line names, else the one the context knows, else the sandbox's default. */
export function regionOf(line: string, fallback: string | undefined): string {
  return optionValue(line, '--region') ?? fallback ?? 'us-east-1'
}

/** True when the value is a shell variable that may have been empty or unset (`$TG`, `${TG}`). */
export const isVariable = (value: string | undefined): boolean => value !== undefined && /^\$\{?[A-Za-z_]/.test(value)
