<?php

declare(strict_types=1);

namespace Platform\Shared\Health;

use Platform\Shared\Redis\RedisConnection;

/**
 * Probes Redis with PING.
 */
final class RedisCheck implements Check
{
    public function __construct(private readonly RedisConnection $redis)
    {
    }

    public function name(): string
    {
        return 'redis';
    }

    public function check(): void
    {
        $this->redis->client()->ping();
    }
}
