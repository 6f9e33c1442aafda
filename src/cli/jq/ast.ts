/** A jq program as a tree; see parse.ts for the grammar that builds it. */
export type Node =
  | { kind: 'identity' }
  | { kind: 'recurse' }
  | { kind: 'literal'; value: Json }
  | { kind: 'string'; parts: (string | Node)[]; format?: string }
  | { kind: 'format'; name: string }
  | { kind: 'variable'; name: string }
  | { kind: 'index'; target: Node; key: Node }
  | { kind: 'slice'; target: Node; from?: Node; to?: Node }
  | { kind: 'iterate'; target: Node }
  | { kind: 'optional'; body: Node }
  | { kind: 'pipe'; left: Node; right: Node }
  | { kind: 'comma'; left: Node; right: Node }
  | { kind: 'binary'; op: '+' | '-' | '*' | '/' | '%' | '==' | '!=' | '<' | '<=' | '>' | '>='; left: Node; right: Node }
  | { kind: 'and' | 'or' | 'alternative'; left: Node; right: Node }
  | { kind: 'negate'; body: Node }
  | { kind: 'array'; body?: Node }
  | { kind: 'object'; entries: { key: Node; value: Node }[] }
  | { kind: 'call'; name: string; args: Node[] }
  | { kind: 'if'; branches: { cond: Node; then: Node }[]; otherwise?: Node }
  | { kind: 'as'; source: Node; name: string; body: Node }
  | { kind: 'reduce'; source: Node; name: string; init: Node; update: Node }

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json }
