<?php

declare(strict_types=1);

namespace Platform\Shared\Tests\Unit;

use Platform\Shared\Metrics\FileStore;
use Platform\Shared\Metrics\MemoryStore;
use Platform\Shared\Metrics\MetricNames;
use Platform\Shared\Metrics\Metrics;
use Platform\Shared\Metrics\Store;
use PHPUnit\Framework\TestCase;

final class MetricsTest extends TestCase
{
    public function testEmptyRegistryStillDeclaresFamilies(): void
    {
        $text = (new Metrics(new MemoryStore(), 'svc'))->render();
        self::assertStringContainsString("# TYPE http_requests_total counter\n", $text);
        self::assertStringContainsString("# TYPE http_request_duration_seconds histogram\n", $text);
    }

    public function testHistogramIsCumulativeAndOrdered(): void
    {
        $metrics = new Metrics(new MemoryStore(), 'svc');
        $metrics->observeRequest('GET', '/v1/a', 200, 0.15);
        $metrics->observeRequest('GET', '/v1/a', 500, 3.0);
        $lines = explode("\n", $metrics->render());
        $labels = 'service="svc",method="GET",route="/v1/a"';
        self::assertContains('http_requests_total{' . $labels . ',status="200"} 1', $lines);
        self::assertContains('http_requests_total{' . $labels . ',status="500"} 1', $lines);
        self::assertContains('http_request_duration_seconds_bucket{' . $labels . ',le="0.1"} 0', $lines);
        self::assertContains('http_request_duration_seconds_bucket{' . $labels . ',le="0.2"} 1', $lines);
        self::assertContains('http_request_duration_seconds_bucket{' . $labels . ',le="5"} 2', $lines);
        self::assertContains('http_request_duration_seconds_bucket{' . $labels . ',le="+Inf"} 2', $lines);
        self::assertContains('http_request_duration_seconds_sum{' . $labels . '} 3.15', $lines);
        self::assertContains('http_request_duration_seconds_count{' . $labels . '} 2', $lines);
        $buckets = array_values(array_filter($lines, static fn (string $l): bool => str_contains($l, '_bucket')));
        self::assertCount(count(MetricNames::DURATION_BUCKETS) + 1, $buckets);
        self::assertStringContainsString('le="0.005"', $buckets[0]);
        self::assertStringContainsString('le="+Inf"', $buckets[count($buckets) - 1]);
    }

    public function testBucketsIncludeCanaryThreshold(): void
    {
        self::assertContains(0.2, MetricNames::DURATION_BUCKETS);
    }

    public function testLabelValuesAreEscapedAndJunkIgnored(): void
    {
        $store = new MemoryStore();
        $store->add(['not json' => 1.0, '["x", 5]' => 1.0]);
        $metrics = new Metrics($store, "a\"b\\c\nd");
        $metrics->observeRequest('GET', '/', 200, 0.001);
        self::assertStringContainsString('service="a\\"b\\\\c\\nd"', $metrics->render());
    }

    public function testFileStoreAddsAcrossInstances(): void
    {
        $path = sys_get_temp_dir() . '/metrics-test-' . bin2hex(random_bytes(4)) . '.json';
        try {
            (new FileStore($path))->add(['a' => 1.0]);
            (new FileStore($path))->add(['a' => 2.5, 'b' => 1.0]);
            self::assertSame(['a' => 3.5, 'b' => 1.0], (new FileStore($path))->all());
        } finally {
            @unlink($path);
        }
        self::assertInstanceOf(Store::class, FileStore::forService('x'));
    }

    public function testFileStoreFailsClearlyOnUnwritablePath(): void
    {
        $this->expectExceptionMessage('cannot open metrics file');
        (new FileStore('/nonexistent-dir/metrics.json'))->all();
    }
}
