<?php

declare(strict_types=1);

namespace Platform\Notification\Tests\Unit;

use Platform\Notification\Delivery\Notification;
use Platform\Notification\Delivery\Queue;

/**
 * Keeps the queue in memory with the same semantics as RedisQueue.
 */
final class MemoryQueue implements Queue
{
    /** @var array<string, Notification> */
    public array $saved = [];
    /** @var list<string> */
    public array $ready = [];
    /** @var array<string, int> */
    public array $retries = [];
    /** @var list<string> */
    public array $buried = [];

    public function save(Notification $notification): void
    {
        $this->saved[$notification->id] = $notification;
    }

    public function find(string $id): ?Notification
    {
        return $this->saved[$id] ?? null;
    }

    public function enqueue(string $id): void
    {
        $this->ready[] = $id;
    }

    public function next(): ?string
    {
        return array_shift($this->ready);
    }

    public function scheduleRetry(string $id, int $dueAt): void
    {
        $this->retries[$id] = $dueAt;
    }

    public function releaseDue(int $now): int
    {
        $due = array_keys(array_filter($this->retries, static fn (int $at): bool => $at <= $now));
        foreach ($due as $id) {
            unset($this->retries[$id]);
            $this->ready[] = $id;
        }

        return count($due);
    }

    public function bury(string $id): void
    {
        array_unshift($this->buried, $id);
    }

    public function dead(int $limit): array
    {
        return array_slice($this->buried, 0, $limit);
    }
}
