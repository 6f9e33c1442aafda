import { AwsError } from '../core/index.ts'

/** `Filters: [{ Name, Values }]` as every EC2 Describe* call takes them. */
export interface Filter {
  Name?: string
  Values?: string[]
}

/** How one filter name reads a resource: the value(s) it compares against. */
type FilterFields<T> = Record<string, (resource: T) => string | string[] | boolean | number | undefined>

/** EC2 filter values accept `*` (any run) and `?` (one character), case-sensitive (EC2 API Reference, "Filtering"). */
function matches(pattern: string, value: string): boolean {
  const re = new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replaceAll('*', '.*').replaceAll('?', '.')}$`)
  return re.test(value)
}

/**
 * Keeps the resources that match every filter (AND across filters, OR across one filter's values).
 * `tag:<key>` filters read the resource's Tags. An unknown filter name is the API's InvalidParameterValue.
 */
export function applyFilters<T extends object>(
  resources: T[],
  filters: Filter[] | undefined,
  fields: FilterFields<T>,
): T[] {
  if (!filters?.length) return resources
  for (const f of filters) {
    const name = f.Name ?? ''
    if (!name.startsWith('tag:') && name !== 'tag-key' && !Object.hasOwn(fields, name))
      throw new AwsError('InvalidParameterValue', `The filter '${name}' is invalid`)
  }
  return resources.filter((r) =>
    filters.every((f) => {
      const tags = (r as { Tags?: { Key: string; Value: string }[] }).Tags ?? []
      const name = f.Name ?? ''
      const values = f.Values ?? []
      let actual: string[]
      if (name.startsWith('tag:')) actual = tags.filter((t) => t.Key === name.slice(4)).map((t) => t.Value)
      else if (name === 'tag-key') actual = tags.map((t) => t.Key)
      else {
        const v = fields[name](r)
        actual = v === undefined ? [] : (Array.isArray(v) ? v : [v]).map(String)
      }
      return values.some((pattern) => actual.some((a) => matches(pattern, a)))
    }),
  )
}

/**
 * Picks resources by ID for `--vpc-ids`, `--subnet-ids`, `--group-ids`: every ID must exist, otherwise the
 * call fails naming the missing ones (`The subnet ID 'subnet-1' does not exist`).
 */
export function pickByIds<T>(all: Record<string, T>, ids: string[] | undefined, notFound: (missing: string[]) => AwsError): T[] {
  if (!ids?.length) return Object.values(all)
  const missing = ids.filter((id) => !Object.hasOwn(all, id))
  if (missing.length) throw notFound(missing)
  return [...new Set(ids)].map((id) => all[id])
}
