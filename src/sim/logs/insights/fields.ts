import type { Command, Expr } from './ast.ts'

/**
 * The fields a query reads from events: every name its expressions mention, `display` and `dedup` names, and, when no
 * command chooses columns (`fields`, `display`, `stats`), the four a plain query shows. Only these are taken out of
 * each event's JSON (and kept, column by column), so a query over a day of events reads three fields, not fifty.
 */
export const DEFAULT_COLUMNS = ['@timestamp', '@message', '@logStream', '@log']

export function referencedFields(commands: readonly Command[]): Set<string> {
  const names = new Set<string>(['@timestamp'])
  const visit = (expr: Expr): void => {
    switch (expr.type) {
      case 'field':
        names.add(expr.name)
        return
      case 'list':
        return expr.items.forEach(visit)
      case 'call':
        return expr.args.forEach(visit)
      case 'unary':
        return visit(expr.operand)
      case 'binary':
        visit(expr.left)
        return visit(expr.right)
      default:
        return
    }
  }
  let choosesColumns = false
  for (const c of commands) {
    switch (c.command) {
      case 'fields':
        choosesColumns = true
        c.items.forEach((i) => visit(i.expr))
        break
      case 'display':
        choosesColumns = true
        c.names.forEach((n) => names.add(n))
        break
      case 'dedup':
        c.names.forEach((n) => names.add(n))
        break
      case 'filter':
        visit(c.expr)
        break
      case 'stats':
        choosesColumns = true
        c.aggregates.forEach((a) => visit(a.expr))
        c.by.forEach((b) => visit(b.expr))
        break
      case 'sort':
        c.keys.forEach((k) => visit(k.expr))
        break
      case 'parse':
        visit(c.source)
        break
      case 'limit':
        break
    }
  }
  if (!choosesColumns) DEFAULT_COLUMNS.forEach((n) => names.add(n))
  return names
}
