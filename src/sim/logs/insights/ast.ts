/** The parsed query: commands in order, each with its expressions (parser.ts builds it, evaluator.ts runs it). */
export type Expr =
  | { type: 'field'; name: string }
  | { type: 'literal'; value: string | number }
  | { type: 'duration'; ms: number; text: string }
  | { type: 'regex'; source: string; flags: string }
  | { type: 'list'; items: Expr[] }
  | { type: 'call'; name: string; args: Expr[] }
  | { type: 'unary'; op: 'not' | '-'; operand: Expr }
  | { type: 'binary'; op: string; left: Expr; right: Expr }

/** An expression with the column name it gets: its `as` alias, or its own text (`avg(CpuUtilized)`, §6.1). */
export interface Named {
  expr: Expr
  name: string
}

export type Command =
  | { command: 'fields'; items: Named[] }
  | { command: 'display'; names: string[] }
  | { command: 'filter'; expr: Expr }
  | { command: 'stats'; aggregates: Named[]; by: Named[] }
  | { command: 'sort'; keys: { expr: Expr; descending: boolean }[] }
  | { command: 'limit'; count: number }
  | { command: 'parse'; source: Expr; pattern: { glob: string } | { regex: RegExp }; names: string[] }
  | { command: 'dedup'; names: string[] }
