import type { PaginatorModel } from '../../models/index.ts'
import { paramError } from './errors.ts'

/**
 * `--max-items` and `--starting-token` over an operation's aggregated result (botocore/paginate.py, fidelity §1.17).
 * The simulated services answer with everything in one page, so the resume token always carries a null service
 * token and the number of items already shown: base64 of `{"nextToken": null, "boto_truncate_amount": N}`, with
 * Python's `json.dumps` separators.
 */
const resultKeys = (p: PaginatorModel) => (p.result_key === undefined ? [] : Array.isArray(p.result_key) ? p.result_key : [p.result_key])
const inputTokens = (p: PaginatorModel) => (Array.isArray(p.input_token) ? p.input_token : [p.input_token])

function encode(paginator: PaginatorModel, amount: number): string {
  const fields = [...inputTokens(paginator).map((t) => `"${t}": null`), `"boto_truncate_amount": ${amount}`]
  return btoa(`{${fields.join(', ')}}`)
}

function decode(token: string): number {
  try {
    const value = JSON.parse(atob(token)) as { boto_truncate_amount?: unknown }
    if (typeof value.boto_truncate_amount === 'number') return value.boto_truncate_amount
    if (value && typeof value === 'object') return 0
  } catch {
    // reported below
  }
  throw paramError(`Bad value for --starting-token ${token}: the token is not one this CLI issued`)
}

export function paginate(
  response: unknown,
  paginator: PaginatorModel | undefined,
  options: { maxItems?: string; startingToken?: string },
): unknown {
  if (!paginator || (options.maxItems === undefined && options.startingToken === undefined)) return response
  if (!response || typeof response !== 'object') return response
  const out = { ...(response as Record<string, unknown>) }
  for (const t of [paginator.output_token].flat()) delete out[t]
  const skip = options.startingToken === undefined ? 0 : decode(options.startingToken)
  const max = options.maxItems === undefined ? Infinity : Number(options.maxItems)
  let truncated = false
  for (const key of resultKeys(paginator)) {
    const list = out[key]
    if (!Array.isArray(list)) continue
    const rest = list.slice(skip)
    if (rest.length > max) truncated = true
    out[key] = rest.slice(0, max)
  }
  if (truncated) out.NextToken = encode(paginator, skip + max)
  return out
}
