<?php

declare(strict_types=1);

namespace Platform\Shared\Metrics;

/**
 * Records the HTTP metrics of a service and renders them in the Prometheus text format.
 */
final class Metrics
{
    private const FAMILIES = [
        MetricNames::HTTP_REQUESTS_TOTAL => ['counter', 'HTTP requests handled, by route and status.'],
        MetricNames::HTTP_REQUEST_DURATION_SECONDS => ['histogram', 'HTTP request duration in seconds, by route.'],
    ];

    public function __construct(private readonly Store $store, private readonly string $service)
    {
    }

    /** Counts one request and observes its duration. */
    public function observeRequest(string $method, string $route, int $status, float $seconds): void
    {
        $labels = ['service' => $this->service, 'method' => $method, 'route' => $route];
        $duration = MetricNames::HTTP_REQUEST_DURATION_SECONDS;
        $deltas = [
            self::key(MetricNames::HTTP_REQUESTS_TOTAL, $labels + ['status' => (string) $status]) => 1.0,
            self::key($duration . '_sum', $labels) => $seconds,
            self::key($duration . '_count', $labels) => 1.0,
            self::key($duration . '_bucket', $labels + ['le' => '+Inf']) => 1.0,
        ];
        foreach (MetricNames::DURATION_BUCKETS as $le) {
            // Every bucket gets a sample, even at 0, so all series share one bucket layout.
            $bucket = self::key($duration . '_bucket', $labels + ['le' => self::number($le)]);
            $deltas[$bucket] = $seconds <= $le ? 1.0 : 0.0;
        }
        $this->store->add($deltas);
    }

    /** Renders every family, with HELP and TYPE even before the first sample. */
    public function render(): string
    {
        $samples = [];
        foreach ($this->store->all() as $key => $value) {
            $decoded = json_decode($key, true);
            if (!is_array($decoded) || !is_string($decoded[0] ?? null) || !is_array($decoded[1] ?? null)) {
                continue;
            }
            $labels = [];
            foreach ($decoded[1] as $name => $labelValue) {
                $labels[(string) $name] = is_scalar($labelValue) ? (string) $labelValue : '';
            }
            $samples[] = ['name' => $decoded[0], 'labels' => $labels, 'value' => $value];
        }
        usort($samples, [self::class, 'compare']);
        $out = '';
        foreach (self::FAMILIES as $family => [$type, $help]) {
            $out .= sprintf("# HELP %s %s\n# TYPE %s %s\n", $family, $help, $family, $type);
            foreach ($samples as $sample) {
                if (self::familyOf($sample['name']) === $family) {
                    $out .= $sample['name'] . self::labels($sample['labels'])
                        . ' ' . self::number($sample['value']) . "\n";
                }
            }
        }

        return $out;
    }

    /** @param array<string, string> $labels */
    private static function key(string $name, array $labels): string
    {
        return json_encode([$name, $labels], JSON_THROW_ON_ERROR | JSON_UNESCAPED_SLASHES);
    }

    private static function familyOf(string $sample): string
    {
        return (string) preg_replace('/_(bucket|sum|count)$/', '', $sample);
    }

    /**
     * Orders samples by name, then labels, then bucket bound, so buckets read upwards to +Inf.
     *
     * @param array{name: string, labels: array<string, string>, value: float} $a
     * @param array{name: string, labels: array<string, string>, value: float} $b
     */
    private static function compare(array $a, array $b): int
    {
        $la = $a['labels'];
        $lb = $b['labels'];
        $leA = $la['le'] ?? '';
        $leB = $lb['le'] ?? '';
        unset($la['le'], $lb['le']);

        return [$a['name'], self::labels($la), self::bound($leA)]
            <=> [$b['name'], self::labels($lb), self::bound($leB)];
    }

    private static function bound(string $le): float
    {
        return $le === '+Inf' ? INF : (float) $le;
    }

    /** @param array<string, string> $labels */
    private static function labels(array $labels): string
    {
        if ($labels === []) {
            return '';
        }
        $parts = [];
        foreach ($labels as $name => $value) {
            $parts[] = $name . '="' . str_replace(['\\', '"', "\n"], ['\\\\', '\\"', '\\n'], $value) . '"';
        }

        return '{' . implode(',', $parts) . '}';
    }

    private static function number(float $value): string
    {
        if (is_infinite($value)) {
            return $value > 0 ? '+Inf' : '-Inf';
        }
        if (floor($value) === $value && abs($value) < 1e15) {
            return sprintf('%d', $value);
        }

        return rtrim(rtrim(sprintf('%.9F', $value), '0'), '.');
    }
}
