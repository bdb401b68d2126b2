<?php

declare(strict_types=1);

namespace Platform\Bff;

use Platform\Shared\Redis\RedisConnection;

/**
 * Keeps the platform status in Redis for CACHE_TTL seconds.
 */
final class RedisStatusCache implements StatusCache
{
    private const KEY = 'status';

    public function __construct(private readonly RedisConnection $redis, private readonly int $ttl)
    {
    }

    public function get(): ?array
    {
        $raw = $this->redis->client()->get(self::KEY);
        $status = is_string($raw) ? json_decode($raw, true) : null;

        /** @var array<string, mixed>|null */
        return is_array($status) ? $status : null;
    }

    public function put(array $status): void
    {
        if ($this->ttl > 0) {
            $this->redis->client()->setEx(self::KEY, $this->ttl, json_encode($status, JSON_THROW_ON_ERROR));
        }
    }
}
