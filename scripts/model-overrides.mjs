// scripts/model-overrides.json, read and applied by scripts/gen-models.mjs: hand-kept corrections for what
// botocore's models still lack, each entry naming its source. An entry is `{ source, order?, add? }` (reorder a
// structure's members and/or add members) or `{ source, define }` (a whole shape, in the generated model's own
// format). Every check fails loudly, so an entry that botocore has caught up with is noticed and dropped.

import { readFileSync } from 'node:fs'

const SCALAR_TYPES = ['string', 'integer', 'long', 'boolean', 'timestamp', 'double', 'float', 'blob']
const SHAPE_TYPES = new Set(['structure', 'list', 'map', ...SCALAR_TYPES])
const MEMBER_REF_KEYS = new Set(['shape', 'deprecated', 'idempotencyToken'])

/** Reads and checks the overrides file's form: { "$comment", <cli>: { <shape>: { source, order?, add? } | { source, define } } }. */
export function readOverrides(file, serviceNames) {
  const data = JSON.parse(readFileSync(file, 'utf8'))
  const fail = (msg) => { throw new Error(`${file}: ${msg}`) }
  const checkRef = (ref, where) => {
    if (!ref || typeof ref !== 'object' || typeof ref.shape !== 'string') fail(`${where}: a member ref needs {"shape": "<name>"}`)
    for (const k of Object.keys(ref)) if (!MEMBER_REF_KEYS.has(k)) fail(`${where}: unknown member ref key ${k}`)
  }
  const checkShape = (s, where) => {
    if (!s || typeof s !== 'object' || !SHAPE_TYPES.has(s.type)) fail(`${where}: not a shape (type ${s?.type})`)
    const allowed = { structure: ['members', 'required', 'exception', 'document', 'union'], list: ['member'], map: ['key', 'value'] }[s.type] ?? ['enum', 'timestampFormat', 'jsonvalue']
    for (const k of Object.keys(s)) if (k !== 'type' && !allowed.includes(k)) fail(`${where}: unexpected key ${k} on a ${s.type} shape`)
    if (s.type === 'structure') {
      for (const [m, ref] of Object.entries(s.members ?? fail(`${where}: structure without members`))) checkRef(ref, `${where}.${m}`)
      for (const r of s.required ?? []) if (!(r in s.members)) fail(`${where}: required member ${r} is not a member`)
    }
    if (s.type === 'list') checkRef(s.member, `${where}[]`)
    if (s.type === 'map') { checkRef(s.key, `${where}<key>`); checkRef(s.value, `${where}<value>`) }
    if (s.enum !== undefined && (!Array.isArray(s.enum) || s.enum.some((v) => typeof v !== 'string'))) fail(`${where}: enum must be a list of strings`)
  }
  const byService = new Map()
  for (const [cli, entries] of Object.entries(data)) {
    if (cli.startsWith('$')) continue
    if (!serviceNames.includes(cli)) fail(`unknown service ${cli}`)
    for (const [name, e] of Object.entries(entries)) {
      const where = `${cli} ${name}`
      if (typeof e.source !== 'string' || !e.source.trim()) fail(`${where}: every entry names its source`)
      for (const k of Object.keys(e)) if (!['source', 'order', 'add', 'define'].includes(k)) fail(`${where}: unknown key ${k}`)
      if (e.define !== undefined) {
        if (e.order !== undefined || e.add !== undefined) fail(`${where}: define excludes order/add`)
        checkShape(e.define, where)
      } else {
        if (e.order === undefined && e.add === undefined) fail(`${where}: needs order, add or define`)
        if (e.order !== undefined && (!Array.isArray(e.order) || e.order.some((m) => typeof m !== 'string'))) fail(`${where}: order must be a list of member names`)
        for (const [m, ref] of Object.entries(e.add ?? {})) checkRef(ref, `${where}.${m}`)
      }
    }
    byService.set(cli, entries)
  }
  return byService
}

/**
 * Applies one service's overrides (`entries`, from readOverrides) to the converted shapes (in file order, so
 * deterministically) and returns what it did, one line per entry. Throws when an entry does not fit the
 * botocore model it corrects.
 */
export function applyOverrides(cli, shapes, entries) {
  if (!entries) return []
  const fail = (msg) => { throw new Error(`model overrides: ${cli} ${msg}`) }
  const applied = []
  const defined = []
  for (const [name, e] of Object.entries(entries)) {
    if (e.define) {
      if (shapes.has(name)) fail(`${name}: define names a shape botocore already has (drop the entry, or correct it with order/add)`)
      shapes.set(name, structuredClone(e.define))
      defined.push(name)
      applied.push(`${name}: defined (${e.define.type})`)
      continue
    }
    const shape = shapes.get(name)
    if (!shape) fail(`${name}: no such shape`)
    if (shape.type !== 'structure') fail(`${name}: is a ${shape.type}, order/add apply to structures`)
    const existing = Object.keys(shape.members)
    const add = e.add ?? {}
    for (const m of Object.keys(add)) if (existing.includes(m)) fail(`${name}.${m}: add names a member botocore already has`)
    const all = [...existing, ...Object.keys(add)]
    const order = e.order ?? all
    const missing = all.filter((m) => !order.includes(m))
    const unknown = order.filter((m) => !all.includes(m))
    const dupes = order.filter((m, i) => order.indexOf(m) !== i)
    if (missing.length || unknown.length || dupes.length) {
      fail(`${name}: order must list every member once (missing: ${missing.join(',') || '-'}; unknown: ${unknown.join(',') || '-'}; repeated: ${dupes.join(',') || '-'})`)
    }
    if (order.join(',') === existing.join(',')) fail(`${name}: no-op (botocore already has this order and these members; drop the entry)`)
    const reordered = order.filter((m) => existing.includes(m)).join(',') !== existing.join(',')
    const members = {}
    for (const m of order) members[m] = shape.members[m] ?? structuredClone(add[m])
    shape.members = members
    if (shape.required) shape.required = order.filter((m) => shape.required.includes(m))
    const what = [...(reordered ? ['reordered'] : []), ...Object.keys(add).map((m) => `+${m}`)]
    applied.push(`${name}: ${what.join(' ')}`)
  }
  // Every reference must resolve after applying, and every defined shape must be used.
  const used = new Set()
  for (const [name, s] of shapes) {
    const refs = s.type === 'structure' ? Object.entries(s.members).map(([m, r]) => [`${name}.${m}`, r.shape])
      : s.type === 'list' ? [[`${name}[]`, s.member.shape]]
        : s.type === 'map' ? [[`${name}<key>`, s.key.shape], [`${name}<value>`, s.value.shape]] : []
    for (const [where, ref] of refs) {
      if (!shapes.has(ref)) fail(`${where}: refers to shape ${ref}, which neither botocore nor the overrides define`)
      used.add(ref)
    }
  }
  for (const name of defined) if (!used.has(name)) fail(`${name}: defined but not referenced by any shape`)
  return applied
}

// ---------------------------------------------------------------------------------------------------------
