<?php

declare(strict_types=1);

namespace Platform\Notification\Delivery;

use Platform\Shared\Redis\RedisConnection;

/**
 * Keeps notifications in Redis: a hash per notification, a ready list, a retry sorted set by due time, a dead list.
 */
final class RedisQueue implements Queue
{
    public function __construct(private readonly RedisConnection $redis)
    {
    }

    public function save(Notification $notification): void
    {
        $this->redis->client()->hMSet('notification:' . $notification->id, $notification->toFields());
    }

    public function find(string $id): ?Notification
    {
        $fields = $this->redis->client()->hGetAll('notification:' . $id);
        if (!is_array($fields) || $fields === []) {
            return null;
        }

        return Notification::fromFields(self::strings($fields));
    }

    public function enqueue(string $id): void
    {
        $this->redis->client()->rPush('notifications:ready', $id);
    }

    public function next(): ?string
    {
        $id = $this->redis->client()->lPop('notifications:ready');

        return is_string($id) ? $id : null;
    }

    public function scheduleRetry(string $id, int $dueAt): void
    {
        $this->redis->client()->zAdd('notifications:retry', $dueAt, $id);
    }

    public function releaseDue(int $now): int
    {
        $redis = $this->redis->client();
        $released = 0;
        $due = $redis->zRangeByScore('notifications:retry', '-inf', (string) $now, ['limit' => [0, 100]]);
        foreach (is_array($due) ? $due : [] as $id) {
            // Only the client that removes the entry re-queues it, so concurrent workers never double-deliver.
            if ($redis->zRem('notifications:retry', $id) === 1) {
                $redis->rPush('notifications:ready', $id);
                $released++;
            }
        }

        return $released;
    }

    public function bury(string $id): void
    {
        $this->redis->client()->lPush('notifications:dead', $id);
    }

    public function dead(int $limit): array
    {
        $ids = $this->redis->client()->lRange('notifications:dead', 0, $limit - 1);

        return array_values(self::strings(is_array($ids) ? $ids : []));
    }

    /**
     * Keeps the string-convertible values of a Redis reply.
     *
     * @param array<array-key, mixed> $reply
     * @return array<string, string>
     */
    private static function strings(array $reply): array
    {
        $strings = [];
        foreach ($reply as $key => $value) {
            if (is_scalar($value)) {
                $strings[(string) $key] = (string) $value;
            }
        }

        return $strings;
    }
}
