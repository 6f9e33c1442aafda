import type { ServiceSim } from '../context.ts'
import { putLogEvents, getLogEvents } from './events.ts'
import { filterLogEvents } from './filter.ts'
import { createLogGroup, deleteLogGroup, deleteRetentionPolicy, describeLogGroups, putRetentionPolicy } from './groups.ts'
import { describeQueries, getQueryResults, queryStep, startQuery, stopQuery } from './queries.ts'
import { createLogStream, describeLogStreams } from './streams.ts'

export { emptyLogsState, LOG_EVENTS_LIMIT, type LogsState, type StoredLogEvent, type StoredLogBatch, type StoredLogEntry } from './state.ts'
export { registerBatchFormat, type BatchFormat } from './batches.ts'
export { runQuery, QUERY_TIMINGS } from './queries.ts'
export { hasLogGroup, noteStored, produceLogBatch, produceLogEvent, producerStream } from './producers.ts'

/** CloudWatch Logs: log groups, streams and events, filter patterns, and Logs Insights queries on the clock. */
export const logs: ServiceSim = {
  operations: {
    CreateLogGroup: createLogGroup,
    DeleteLogGroup: deleteLogGroup,
    DescribeLogGroups: describeLogGroups,
    PutRetentionPolicy: putRetentionPolicy,
    DeleteRetentionPolicy: deleteRetentionPolicy,
    CreateLogStream: createLogStream,
    DescribeLogStreams: describeLogStreams,
    PutLogEvents: putLogEvents,
    GetLogEvents: getLogEvents,
    FilterLogEvents: filterLogEvents,
    StartQuery: startQuery,
    GetQueryResults: getQueryResults,
    StopQuery: stopQuery,
    DescribeQueries: describeQueries,
  },
  timers: {
    'logs.query.step': queryStep,
  },
}
