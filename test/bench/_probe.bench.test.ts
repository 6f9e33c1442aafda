import { it } from 'vitest'
import { ok, setUp } from './fleet.ts'
import { project } from '../../src/app/state/projection.ts'
it('probe', () => {
  const { sandbox } = setUp(10, 5, 20)
  sandbox.advance(600_000)
  let t = performance.now()
  let p = project(sandbox.world(), undefined)
  console.log('first', performance.now() - t)
  for (let i = 0; i < 5; i++) {
    ok(sandbox, `aws ecs update-service --cluster bench --service s${i} --desired-count 19`)
    t = performance.now(); const q = project(sandbox.world(), p); console.log('next', performance.now() - t, q === p, q.ecs.tasks === p.ecs.tasks, q.ec2 === p.ec2); p = q
  }
  for (let r = 0; r < 3; r++) for (const k of Object.keys(p)) { const w = sandbox.world() as any; t = performance.now(); project(w[k], (p as any)[k]); console.log(k, performance.now() - t) }
  sandbox.advance(30_000)
  t = performance.now(); const q = project(sandbox.world(), p); console.log('after advance', performance.now() - t, JSON.stringify(q) === JSON.stringify(sandbox.world()))
  console.log(JSON.stringify(sandbox.history().checkpoints.map(c => [c.position, c.snapshot.length])), sandbox.position())
})
