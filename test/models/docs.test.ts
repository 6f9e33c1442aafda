import { describe, expect, it } from 'vitest'
import { getServiceDocs, loadAllServiceDocs, loadServiceDocs, serviceNames } from '../../src/models/index.ts'

describe('service documentation', () => {
  it('is loaded on demand, then available synchronously', async () => {
    const docs = await loadServiceDocs('ecs')
    expect(docs?.cliName).toBe('ecs')
    expect(getServiceDocs('ecs')).toBe(docs)
    expect(await loadServiceDocs('s3')).toBeUndefined()
  })

  it('gives the first sentence of operations and members', async () => {
    const docs = await loadServiceDocs('ecs')
    expect(docs?.operations.CreateCluster).toBe('Creates a new Amazon ECS cluster.')
    expect(docs?.operations.CreateService).toBe('Runs and maintains your desired number of tasks from a specified task definition.')
    expect(docs?.shapes.CreateServiceRequest?.serviceName).toMatch(/^The name of your service\.$/)
    const elbv2 = await loadServiceDocs('elbv2')
    expect(elbv2?.shapes.CreateLoadBalancerInput?.Name).toMatch(/^The name of the load balancer\./)
  })

  it('carries AWS examples', async () => {
    const docs = await loadServiceDocs('ecs')
    const example = docs?.examples.CreateCluster?.[0]
    expect(example).toMatchObject({ title: 'To create a new cluster', input: { clusterName: 'my_cluster' } })
  })

  it('exists for every service', async () => {
    await loadAllServiceDocs()
    for (const svc of serviceNames()) expect(Object.keys(getServiceDocs(svc)?.operations ?? {}).length, svc).toBeGreaterThan(0)
  })
})
