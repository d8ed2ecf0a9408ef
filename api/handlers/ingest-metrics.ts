import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import type { FreshnessRow } from '../services/freshness.js';

// What the scheduled ingest tells CloudWatch after each run, in the embedded metric format (one JSON
// log line per set of dimensions, which CloudWatch turns into metrics; no API call, no extra role):
// - per series the schedule keeps (dimension Series): DaysLate (days past the day its next
//   observation was due, 0 when on time) and Stale (1 or 0), to graph or to alarm on one series;
// - per run: StaleSeries (how many kept series are late: the alarm), SeriesKept, SeriesChecked (how
//   many the run checked: the "ingest is not running" alarm) and JobsFailed.
// Namespace Tide, dimensions service (tide-ingest) and Stage, as serverless.yml's alarms name them.

export const METRICS_NAMESPACE = 'Tide';
export const METRICS_SERVICE = 'tide-ingest';

export interface RunFigures {
  /** The freshness of every series the schedule keeps, after this run. */
  rows: FreshnessRow[];
  checked: number;
  jobsFailed: number;
}

export function createIngestMetrics(stage: string): Metrics {
  return new Metrics({ namespace: METRICS_NAMESPACE, serviceName: METRICS_SERVICE, defaultDimensions: { Stage: stage } });
}

/** Emits the run's metrics: one EMF document per series, then one for the run. */
export function publishRunMetrics(metrics: Metrics, figures: RunFigures): void {
  for (const row of figures.rows) {
    metrics.addDimension('Series', row.id);
    metrics.addMetric('DaysLate', MetricUnit.Count, row.daysLate);
    metrics.addMetric('Stale', MetricUnit.Count, row.stale ? 1 : 0);
    if (row.expectedBy) metrics.addMetadata('expectedBy', row.expectedBy);
    if (row.expectedFrom) metrics.addMetadata('expectedFrom', row.expectedFrom);
    if (row.lastObservation) metrics.addMetadata('lastObservation', row.lastObservation);
    metrics.publishStoredMetrics();
  }
  metrics.addMetric('StaleSeries', MetricUnit.Count, figures.rows.filter((r) => r.stale).length);
  metrics.addMetric('SeriesKept', MetricUnit.Count, figures.rows.length);
  metrics.addMetric('SeriesChecked', MetricUnit.Count, figures.checked);
  metrics.addMetric('JobsFailed', MetricUnit.Count, figures.jobsFailed);
  metrics.publishStoredMetrics();
}
