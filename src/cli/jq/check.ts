import type { Node } from './ast.ts'
import { isBuiltin } from './builtins.ts'
import { JqCompileError } from './errors.ts'

/** What jq checks when it compiles: every function exists with that many arguments, every `$name` is bound. */
export function checkProgram(node: Node, bound: ReadonlySet<string>): void {
  const visit = (n: Node, vars: ReadonlySet<string>): void => {
    switch (n.kind) {
      case 'call':
        if (!isBuiltin(n.name, n.args.length)) throw new JqCompileError(`${n.name}/${n.args.length} is not defined`)
        n.args.forEach((a) => visit(a, vars))
        return
      case 'variable':
        if (!vars.has(n.name)) throw new JqCompileError(`$${n.name} is not defined`)
        return
      case 'as':
        visit(n.source, vars)
        visit(n.body, new Set(vars).add(n.name))
        return
      case 'reduce':
        visit(n.source, vars)
        visit(n.init, vars)
        visit(n.update, new Set(vars).add(n.name))
        return
      case 'string':
        n.parts.forEach((p) => typeof p !== 'string' && visit(p, vars))
        return
      case 'object':
        n.entries.forEach((e) => (visit(e.key, vars), visit(e.value, vars)))
        return
      case 'if':
        n.branches.forEach((b) => (visit(b.cond, vars), visit(b.then, vars)))
        if (n.otherwise) visit(n.otherwise, vars)
        return
      default:
        for (const child of Object.values(n)) if (child && typeof child === 'object' && 'kind' in child) visit(child as Node, vars)
    }
  }
  visit(node, bound)
}
