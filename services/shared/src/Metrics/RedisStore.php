<?php

declare(strict_types=1);

namespace Platform\Shared\Metrics;

use Platform\Shared\Redis\RedisConnection;

/**
 * Keeps samples in one Redis hash per service, incremented in a MULTI block.
 *
 * Every replica of a service adds to the same hash, so each pod's /metrics shows
 * the service-wide totals; queries aggregate with sum by (service) or max.
 */
final class RedisStore implements Store
{
    public function __construct(private readonly RedisConnection $redis, private readonly string $key)
    {
    }

    public function add(array $deltas): void
    {
        $redis = $this->redis->client();
        $redis->multi();
        foreach ($deltas as $field => $delta) {
            $redis->hIncrByFloat($this->key, $field, $delta);
        }
        $redis->exec();
    }

    public function all(): array
    {
        $raw = $this->redis->client()->hGetAll($this->key);
        $values = [];
        foreach (is_array($raw) ? $raw : [] as $field => $value) {
            if (is_numeric($value)) {
                $values[(string) $field] = (float) $value;
            }
        }

        return $values;
    }
}
