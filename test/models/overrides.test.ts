import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'

const generator = join(import.meta.dirname, '../../scripts/gen-models.mjs')
const overridesFile = join(import.meta.dirname, '../../scripts/model-overrides.json')

// A botocore checkout in miniature: one service, one operation, the files and keys botocore ships.
const dir = mkdtempSync(join(tmpdir(), 'gen-models-'))
const data = join(dir, 'botocore', 'data', 'ecs', '2014-11-13')
mkdirSync(data, { recursive: true })
writeFileSync(join(dir, 'botocore', '__init__.py'), "__version__ = '9.8.7'\n")
const service = {
  version: '2.0',
  metadata: { apiVersion: '2014-11-13', endpointPrefix: 'ecs', protocol: 'json', protocols: ['json'], serviceFullName: 'Amazon EC2 Container Service', serviceId: 'ECS', signingName: 'ecs', targetPrefix: 'AmazonEC2ContainerServiceV20141113', uid: 'ecs-2014-11-13' },
  documentation: '<p>Amazon ECS is a container management service. It is fast.</p>',
  operations: {
    ListClusters: {
      name: 'ListClusters', http: { method: 'POST', requestUri: '/' },
      input: { shape: 'ListClustersRequest' }, output: { shape: 'ListClustersResponse' }, errors: [{ shape: 'ServerException' }],
      documentation: '<p>Returns a list of existing clusters.</p>',
    },
  },
  shapes: {
    ListClustersRequest: { type: 'structure', members: { nextToken: { shape: 'String', documentation: '<p>The token.</p>' }, maxResults: { shape: 'BoxedInteger' } } },
    ListClustersResponse: { type: 'structure', members: { clusterArns: { shape: 'StringList' }, nextToken: { shape: 'String' } } },
    StringList: { type: 'list', member: { shape: 'String' } },
    String: { type: 'string' },
    BoxedInteger: { type: 'integer', box: true },
    ServerException: { type: 'structure', members: { message: { shape: 'String' } }, exception: true, fault: true },
  },
}
writeFileSync(join(data, 'service-2.json'), JSON.stringify(service))
writeFileSync(join(data, 'paginators-1.json'), JSON.stringify({ pagination: { ListClusters: { input_token: 'nextToken', output_token: 'nextToken', limit_key: 'maxResults', result_key: 'clusterArns' } } }))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** Runs the generator on the miniature with these overrides; its exit status, first error and ECS model. */
function generate(overrides: object, serviceJson: object = service) {
  writeFileSync(join(data, 'service-2.json'), JSON.stringify(serviceJson))
  const file = join(dir, 'overrides.json')
  writeFileSync(file, JSON.stringify(overrides))
  const out = join(dir, 'out')
  rmSync(out, { recursive: true, force: true })
  const r = spawnSync(process.execPath, [generator, join(dir, 'botocore', 'data'), '--commit', 'abc1234', '--only', 'ecs', '--out', out, '--quiet', '--overrides', file], { encoding: 'utf8' })
  const read = (name: string) => { try { return JSON.parse(readFileSync(join(out, name), 'utf8')) } catch { return undefined } }
  return { status: r.status, error: /^Error: (.*)$/m.exec(r.stderr)?.[1] ?? (r.stderr || undefined), model: read('ecs.json'), docs: read('ecs.docs.json') }
}

describe('scripts/gen-models.mjs on a botocore checkout', () => {
  it('keeps operations, the shapes they reach and paginators; names the botocore it read', () => {
    const { status, model, docs } = generate({})
    expect(status).toBe(0)
    expect(model.source).toBe('botocore 9.8.7 (commit abc1234): data/ecs/2014-11-13/{service-2.json,paginators-1.json}')
    expect(model.operations).toEqual({ ListClusters: { input: 'ListClustersRequest', output: 'ListClustersResponse' } })
    // Error shapes are not reached from inputs and outputs; wire and validation traits (`box`) are dropped.
    expect(Object.keys(model.shapes)).toEqual(['BoxedInteger', 'ListClustersRequest', 'ListClustersResponse', 'String', 'StringList'])
    expect(model.shapes.BoxedInteger).toEqual({ type: 'integer' })
    expect(model.paginators.ListClusters).toEqual({ input_token: 'nextToken', output_token: 'nextToken', limit_key: 'maxResults', result_key: 'clusterArns' })
    expect(docs).toMatchObject({
      doc: 'Amazon ECS is a container management service.',
      operations: { ListClusters: 'Returns a list of existing clusters.' },
      shapes: { ListClustersRequest: { nextToken: 'The token.' } },
    })
  })

  it('fails loudly on a model key it neither keeps nor knowingly drops', () => {
    const changed = structuredClone(service)
    Object.assign(changed.shapes.String, { brandNewTrait: true })
    const { status, error } = generate({}, changed)
    expect(status).toBe(1)
    expect(error).toMatch(/model keys the generator neither keeps nor knowingly drops: brandNewTrait \(String\)/)
  })
})

describe('the model overrides (scripts/model-overrides.json)', () => {
  it('name their source in every entry', () => {
    const overrides = JSON.parse(readFileSync(overridesFile, 'utf8')) as Record<string, unknown>
    for (const [svc, entries] of Object.entries(overrides)) {
      if (svc.startsWith('$')) continue
      for (const [name, e] of Object.entries(entries as Record<string, { source?: string }>)) expect(e.source, `${svc} ${name}`).toMatch(/fidelity §\d|botocore|https:\/\//)
    }
  })

  it('reorder, add and define shapes, and the model says it was corrected', () => {
    const { status, model } = generate({
      ecs: {
        ListClustersResponse: { source: 'a test', order: ['nextToken', 'clusterArns', 'clusterCount'], add: { clusterCount: { shape: 'ClusterCount' } } },
        ClusterCount: { source: 'a test', define: { type: 'integer' } },
      },
    })
    expect(status).toBe(0)
    expect(Object.keys(model.shapes.ListClustersResponse.members)).toEqual(['nextToken', 'clusterArns', 'clusterCount'])
    expect(model.shapes.ClusterCount).toEqual({ type: 'integer' })
    expect(model.source).toMatch(/; corrected by scripts\/model-overrides\.json$/)
  })

  it('make the generator fail loudly when an entry does not fit the model', () => {
    expect(generate({ ecs: { ListClusterResponse: { source: 'a test', order: ['nextToken'] } } })).toMatchObject({
      status: 1, error: 'model overrides: ecs ListClusterResponse: no such shape',
    })
    expect(generate({ ecs: { ListClustersResponse: { source: 'a test', order: ['clusterArns', 'nextToken'] } } })).toMatchObject({
      status: 1, error: 'model overrides: ecs ListClustersResponse: no-op (botocore already has this order and these members; drop the entry)',
    })
    expect(generate({ ecs: { StringList: { source: 'a test', define: { type: 'list', member: { shape: 'String' } } } } })).toMatchObject({
      status: 1, error: 'model overrides: ecs StringList: define names a shape botocore already has (drop the entry, or correct it with order/add)',
    })
    expect(generate({ ecs: { ListClustersResponse: { source: 'a test', add: { clusterCount: { shape: 'ClusterCount' } } } } })).toMatchObject({
      status: 1, error: 'model overrides: ecs ListClustersResponse.clusterCount: refers to shape ClusterCount, which neither botocore nor the overrides define',
    })
  })
})
