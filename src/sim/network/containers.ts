/**
 * ECS owns tasks and answers "which RUNNING container receives TCP traffic at (ip, port)"; the network asks it
 * for the last hop of a request and for health checks.
 */
export { listeningContainer, type ListeningContainer } from '../ecs/index.ts'
