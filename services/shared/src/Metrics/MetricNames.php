<?php

declare(strict_types=1);

namespace Platform\Shared\Metrics;

/**
 * Names the metrics every service exposes at /metrics; the canary analysis queries these.
 *
 * Keep one constant per line as `public const NAME = 'value';`: an infrastructure
 * conformance test reads them with a regular expression.
 */
final class MetricNames
{
    /** Counter; labels: service, method, route, status. */
    public const HTTP_REQUESTS_TOTAL = 'http_requests_total';
    /** Histogram in seconds; labels: service, method, route. */
    public const HTTP_REQUEST_DURATION_SECONDS = 'http_request_duration_seconds';

    /** Histogram buckets (seconds) of HTTP_REQUEST_DURATION_SECONDS; 0.2 is the canary's latency threshold. */
    public const DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.2, 0.5, 1.0, 2.5, 5.0, 10.0];
}
