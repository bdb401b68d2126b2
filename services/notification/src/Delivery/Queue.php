<?php

declare(strict_types=1);

namespace Platform\Notification\Delivery;

/**
 * Stores notifications and the order of their deliveries.
 */
interface Queue
{
    /** Saves the notification's state. */
    public function save(Notification $notification): void;

    public function find(string $id): ?Notification;

    /** Puts an id at the back of the ready queue. */
    public function enqueue(string $id): void;

    /** Takes the next ready id, or null when the queue is empty. */
    public function next(): ?string;

    /** Schedules an id to become ready at unix time dueAt. */
    public function scheduleRetry(string $id, int $dueAt): void;

    /** Moves the retries due by now to the ready queue; returns how many. */
    public function releaseDue(int $now): int;

    /** Records an id whose attempts are used up. */
    public function bury(string $id): void;

    /** @return list<string> the newest dead ids first */
    public function dead(int $limit): array;
}
